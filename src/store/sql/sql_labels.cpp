#include "store/sql/sql_labels.h"

#include "model/framework_labels.h"
#include "store/sql/db.h"

namespace vakkaart::store::sql {

namespace {

auto put_stored(const StoredLabels& stored) {
  return [&stored](const std::string& key, model::Labels& labels) {
    auto it = stored.find(key);
    if (it != stored.end())
      labels = it->second;
  };
}

}  // namespace

void insert_framework_labels(Db& db, const model::Framework& framework) {
  Stmt insert =
      db.prepare("INSERT INTO labels(framework_id, element, language, text) VALUES (?, ?, ?, ?)");
  model::visit_framework_labels(
      framework, [&](const std::string& key, const model::Labels& labels) {
        for (const auto& [language, text] : labels)
          insert.bind(1, framework.id).bind(2, key).bind(3, language).bind(4, text).run();
      });
}

StoredLabels load_framework_labels(Db& db, const std::string& framework_id) {
  Stmt rows = db.prepare("SELECT element, language, text FROM labels WHERE framework_id = ?");
  rows.bind(1, framework_id);
  StoredLabels stored;
  while (rows.step())
    stored[rows.text(0)][rows.text(1)] = rows.text(2);
  return stored;
}

void apply_framework_own_labels(model::Framework& framework, const StoredLabels& labels) {
  if (!labels.empty())
    model::visit_framework_own_labels(framework, put_stored(labels));
}

void apply_profile_labels(model::Profile& profile, const StoredLabels& labels) {
  if (!labels.empty())
    model::visit_profile_labels(profile, put_stored(labels));
}

}  // namespace vakkaart::store::sql
