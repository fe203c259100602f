#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/labels.h"
#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The columns of a framework spreadsheet (docs/formats/spreadsheet.md), in their order. The
/// exporter in exchange/framework_sheet writes them; this reader reads them back.
const std::vector<std::string>& sheet_columns();

/// The column of a wording's translation: "wording_en", "wording_fr" (model::label_languages()).
/// A sheet has one after `wording` for each language it carries, in that order.
std::string sheet_label_column(const std::string& language);

/// The languages of a header's translation columns, in its order, when the header is
/// sheet_columns() followed by translation columns (each known language at most once);
/// std::nullopt for any other header.
std::optional<std::vector<std::string>> sheet_header_languages(
    const std::vector<std::string>& header);

/// One row of a framework spreadsheet: a statement (or a title) at its path.
struct SheetRow {
  std::string path;           // "gemeenschapswerker/afwegen-kiezen-ontwerpen/2/1"
  std::string kind;           // framework, date, layer, cluster, profile, definition, ...
  std::string provenance;     // where the row comes from; empty for a framework's own rows
  std::string weight;         // share of working time (functions); empty otherwise
  std::string wording;        // the text
  std::size_t line = 0;       // where the row was read (0 when written)
  model::Labels labels = {};  // the wording in other languages (wording_en, ...); none empty

  bool operator==(const SheetRow&) const = default;
};

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
