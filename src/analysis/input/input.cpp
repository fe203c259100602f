#include "analysis/input/input.h"

#include <array>
#include <string>
#include <string_view>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::analysis {

namespace input_detail {
namespace {

std::string_view input_file_extension(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos)
    file_name.remove_prefix(slash + 1);
  const std::size_t dot = file_name.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : file_name.substr(dot + 1);
}

/// An HTML document by its first bytes: a doctype, <html>, <head> or <body> anywhere near the
/// start; or a text that opens with a common HTML block tag.
bool looks_like_html(std::string_view bytes, bool strong_only) {
  const std::string head = ascii_lower(bytes.substr(0, 2048));
  std::string_view h = head;
  while (!h.empty() &&
         (h.front() == ' ' || h.front() == '\t' || h.front() == '\n' || h.front() == '\r'))
    h.remove_prefix(1);
  if (h.starts_with("<!doctype html") || h.starts_with("<html"))
    return true;
  if (h.starts_with("<?xml") || h.starts_with("<!--")) {
    if (head.find("<html") != std::string::npos)
      return true;
  }
  if (!h.starts_with("<"))
    return false;
  if (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
      head.find("<head>") != std::string::npos)
    return true;
  if (strong_only)
    return false;
  static constexpr std::array<std::string_view, 16> kTags = {
      "p",    "div",     "h1",      "h2",   "h3",   "ul", "ol",     "table",
      "span", "article", "section", "main", "meta", "br", "strong", "title"};
  h.remove_prefix(1);
  for (std::string_view tag : kTags) {
    if (h.starts_with(tag) && h.size() > tag.size() &&
        (h[tag.size()] == '>' || h[tag.size()] == ' ' || h[tag.size()] == '/' ||
         h[tag.size()] == '\n'))
      return true;
  }
  return false;
}

bool pdf_header_near_start(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace
}  // namespace input_detail

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::text:
      return "text";
    case InputFormat::markdown:
      return "markdown";
    case InputFormat::html:
      return "html";
    case InputFormat::docx:
      return "docx";
    case InputFormat::pdf:
      return "pdf";
  }
  return "text";
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  using input_detail::ascii_iequals;
  if (ascii_iequals(name, "text") || ascii_iequals(name, "txt"))
    return InputFormat::text;
  if (ascii_iequals(name, "markdown") || ascii_iequals(name, "md"))
    return InputFormat::markdown;
  if (ascii_iequals(name, "html") || ascii_iequals(name, "htm"))
    return InputFormat::html;
  if (ascii_iequals(name, "docx"))
    return InputFormat::docx;
  if (ascii_iequals(name, "pdf"))
    return InputFormat::pdf;
  return std::nullopt;
}

InputFormat detect_input_format(std::string_view bytes, std::string_view file_name) {
  using namespace input_detail;
  const std::string_view ext = input_file_extension(file_name);
  const bool markdown_name = ascii_iequals(ext, "md") || ascii_iequals(ext, "markdown") ||
                             ascii_iequals(ext, "mdown") || ascii_iequals(ext, "mkd");
  const std::string_view body =
      bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;  // a UTF-8 BOM
  if (pdf_header_near_start(bytes))
    return InputFormat::pdf;
  // A ZIP or an old binary Word file: docx, whose reader says what it is if not Word.
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06") ||
      bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return InputFormat::docx;
  // Markdown may open with an HTML tag (<p align="center">): then only a doctype, <html>,
  // <head> or <body> makes it HTML.
  if (looks_like_html(body, markdown_name))
    return InputFormat::html;
  if (markdown_name)
    return InputFormat::markdown;
  if (ascii_iequals(ext, "html") || ascii_iequals(ext, "htm") || ascii_iequals(ext, "xhtml"))
    return InputFormat::html;
  if (ascii_iequals(ext, "docx"))
    return InputFormat::docx;
  if (ascii_iequals(ext, "pdf"))
    return InputFormat::pdf;
  return InputFormat::text;
}

std::string extract_text(std::string_view bytes, InputFormat format, const std::string& file_name) {
  using namespace input_detail;
  if (bytes.size() > kMaxInputBytes)
    throw Error(ErrorCode::too_large,
                "the document has " + std::to_string(bytes.size()) +
                    " bytes; the largest accepted is " +
                    std::to_string(kMaxInputBytes / kMebibyte) + " MB",
                {file_name, 0, ""});
  std::string out;
  switch (format) {
    case InputFormat::text:
      out = read_plain_text(bytes, file_name);
      break;
    case InputFormat::markdown:
      out = read_markdown(bytes, file_name);
      break;
    case InputFormat::html:
      out = read_html(bytes, file_name);
      break;
    case InputFormat::docx:
      out = read_docx(bytes, file_name);
      break;
    case InputFormat::pdf:
      out = read_pdf(bytes, file_name);
      break;
  }
  // One spelling of each accented letter (PDFs and macOS often decompose them).
  for (char c : out)
    if (static_cast<unsigned char>(c) >= 0x80)
      return text::nfc(out);
  return out;
}

}  // namespace vakkaart::analysis
