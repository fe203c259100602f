#pragma once

#include <httplib.h>

#include <string>

namespace vakkaart::server {

/// The text a request asks to analyse, already extracted to plain text.
struct AnalyseInput {
  std::string text;
  std::string name;  // the uploaded file's name, or "text"
  /// A multipart form sent both a file and a pasted text, and both were read: the pasted text
  /// first, then the file's (a person who filled in both meant both; none is dropped unsaid).
  bool pasted_and_file = false;
};

/// Reads what to analyse from any of the ways a client sends it: a JSON body `{text, format?}`;
/// a multipart form with a `file` upload (any supported format) and/or a `text` field (what
/// the page's form sends; with both, both are read); or the document itself as the body, its format
/// told by Content-Type (text/plain, text/markdown, text/html, application/pdf, the DOCX type) or
/// sniffed. Throws Error naming the field for an empty or unreadable input.
AnalyseInput analyse_input_from(const httplib::Request& req);

}  // namespace vakkaart::server
