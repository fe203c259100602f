#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/labels.h"

namespace vakkaart::sources {

/// The columns of a vakkaart spreadsheet (docs/formats/spreadsheet.md), in their order: the
/// same for a framework and a function, so one writer and one reader serve both.
const std::vector<std::string>& sheet_columns();

/// The column of a wording's translation: "wording_en", "wording_fr" (model::label_languages()).
/// A sheet has one after `wording` for each language it carries, in that order.
std::string sheet_label_column(const std::string& language);

/// The languages of a header's translation columns, in its order, when the header is
/// sheet_columns() followed by translation columns (each known language at most once);
/// std::nullopt for any other header.
std::optional<std::vector<std::string>> sheet_header_languages(
    const std::vector<std::string>& header);

/// The largest sheet read, CSV or XLSX (as an ESCO CSV file): a function's or framework's sheet is
/// far smaller; the bound keeps an upload from holding the server's memory.
inline constexpr std::size_t kMaxSheetBytes = std::size_t{64} * 1024 * 1024;

/// One row of a spreadsheet: a statement (or a title) at its path.
struct SheetRow {
  std::string path;           // "gemeenschapswerker/afwegen-kiezen-ontwerpen/2/1"
  std::string kind;           // framework, date, layer, ... or function, block, own, ...
  std::string provenance;     // where the row comes from; empty for a framework's own rows
  std::string weight;         // share of working time (function blocks); empty otherwise
  std::string wording;        // the text
  std::size_t line = 0;       // where the row was read (0 when written)
  model::Labels labels = {};  // the wording in other languages (wording_en, ...); none empty

  bool operator==(const SheetRow&) const = default;
};

/// How an error names a column: "column kind", or in a workbook the cell too ("cell B7 (kind)"),
/// `columns` being the header the column is looked up in.
std::string sheet_field(const std::vector<std::string>& columns, const std::string& column,
                        std::size_t line, bool cells);

/// The rows of a spreadsheet saved as CSV (through csv_table, libcsv): the header must be
/// sheet_columns() maybe followed by translation columns; at most kMaxSheetBytes, 500,000 rows.
/// Errors (Error(parse_error) or too_large) name the file, the line and the column.
std::vector<SheetRow> read_sheet_csv(std::string_view text, const std::string& file_name);

/// The rows of a spreadsheet saved as XLSX: row 1 of the first sheet is the header as for CSV,
/// every further row with text a row, its line the sheet's row number (sources/xlsx_sheet,
/// libzip + pugixml; its limits); at most kMaxSheetBytes. Errors name the file, the row and the
/// cell.
std::vector<SheetRow> read_sheet_xlsx(std::string_view bytes, const std::string& file_name);

}  // namespace vakkaart::sources
