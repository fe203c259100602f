#include "exports/function_export.h"

#include "exports/function_document.h"
#include "exports/function_docx.h"
#include "exports/function_html.h"
#include "exports/function_markdown.h"
#include "exports/function_pdf.h"

namespace vakkaart::exports {

namespace {

/// What names each format, in one row per format instead of one switch per property.
struct FormatInfo {
  ExportFormat format;
  const char* name;
  const char* media_type;
  const char* extension;
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::markdown, "markdown", "text/markdown; charset=utf-8", "md"},
    {ExportFormat::html, "html", "text/html; charset=utf-8", "html"},
    {ExportFormat::docx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
    {ExportFormat::pdf, "pdf", "application/pdf", "pdf"},
};

const FormatInfo& info(ExportFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format)
      return f;
  return kFormats[0];  // unreachable: every enumerator has a row
}

}  // namespace

std::optional<ExportFormat> export_format_from_name(std::string_view name) {
  for (const auto& f : kFormats)
    if (name == f.name || name == f.extension)
      return f.format;
  return std::nullopt;
}

const char* to_string(ExportFormat format) {
  return info(format).name;
}

const char* media_type(ExportFormat format) {
  return info(format).media_type;
}

const char* file_extension(ExportFormat format) {
  return info(format).extension;
}

std::string export_function(const model::FunctionProfile& function,
                            const model::Framework* framework, ExportFormat format,
                            const std::string& lang) {
  ExportOptions options;
  options.lang = lang;
  return export_function(function, framework, format, options);
}

std::string export_function(const model::FunctionProfile& function,
                            const model::Framework* framework, ExportFormat format,
                            const ExportOptions& options) {
  const FunctionDocument doc = build_function_document(function, framework, options);
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

}  // namespace vakkaart::exports
