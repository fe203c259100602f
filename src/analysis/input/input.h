#pragma once

// The public API of the job-text readers (one file per format in analysis/input/).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vakkaart::analysis {

/// The formats a job text (vacancy, job description, learning outcomes, CV section) can come in.
enum class InputFormat { text, markdown, html, docx, pdf };

/// "text", "markdown", "html", "docx" or "pdf".
const char* to_string(InputFormat format);

/// The format named by `name` (any case); also accepts "txt", "md" and "htm".
std::optional<InputFormat> input_format_from_string(std::string_view name);

/// The format of a document: by content first (PDF "%PDF-", a ZIP with word/document.xml, an HTML
/// doctype/<html>/<body>/<p>… tag), then by the file name's extension (.md/.markdown), else text.
/// Any other ZIP or old binary .doc also counts as docx, so that extract_text says what it is
/// rather than "not UTF-8"; a .md file is HTML only with a doctype, <html>, <head> or <body>;
/// .html/.htm, .docx and .pdf names decide when the content does not.
InputFormat detect_input_format(std::string_view bytes, std::string_view file_name);

/// Documents above this size are refused (ErrorCode::too_large).
inline constexpr std::size_t kMaxInputBytes = std::size_t{20} * 1024 * 1024;

/// The readable text of a document: one line per paragraph, heading or list item; list items
/// start with "- "; headings end up as their own line. Whitespace inside a line collapsed.
/// Plain text keeps its own lines (and one blank line between paragraphs); the result is NFC.
/// Text inputs go through the one decoding step (text/decode.h). Throws Error naming
/// `file_name` for bytes that are not valid UTF-8 (plain text/markdown — say the line), UTF-16
/// or binary data, a DOCX that is not a Word document or passes the ZIP limits (too_large; see
/// analysis/input/zip_archive.h), a PDF poppler cannot open, a document nested too deep, or
/// input above kMaxInputBytes (too_large). The rules on what may be analysed (empty text) are
/// in analysis/input/job_text.h.
std::string extract_text(std::string_view bytes, InputFormat format, const std::string& file_name);

}  // namespace vakkaart::analysis
