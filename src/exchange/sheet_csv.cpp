#include "exchange/sheet_csv.h"

#include "core/csv_cell.h"

namespace vakkaart::exchange {

namespace {

void csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i)
      out += ',';
    append_csv_field(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::vector<std::string> sheet_languages(const std::vector<sources::SheetRow>& rows) {
  std::vector<std::string> languages;
  for (const std::string& language : model::label_languages())
    for (const sources::SheetRow& row : rows)
      if (row.labels.count(language)) {
        languages.push_back(language);
        break;
      }
  return languages;
}

std::vector<std::string> sheet_header(const std::vector<std::string>& languages) {
  std::vector<std::string> header = sources::sheet_columns();
  for (const std::string& language : languages)
    header.push_back(sources::sheet_label_column(language));
  return header;
}

std::vector<std::string> sheet_cells(const sources::SheetRow& row,
                                     const std::vector<std::string>& languages) {
  std::vector<std::string> cells = {row.path, row.kind, row.provenance, row.weight, row.wording};
  for (const std::string& language : languages) {
    auto it = row.labels.find(language);
    cells.push_back(it == row.labels.end() ? "" : it->second);
  }
  return cells;
}

std::string rows_to_csv(const std::vector<sources::SheetRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  const std::vector<std::string> languages = sheet_languages(rows);
  csv_record(out, sheet_header(languages));
  for (const sources::SheetRow& row : rows)
    csv_record(out, sheet_cells(row, languages));
  return out;
}

}  // namespace vakkaart::exchange
