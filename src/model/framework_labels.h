#pragma once

#include <string>

#include "model/framework.h"

namespace vakkaart::model {

// Every text of a framework that may carry labels, each named by a key of its kind and place:
// "framework:ID", "layer:ID", "cluster:ID", "profile:ID", "definition:ID",
// "main_activity:PROFILE/CLUSTER/N" and "activity:PROFILE/CLUSTER/N/M[/K...]" (positions from 1,
// as the spreadsheet's paths). The store keeps labels under these keys; search and exports walk
// the same places. Templates so one walk serves const and mutable frameworks.

namespace detail {
template <class A, class Fn>
void visit_activity_labels(A& activities, const std::string& path, Fn& fn) {
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const std::string here = path + "/" + std::to_string(i + 1);
    fn("activity:" + here, activities[i].labels);
    visit_activity_labels(activities[i].children, here, fn);
  }
}
}  // namespace detail

/// Calls fn(key, labels) for the profile's title, definition, main activities (titled or not)
/// and activities, depth first.
template <class P, class Fn>
void visit_profile_labels(P& profile, Fn&& fn) {
  fn("profile:" + profile.id, profile.title_labels);
  fn("definition:" + profile.id, profile.definition_labels);
  for (auto& cluster : profile.clusters)
    for (std::size_t m = 0; m < cluster.main_activities.size(); ++m) {
      const std::string path = profile.id + "/" + cluster.cluster_id + "/" + std::to_string(m + 1);
      fn("main_activity:" + path, cluster.main_activities[m].title_labels);
      detail::visit_activity_labels(cluster.main_activities[m].activities, path, fn);
    }
}

namespace detail {
inline const Labels* activity_text_labels(const std::vector<Activity>& activities,
                                          const std::string& dutch) {
  for (const auto& a : activities) {
    if (a.text == dutch)
      return &a.labels;
    if (const Labels* found = activity_text_labels(a.children, dutch))
      return found;
  }
  return nullptr;
}
}  // namespace detail

/// The labels of the profile's text whose Dutch is `dutch` (its title, definition, a main
/// activity's title or an activity, the first in that order), or nullptr when it holds no such
/// text: how a search hit, which knows only its Dutch text and the profile, finds its labels.
inline const Labels* profile_text_labels(const Profile& profile, const std::string& dutch) {
  if (profile.title == dutch)
    return &profile.title_labels;
  if (profile.definition == dutch)
    return &profile.definition_labels;
  for (const auto& cluster : profile.clusters)
    for (const auto& ma : cluster.main_activities) {
      if (ma.title == dutch)
        return &ma.title_labels;
      if (const Labels* found = detail::activity_text_labels(ma.activities, dutch))
        return found;
    }
  return nullptr;
}

/// Calls fn(key, labels) for the framework's title, layers and clusters (not its profiles).
template <class F, class Fn>
void visit_framework_own_labels(F& framework, Fn&& fn) {
  fn("framework:" + framework.id, framework.title_labels);
  for (auto& layer : framework.layers)
    fn("layer:" + layer.id, layer.labels);
  for (auto& cluster : framework.clusters)
    fn("cluster:" + cluster.id, cluster.labels);
}

/// Calls fn(key, labels) for every labelled place of the framework, its profiles included.
template <class F, class Fn>
void visit_framework_labels(F& framework, Fn&& fn) {
  visit_framework_own_labels(framework, fn);
  for (auto& profile : framework.profiles)
    visit_profile_labels(profile, fn);
}

}  // namespace vakkaart::model
