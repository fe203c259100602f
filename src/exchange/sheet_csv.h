#pragma once

#include <string>
#include <vector>

#include "sources/sheet_rows.h"

namespace vakkaart::exchange {

/// The languages the rows carry a label in (model::label_languages() order): the sheet has a
/// translation column for each, and none when no row has a label, so a framework without labels
/// gives the five columns it always had.
std::vector<std::string> sheet_languages(const std::vector<sources::SheetRow>& rows);

/// sources::sheet_columns() followed by wording_XX for each of `languages`.
std::vector<std::string> sheet_header(const std::vector<std::string>& languages);

/// A row's cells under sheet_header(languages): a missing label is an empty cell.
std::vector<std::string> sheet_cells(const sources::SheetRow& row,
                                     const std::vector<std::string>& languages);

/// Rows as RFC 4180 CSV: a UTF-8 byte order mark (so spreadsheet programs read it as UTF-8),
/// the header sheet_header(sheet_languages(rows)), CRLF line ends, a field quoted when it holds a
/// comma, a quote, a line break or starts or ends with a space.
std::string rows_to_csv(const std::vector<sources::SheetRow>& rows);

}  // namespace vakkaart::exchange
