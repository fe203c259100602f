#pragma once

#include <httplib.h>

#include <string>

namespace vakkaart::server {

/// The text a request asks to analyse, already extracted to plain text.
struct AnalyseInput {
  std::string text;
  std::string name;  // the uploaded file's name, or "text"
};

/// Reads what to analyse from any of the ways a client sends it: a JSON body `{text, format?}`;
/// a multipart form with a `file` upload (any supported format) or a `text` field (what the
/// page's form sends); or the document itself as the body, its format told by Content-Type
/// (text/plain, text/markdown, text/html, application/pdf, the DOCX type) or sniffed. Throws
/// Error naming the field for an empty or unreadable input.
AnalyseInput analyse_input_from(const httplib::Request& req);

}  // namespace vakkaart::server
