#pragma once

#include <string>
#include <vector>

#include "exchange/sheet_csv.h"
#include "model/framework.h"
#include "sources/framework_sheet.h"

namespace vakkaart::exchange {

/// A framework as spreadsheet rows (docs/formats/spreadsheet.md): the framework, its date,
/// layers, clusters, then per profile its title, definition, main activities and activities,
/// depth first. sources::parse_framework_rows reads them back into the same framework.
std::vector<sources::SheetRow> framework_to_rows(const model::Framework& framework);

}  // namespace vakkaart::exchange
