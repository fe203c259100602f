#include "formats/function_export.h"

#include "formats/function_document.h"
#include "formats/function_docx.h"
#include "formats/function_html.h"
#include "formats/function_markdown.h"
#include "formats/function_pdf.h"

namespace vakkaart::formats {

std::optional<ExportFormat> export_format_from_name(std::string_view name) {
  if (name == "md" || name == "markdown")
    return ExportFormat::markdown;
  if (name == "html")
    return ExportFormat::html;
  if (name == "docx")
    return ExportFormat::docx;
  if (name == "pdf")
    return ExportFormat::pdf;
  return std::nullopt;
}

const char* to_string(ExportFormat format) {
  switch (format) {
    case ExportFormat::markdown:
      return "markdown";
    case ExportFormat::html:
      return "html";
    case ExportFormat::docx:
      return "docx";
    case ExportFormat::pdf:
      return "pdf";
  }
  return "";
}

const char* media_type(ExportFormat format) {
  switch (format) {
    case ExportFormat::markdown:
      return "text/markdown; charset=utf-8";
    case ExportFormat::html:
      return "text/html; charset=utf-8";
    case ExportFormat::docx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case ExportFormat::pdf:
      return "application/pdf";
  }
  return "application/octet-stream";
}

const char* file_extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::markdown:
      return "md";
    case ExportFormat::html:
      return "html";
    case ExportFormat::docx:
      return "docx";
    case ExportFormat::pdf:
      return "pdf";
  }
  return "bin";
}

std::string export_function(const model::FunctionProfile& function,
                            const model::Framework* framework, ExportFormat format,
                            const std::string& lang) {
  const FunctionDocument doc = build_function_document(function, framework, lang);
  switch (format) {
    case ExportFormat::markdown:
      return function_to_markdown(doc);
    case ExportFormat::html:
      return function_to_html(doc);
    case ExportFormat::docx:
      return function_to_docx(doc);
    case ExportFormat::pdf:
      return function_to_pdf(doc);
  }
  return {};
}

}  // namespace vakkaart::formats
