#pragma once

#include <string>
#include <vector>

#include "sources/framework_sheet.h"

namespace vakkaart::exchange {

/// Rows as an XLSX workbook (libxlsxwriter): one sheet "vakkaart" with the header
/// sources::sheet_columns() in row 1 and every cell a text cell, so a spreadsheet program keeps
/// "1" and "6 juli 2016" as written. Throws Error(too_large) naming the row for a text over the
/// 32,767 characters a cell holds.
std::string rows_to_xlsx(const std::vector<sources::SheetRow>& rows);

}  // namespace vakkaart::exchange
