#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_result.h"
#include "sources/sheet_rows.h"

namespace vakkaart::sources {

/// True when the text is CSV whose header row is sheet_columns(), maybe with translation columns.
bool looks_like_framework_csv(std::string_view text);

/// Rebuilds the framework a spreadsheet's rows describe. Errors (Error(parse_error)) name the
/// file, the row's line and the column: an unknown kind, a path that does not fit its kind, a
/// row whose parent is missing, a duplicate path, no framework row first.
/// With `cells` the errors name the workbook cell ("cell B7 (kind)"), the row being its line.
ParseResult parse_framework_rows(const std::vector<SheetRow>& rows, const std::string& file_name,
                                 bool cells = false);

/// Reads a framework spreadsheet saved as CSV (through csv_table, libcsv).
ParseResult parse_framework_csv(std::string_view text, const std::string& file_name);

/// Reads a framework spreadsheet saved as XLSX: row 1 of the first sheet is the header, every
/// further row with text a row (sources/xlsx_sheet, libzip + pugixml; its limits).
ParseResult parse_framework_xlsx(std::string_view bytes, const std::string& file_name);

}  // namespace vakkaart::sources
