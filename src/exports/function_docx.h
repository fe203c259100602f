#pragma once

#include <string>

#include "exports/function_document.h"

namespace vakkaart::exports {

/// The bytes of an Office Open XML word-processing document (.docx): real heading styles (the
/// navigation pane works), real bullet lists, the weights table as a table, document
/// properties, and a running header and a "pagina N / M" footer. Throws vakkaart::Error
/// (internal) if the zip cannot be written.
std::string function_to_docx(const FunctionDocument& doc);

}  // namespace vakkaart::exports
