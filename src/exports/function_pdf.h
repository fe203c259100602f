#pragma once

#include <string>

#include "exports/function_document.h"

namespace vakkaart::exports {

/// The bytes of an A4 PDF set in DejaVu Sans by pango on cairo: real line breaking, a running
/// header (title, organisation) and a "pagina N / M" footer, bookmarks for the headings and the
/// document properties as PDF metadata. The whole document is laid out into pages before
/// anything is painted, so headings stay with what follows and a statement is only split when it
/// is taller than a page. Throws vakkaart::Error (internal) if cairo fails.
std::string function_to_pdf(const FunctionDocument& doc);

}  // namespace vakkaart::exports
