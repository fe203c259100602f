#pragma once

#include <map>
#include <string>

#include "model/framework.h"

namespace vakkaart::store::sql {

class Db;

/// A framework's stored labels: element key (model/framework_labels.h) -> language -> text.
using StoredLabels = std::map<std::string, model::Labels>;

/// Writes every label of the framework, its profiles' included, into `labels`.
void insert_framework_labels(Db& db, const model::Framework& framework);

/// Reads the framework's labels (all of them: a profile page needs its framework's too).
StoredLabels load_framework_labels(Db& db, const std::string& framework_id);

/// Puts stored labels on the framework's title, layers and clusters.
void apply_framework_own_labels(model::Framework& framework, const StoredLabels& labels);

/// Puts stored labels on the profile's title, definition, main activities and activities.
void apply_profile_labels(model::Profile& profile, const StoredLabels& labels);

}  // namespace vakkaart::store::sql
