#pragma once

#include <iosfwd>

#include "catalog/folder_import.h"
#include "cli/context.h"
#include "core/json.h"

namespace vakkaart::cli {

/// The summary table of a folder import: one row per file (file, format, result, what or why),
/// then the counts.
void print_folder_report(std::ostream& out, const catalog::FolderReport& report, const Style& s);

/// The same as JSON (`vakkaart import DIR --json`).
vakkaart::Json folder_report_json(const catalog::FolderReport& report);

}  // namespace vakkaart::cli
