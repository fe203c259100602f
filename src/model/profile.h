#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/labels.h"

namespace vakkaart::model {

/// A sub-activity ("deelactiviteit"); the source nests at most one level, the model allows more.
struct Activity {
  std::string text;
  std::vector<Activity> children;
  Labels labels = {};  // the text in other languages

  bool operator==(const Activity&) const = default;
};

/// A main activity ("hoofdactiviteit"): an optional title with its sub-activities. The
/// learning-professional cluster has one untitled main activity.
struct MainActivity {
  std::optional<std::string> title;
  std::vector<Activity> activities;
  Labels title_labels = {};  // the title in other languages (only with a title)

  bool operator==(const MainActivity&) const = default;
};

/// What one profile holds in one cluster of its framework (possibly nothing).
struct ProfileCluster {
  std::string cluster_id;
  std::vector<MainActivity> main_activities;

  bool operator==(const ProfileCluster&) const = default;
};

/// An occupational profile ("beroepsprofiel"), an ideal type within a framework.
struct Profile {
  std::string id;            // slug, e.g. "gemeenschapswerker"
  std::string title;         // "Gemeenschapswerker"
  std::string framework_id;  // "sociare-2016"
  std::string definition;
  /// One entry per cluster of the framework, in the framework's cluster order.
  std::vector<ProfileCluster> clusters;
  Labels title_labels = {};       // the title in other languages
  Labels definition_labels = {};  // the definition in other languages

  bool operator==(const Profile&) const = default;
};

}  // namespace vakkaart::model
