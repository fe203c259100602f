#include "analysis/crosswalk_json.h"

#include <cmath>

#include "analysis/cluster_decisions.h"

namespace vakkaart::analysis {

namespace {

vakkaart::Json crosswalk_end_json(const std::string& ref, const std::string& kind,
                                  const std::string& item, const std::string& item_title,
                                  const std::string& cluster, const std::string& title) {
  return {{"ref", ref},
          {"kind", kind},
          {"item", item},
          {"item_title", item_title},
          {"cluster", cluster.empty() ? vakkaart::Json(nullptr) : vakkaart::Json(cluster)},
          {"title", title}};
}

vakkaart::Json crosswalk_or_null(const std::string& s) {
  return s.empty() ? vakkaart::Json(nullptr) : vakkaart::Json(s);
}

}  // namespace

vakkaart::Json alignment_to_json(const model::Alignment& a) {
  return {
      {"source", crosswalk_end_json(a.source_ref, a.source_kind, a.source_item, a.source_item_title,
                                    a.source_cluster, a.source_title)},
      {"target", crosswalk_end_json(a.target_ref, a.target_kind, a.target_item, a.target_item_title,
                                    a.target_cluster, a.target_title)},
      {"score", a.score},
      {"type", model::to_string(a.type)},
      {"status", model::to_string(a.status)},
      {"computed", a.computed},
      {"decided_by", a.status == model::AlignmentStatus::computed ? vakkaart::Json(nullptr)
                                                                  : vakkaart::Json(a.decided_by)},
      {"decided_at", crosswalk_or_null(a.decided_at)}};
}

vakkaart::Json alignments_to_json(const std::vector<model::Alignment>& alignments) {
  vakkaart::Json list = vakkaart::Json::array();
  for (const auto& a : alignments)
    list.push_back(alignment_to_json(a));
  return {{"alignments", list}, {"count", alignments.size()}};
}

namespace {

// A suggested cluster's main activities: the title (the cluster's for the learning
// professional's untitled one) and every profile that holds it with that score.
vakkaart::Json main_activity_suggestions_to_json(const StructureIndex& index,
                                                 const ClusterSuggestion& s) {
  vakkaart::Json list = vakkaart::Json::array();
  for (const auto& m : s.main_activities) {
    vakkaart::Json profiles = vakkaart::Json::array();
    for (auto g : m.groups) {
      const auto& candidate = index.candidates()[index.groups()[g].candidate];
      profiles.push_back(
          {{"id", candidate.id}, {"title", candidate.title}, {"ref", index.groups()[g].ref}});
    }
    const auto& first = index.groups()[m.groups.front()];
    list.push_back(
        {{"title", first.title.empty() ? index.clusters()[s.cluster].title : first.title},
         {"score", std::round(m.score * 1000.0) / 1000.0},
         {"confirmed", m.confirmed},
         {"profiles", std::move(profiles)}});
  }
  return list;
}

}  // namespace

vakkaart::Json cluster_ranking_to_json(const ClusterRanking& ranking,
                                       const std::string& qualification,
                                       const std::vector<model::Alignment>& alignments) {
  const auto& index = *ranking.index;
  vakkaart::Json list = vakkaart::Json::array();
  for (const auto& computed : ranking.competences) {
    const auto& group = index.groups()[computed.group];
    const auto& candidate = index.candidates()[group.candidate];
    if (!qualification.empty() && candidate.id != qualification)
      continue;
    const auto c = apply_cluster_decisions(index, computed, alignments);
    vakkaart::Json clusters = vakkaart::Json::array();
    for (const auto& s : c.clusters) {
      const auto& info = index.clusters()[s.cluster];
      clusters.push_back({{"id", info.id},
                          {"framework", index.frameworks()[info.framework].id},
                          {"title", info.title},
                          {"score", std::round(s.score * 1000.0) / 1000.0},
                          {"words", s.words},
                          {"confirmed", s.confirmed},
                          {"main_activities", main_activity_suggestions_to_json(index, s)}});
    }
    list.push_back({{"ref", group.ref},
                    {"qualification", candidate.id},
                    {"number", group.position},
                    {"title", group.title},
                    {"clusters", clusters}});
  }
  const auto count = list.size();
  return {
      {"competences", std::move(list)}, {"floor", ClusterRankSettings{}.floor}, {"count", count}};
}

}  // namespace vakkaart::analysis
