#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The columns of a framework spreadsheet (docs/formats/spreadsheet.md), in their order. The
/// exporter in exchange/framework_sheet writes them; this reader reads them back.
const std::vector<std::string>& sheet_columns();

/// One row of a framework spreadsheet: a statement (or a title) at its path.
struct SheetRow {
  std::string path;        // "gemeenschapswerker/afwegen-kiezen-ontwerpen/2/1"
  std::string kind;        // framework, date, layer, cluster, profile, definition, ...
  std::string provenance;  // where the row comes from; empty for a framework's own rows
  std::string weight;      // share of working time (functions); empty otherwise
  std::string wording;     // the text
  std::size_t line = 0;    // where the row was read (0 when written)

  bool operator==(const SheetRow&) const = default;
};

/// True when the text is CSV whose header row is exactly sheet_columns().
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
