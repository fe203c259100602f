#include "server/analyse_request.h"

#include "analysis/input/input.h"
#include "analysis/input/job_text.h"
#include "core/error.h"
#include "core/json.h"
#include "text/decode.h"
#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::server {

namespace {

std::optional<analysis::InputFormat> format_of_content_type(const std::string& content_type) {
  auto type = content_type.substr(0, content_type.find(';'));
  if (type == "text/plain")
    return analysis::InputFormat::text;
  if (type == "text/markdown")
    return analysis::InputFormat::markdown;
  if (type == "text/html")
    return analysis::InputFormat::html;
  if (type == "application/pdf")
    return analysis::InputFormat::pdf;
  if (type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return analysis::InputFormat::docx;
  return std::nullopt;
}

/// The charset a Content-Type names ("text/plain; charset=ISO-8859-1" -> "iso-8859-1"), or "".
std::string charset_of(const std::string& content_type) {
  const std::string lower = text::ascii_lower(content_type);
  const auto at = lower.find("charset=");
  if (at == std::string::npos)
    return "";
  std::string value = lower.substr(at + 8);
  value = value.substr(0, value.find(';'));
  std::erase_if(value, [](char ch) { return ch == '"' || ch == ' ' || ch == '\t'; });
  return value;
}

/// A plain-text or Markdown body in UTF-8, as its Content-Type's charset says: UTF-8 (or ASCII,
/// or none named) as it is; Latin-1 and Windows-1252 converted (text::decode_text reads them as
/// Windows-1252, a superset of Latin-1's printable range), where reading them as UTF-8 refused
/// the first accented letter; any other charset refused by name (415).
std::string body_in_utf8(const std::string& body, const std::string& content_type) {
  const std::string charset = charset_of(content_type);
  if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii")
    return body;
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso-8859-15" ||
      charset == "windows-1252" || charset == "cp1252")
    return text::decode_text(body, "body", {.allow_windows_1252 = true}).text;
  throw Error(ErrorCode::unsupported_media,
              "charset '" + std::string(text::truncate_utf8(charset, 40)) +
                  "' is not supported: send UTF-8 (or Latin-1 / Windows-1252)",
              {"", 0, "Content-Type"});
}

AnalyseInput extracted(const std::string& bytes, analysis::InputFormat format,
                       const std::string& name, const std::string& field) {
  try {
    AnalyseInput input;
    input.text = analysis::read_job_text(bytes, format, name);
    input.name = name;
    return input;
  } catch (const Error& e) {
    throw Error(e.code(), e.message(), {e.where().file, e.where().line, field});
  }
}

}  // namespace

AnalyseInput analyse_input_from(const httplib::Request& req) {
  const std::string content_type = req.get_header_value("Content-Type");
  if (req.is_multipart_form_data()) {
    if (req.has_file("file") && !req.get_file_value("file").content.empty()) {
      const auto file = req.get_file_value("file");
      const std::string name = file.filename.empty() ? "upload" : file.filename;
      auto format = format_of_content_type(file.content_type);
      if (!format || *format == analysis::InputFormat::text)
        format = analysis::detect_input_format(file.content, name);
      AnalyseInput input = extracted(file.content, *format, name, "file");
      const std::string pasted = req.has_file("text") ? req.get_file_value("text").content : "";
      if (pasted.find_first_not_of(" \t\r\n") != std::string::npos) {
        const auto typed = extracted(pasted, analysis::InputFormat::text, "text", "text");
        input.text = typed.text + "\n\n" + input.text;
        input.pasted_and_file = true;
      }
      return input;
    }
    if (req.has_file("text"))
      return extracted(req.get_file_value("text").content, analysis::InputFormat::text, "text",
                       "text");
    if (req.has_file("file") && !req.get_file_value("file").filename.empty())
      throw Error(ErrorCode::invalid_argument,
                  "the file '" +
                      std::string(text::truncate_utf8(req.get_file_value("file").filename, 200)) +
                      "' is empty",
                  {"", 0, "file"});
    throw Error(ErrorCode::invalid_argument, "send a `file` or a `text` field", {"", 0, "text"});
  }
  if (content_type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    return extracted(req.get_param_value("text"), analysis::InputFormat::text, "text", "text");
  }
  if (content_type.rfind("application/json", 0) == 0) {
    vakkaart::Json body;
    try {
      body = vakkaart::Json::parse(req.body);
    } catch (const vakkaart::Json::exception& e) {  // ill-formed, or a number such as 1e999
      throw Error(ErrorCode::invalid_argument, std::string("the body is not JSON: ") + e.what(),
                  {"", 0, "body"});
    }
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
      throw Error(ErrorCode::invalid_argument, "'text' (the text to analyse) must be a string",
                  {"", 0, "text"});
    auto format = analysis::InputFormat::text;
    if (body.contains("format")) {
      auto f = body["format"].is_string()
                   ? analysis::input_format_from_string(body["format"].get<std::string>())
                   : std::nullopt;
      if (!f || *f == analysis::InputFormat::docx || *f == analysis::InputFormat::pdf)
        throw Error(ErrorCode::invalid_argument,
                    "'format' is text, markdown or html in JSON; send DOCX and PDF as the body "
                    "or as a file upload",
                    {"", 0, "format"});
      format = *f;
    }
    return extracted(body["text"].get<std::string>(), format, "text", "text");
  }
  auto format = format_of_content_type(content_type);
  if (!format)
    format = analysis::detect_input_format(req.body, "");
  if (*format == analysis::InputFormat::text || *format == analysis::InputFormat::markdown)
    return extracted(body_in_utf8(req.body, content_type), *format, "body", "body");
  return extracted(req.body, *format, "body", "body");
}

}  // namespace vakkaart::server
