#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sources/framework_sheet.h"

namespace vakkaart::exchange {

/// One difference between a stored framework's rows and a spreadsheet's: rows are matched by
/// kind and path (so an activity inserted in the middle shows as changed wordings after it and
/// one added at the end).
struct SheetChange {
  enum class Kind { changed, added, removed };
  Kind kind = Kind::changed;
  std::string path;
  std::string row_kind;       // "activity", "profile", ...
  std::string before;         // empty when added
  std::string after;          // empty when removed
  std::size_t line = 0;       // the spreadsheet's line or row (0 when removed)
  std::string language = {};  // "" for the Dutch wording; "en", "fr" for a changed label
};

/// What a spreadsheet changes in the framework it replaces, in the spreadsheet's order with
/// removed rows last. A kept row whose label in a language was added, changed or emptied is a
/// change in that language (before or after "" when there was or is none).
std::vector<SheetChange> compare_sheet_rows(const std::vector<sources::SheetRow>& before,
                                            const std::vector<sources::SheetRow>& after);

/// "changed", "added", "removed".
const char* to_string(SheetChange::Kind kind);

}  // namespace vakkaart::exchange
