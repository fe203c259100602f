#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/function_profile.h"
#include "sources/sheet_rows.h"

namespace vakkaart::exchange {

/// Rebuilds the function a sheet's rows describe (exchange/function_sheet writes them): for the
/// rows function_to_rows wrote, exactly that function. Errors (Error(parse_error)) name the
/// file, the row's line and the column: no function row first, an unknown kind, a path outside
/// the function or its current block, a field's row twice or missing, a value a field does not
/// take, an edited item without its `original` row. With `cells` the errors name the workbook
/// cell ("cell B7 (kind)").
model::FunctionProfile function_from_rows(const std::vector<sources::SheetRow>& rows,
                                          const std::string& file_name, bool cells = false);

/// A function sheet saved as CSV (sources::read_sheet_csv: its limits).
model::FunctionProfile parse_function_csv(std::string_view text, const std::string& file_name);

/// A function sheet saved as XLSX (sources::read_sheet_xlsx: its limits).
model::FunctionProfile parse_function_xlsx(std::string_view bytes, const std::string& file_name);

/// A function sheet in either format: XLSX when the bytes are a workbook, CSV when they start
/// with the sheet's header row; std::nullopt for anything else (canonical JSON, say), which the
/// caller reads its own way.
std::optional<model::FunctionProfile> read_function_sheet(std::string_view bytes,
                                                          const std::string& file_name);

}  // namespace vakkaart::exchange
