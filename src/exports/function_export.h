#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exports/function_document.h"
#include "model/framework.h"
#include "model/function_profile.h"

namespace vakkaart::exports {

/// The document formats a function profile exports to (canonical JSON is exported elsewhere).
enum class ExportFormat { markdown, html, docx, pdf };

/// "md"/"markdown", "html", "docx", "pdf"; nullopt for anything else.
std::optional<ExportFormat> export_format_from_name(std::string_view name);

/// The format's short name as export_format_from_name accepts it: "markdown", "html", ...
const char* to_string(ExportFormat format);

/// The IANA media type, e.g. "application/pdf".
const char* media_type(ExportFormat format);

/// The file extension without a dot, e.g. "docx".
const char* file_extension(ExportFormat format);

/// Builds the function's document once (see build_function_document) and renders it in
/// `format`. `lang` is "nl" or "en"; `framework` may be null.
std::string export_function(const model::FunctionProfile& function,
                            const model::Framework* framework, ExportFormat format,
                            const std::string& lang = "nl");
/// The same with the user's choices of what to include.
std::string export_function(const model::FunctionProfile& function,
                            const model::Framework* framework, ExportFormat format,
                            const ExportOptions& options);

}  // namespace vakkaart::exports
