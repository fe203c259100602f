#pragma once

#include <string>
#include <vector>

#include "model/framework.h"
#include "sources/framework_sheet.h"

namespace vakkaart::exchange {

/// A framework as spreadsheet rows (docs/formats/spreadsheet.md): the framework, its date,
/// layers, clusters, then per profile its title, definition, main activities and activities,
/// depth first. sources::parse_framework_rows reads them back into the same framework.
std::vector<sources::SheetRow> framework_to_rows(const model::Framework& framework);

/// Rows as RFC 4180 CSV: a UTF-8 byte order mark (so spreadsheet programs read it as UTF-8),
/// the header sources::sheet_columns(), CRLF line ends, a field quoted when it holds a comma,
/// a quote, a line break or starts or ends with a space.
std::string rows_to_csv(const std::vector<sources::SheetRow>& rows);

}  // namespace vakkaart::exchange
