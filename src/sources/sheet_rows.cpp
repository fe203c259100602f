#include "sources/sheet_rows.h"

#include <algorithm>

#include "core/csv_cell.h"
#include "core/error.h"
#include "sources/csv_table.h"
#include "sources/xlsx_sheet.h"

namespace vakkaart::sources {

namespace {

/// A read record as a row: the five columns, then a label per translation column with text.
SheetRow record_to_sheet_row(std::vector<std::string>& fields,
                             const std::vector<std::string>& languages, std::size_t line) {
  fields.resize(sheet_columns().size() + languages.size());
  SheetRow row{std::move(fields[0]), std::move(fields[1]), std::move(fields[2]),
               std::move(fields[3]), std::move(fields[4]), line};
  for (std::size_t i = 0; i < languages.size(); ++i)
    if (!fields[5 + i].empty())
      row.labels[languages[i]] = std::move(fields[5 + i]);
  return row;
}

void check_sheet_size(std::string_view bytes, const std::string& file_name) {
  if (bytes.size() > kMaxSheetBytes)
    throw Error(ErrorCode::too_large,
                "a sheet of " + std::to_string(bytes.size() >> 20) + " MB (at most " +
                    std::to_string(kMaxSheetBytes >> 20) + " MB)",
                {file_name, 0, ""});
}

std::size_t most_sheet_columns() {
  return sheet_columns().size() + model::label_languages().size();
}

}  // namespace

const std::vector<std::string>& sheet_columns() {
  static const std::vector<std::string> columns = {"path", "kind", "provenance", "weight",
                                                   "wording"};
  return columns;
}

std::string sheet_label_column(const std::string& language) {
  return "wording_" + language;
}

std::optional<std::vector<std::string>> sheet_header_languages(
    const std::vector<std::string>& header) {
  const auto& base = sheet_columns();
  if (header.size() < base.size() || !std::equal(base.begin(), base.end(), header.begin()))
    return std::nullopt;
  std::vector<std::string> languages;
  for (std::size_t i = base.size(); i < header.size(); ++i) {
    const std::string* known = nullptr;
    for (const std::string& language : model::label_languages())
      if (header[i] == sheet_label_column(language))
        known = &language;
    if (!known || std::find(languages.begin(), languages.end(), *known) != languages.end())
      return std::nullopt;
    languages.push_back(*known);
  }
  return languages;
}

std::string sheet_field(const std::vector<std::string>& columns, const std::string& column,
                        std::size_t line, bool cells) {
  if (!cells)
    return "column " + column;
  std::size_t i = 0;
  while (i < columns.size() && columns[i] != column)
    ++i;
  return "cell " + std::string(1, static_cast<char>('A' + i)) + std::to_string(line) + " (" +
         column + ")";
}

std::vector<SheetRow> read_sheet_csv(std::string_view text, const std::string& file_name) {
  check_sheet_size(text, file_name);
  CsvTable table = read_csv(text, file_name, CsvLimits{500000, most_sheet_columns()});
  auto languages = sheet_header_languages(table.header);
  if (!languages)
    throw Error(ErrorCode::parse_error,
                "the header row is not path,kind,provenance,weight,wording (then optionally "
                "wording_en, wording_fr: a vakkaart spreadsheet)",
                {file_name, 1, ""});
  std::vector<SheetRow> rows;
  rows.reserve(table.rows.size());
  for (CsvRow& r : table.rows) {
    for (std::string& field : r.fields)  // the apostrophe our export put before a formula
      field = unguard_csv_cell(std::move(field));
    rows.push_back(record_to_sheet_row(r.fields, *languages, r.line));
  }
  return rows;
}

std::vector<SheetRow> read_sheet_xlsx(std::string_view bytes, const std::string& file_name) {
  check_sheet_size(bytes, file_name);
  const std::size_t most = most_sheet_columns();
  auto table = read_xlsx_first_sheet(bytes, file_name,
                                     XlsxLimits{64u << 20, 10000, 500000, most, 500000 * most});
  if (table.empty() || table[0].number != 1)
    throw Error(ErrorCode::parse_error, "the first sheet has no header row in row 1",
                {file_name, 1, "cell A1"});
  auto header = table[0].cells;
  while (header.size() > sheet_columns().size() && header.back().empty())
    header.pop_back();
  header.resize(std::max(header.size(), sheet_columns().size()));
  auto languages = sheet_header_languages(header);
  if (!languages)
    throw Error(ErrorCode::parse_error,
                "row 1 of the first sheet is not path, kind, provenance, weight, wording (then "
                "optionally wording_en, wording_fr: a vakkaart spreadsheet)",
                {file_name, 1, "cell A1"});
  std::vector<SheetRow> rows;
  rows.reserve(table.size());
  for (std::size_t i = 1; i < table.size(); ++i) {
    for (std::size_t c = header.size(); c < table[i].cells.size(); ++c)
      if (!table[i].cells[c].empty())
        throw Error(ErrorCode::parse_error, "a cell right of the header's last column",
                    {file_name, static_cast<int>(table[i].number),
                     "cell " + std::string(1, static_cast<char>('A' + c)) +
                         std::to_string(table[i].number)});
    rows.push_back(record_to_sheet_row(table[i].cells, *languages, table[i].number));
  }
  return rows;
}

}  // namespace vakkaart::sources
