#include "exchange/sheet_changes.h"

#include <map>
#include <set>

namespace vakkaart::exchange {

std::vector<SheetChange> compare_sheet_rows(const std::vector<sources::SheetRow>& before,
                                            const std::vector<sources::SheetRow>& after) {
  std::map<std::string, const sources::SheetRow*> old_rows;
  for (const sources::SheetRow& row : before)
    old_rows.emplace(row.kind + "\n" + row.path, &row);
  std::set<std::string> kept;
  std::vector<SheetChange> changes;
  for (const sources::SheetRow& row : after) {
    std::string key = row.kind + "\n" + row.path;
    auto old = old_rows.find(key);
    if (old == old_rows.end()) {
      changes.push_back({SheetChange::Kind::added, row.path, row.kind, "", row.wording, row.line});
      continue;
    }
    kept.insert(key);
    if (old->second->wording != row.wording)
      changes.push_back({SheetChange::Kind::changed, row.path, row.kind, old->second->wording,
                         row.wording, row.line});
    for (const std::string& language : model::label_languages()) {
      auto label = [&language](const sources::SheetRow& r) {
        auto it = r.labels.find(language);
        return it == r.labels.end() ? std::string() : it->second;
      };
      if (label(*old->second) != label(row))
        changes.push_back({SheetChange::Kind::changed, row.path, row.kind, label(*old->second),
                           label(row), row.line, language});
    }
  }
  for (const sources::SheetRow& row : before)
    if (!kept.count(row.kind + "\n" + row.path))
      changes.push_back({SheetChange::Kind::removed, row.path, row.kind, row.wording, "", 0});
  return changes;
}

const char* to_string(SheetChange::Kind kind) {
  switch (kind) {
    case SheetChange::Kind::changed:
      return "changed";
    case SheetChange::Kind::added:
      return "added";
    case SheetChange::Kind::removed:
      return "removed";
  }
  return "changed";
}

}  // namespace vakkaart::exchange
