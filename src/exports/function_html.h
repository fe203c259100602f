#pragma once

#include <string>

#include "exports/function_document.h"

namespace vakkaart::exports {

/// A standalone HTML5 document with embedded CSS: readable on screen, and print-ready on A4
/// (headings stay with what follows, list items and table rows are not split).
std::string function_to_html(const FunctionDocument& doc);

}  // namespace vakkaart::exports
