#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/function_profile.h"
#include "sources/sheet_rows.h"

namespace vakkaart::exchange {

/// A function profile as spreadsheet rows in the framework sheet's columns
/// (docs/formats/spreadsheet.md, "Function sheets"): the function's own rows (title,
/// organisation, purpose, ...), then per block its title and weight, placement, source, the
/// source's statements, the items (one row per statement, provenance "own" or "REF#N") and the
/// changes decided on. Every field of the function is in a row, so function_from_rows gives back
/// exactly this function. Throws Error(invalid_argument) for a function the rows cannot carry
/// (an id or a source statement kind with a '/', an item kind other than the five an item has).
std::vector<sources::SheetRow> function_to_rows(const model::FunctionProfile& function);

/// The spreadsheet formats a function exports to besides the documents of exports/.
enum class SheetFormat { csv, xlsx };

/// "csv" or "xlsx"; nullopt for anything else.
std::optional<SheetFormat> sheet_format_from_name(std::string_view name);

/// "text/csv; charset=utf-8" or the OOXML spreadsheet media type.
const char* sheet_media_type(SheetFormat format);

/// The format a request body of media type `media` (lower case, without parameters) is in:
/// "text/csv" or the OOXML spreadsheet type; nullopt for any other.
std::optional<SheetFormat> sheet_format_from_media(std::string_view media);

/// The function's rows written as CSV (rows_to_csv) or XLSX (rows_to_xlsx).
std::string function_to_sheet(const model::FunctionProfile& function, SheetFormat format);

}  // namespace vakkaart::exchange
