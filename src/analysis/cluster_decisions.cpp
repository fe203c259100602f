#include "analysis/cluster_decisions.h"

#include <algorithm>
#include <map>

namespace vakkaart::analysis {

namespace {

// What the curators said about one cluster for one competence.
struct ClusterVerdict {
  bool confirmed = false;
  double confirmed_score = 0;  // the best confirmed alignment's score
  bool rejected = false;
  bool undecided = false;
};

}  // namespace

CompetenceClusters apply_cluster_decisions(const StructureIndex& index,
                                           const CompetenceClusters& ranked,
                                           const std::vector<model::Alignment>& alignments,
                                           int keep) {
  const auto& groups = index.groups();
  const std::string& ref = groups[ranked.group].ref;

  // A target main activity's cluster, by the target's ref.
  std::map<std::string, std::uint32_t> cluster_of_ref;
  for (const auto& g : groups)
    if (g.cluster >= 0)
      cluster_of_ref.emplace(g.ref, static_cast<std::uint32_t>(g.cluster));

  std::map<std::uint32_t, ClusterVerdict> verdicts;
  for (const auto& a : alignments) {
    if (a.source_ref != ref)
      continue;
    const auto it = cluster_of_ref.find(a.target_ref);
    if (it == cluster_of_ref.end())
      continue;  // a target the structure no longer holds
    auto& v = verdicts[it->second];
    switch (a.status) {
      case model::AlignmentStatus::confirmed:
        v.confirmed_score = v.confirmed ? std::max(v.confirmed_score, a.score) : a.score;
        v.confirmed = true;
        break;
      case model::AlignmentStatus::rejected:
        v.rejected = true;
        break;
      case model::AlignmentStatus::computed:
        v.undecided = true;
        break;
    }
  }

  CompetenceClusters out;
  out.group = ranked.group;
  // Confirmed first, best confirmed alignment first; the computation's words stay when it
  // suggested the cluster too.
  std::vector<std::pair<double, std::uint32_t>> confirmed;
  for (const auto& [cluster, v] : verdicts)
    if (v.confirmed)
      confirmed.emplace_back(v.confirmed_score, cluster);
  std::stable_sort(confirmed.begin(), confirmed.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  for (const auto& [score, cluster] : confirmed) {
    const auto computed = std::find_if(ranked.clusters.begin(), ranked.clusters.end(),
                                       [c = cluster](const auto& s) { return s.cluster == c; });
    ClusterSuggestion s = computed != ranked.clusters.end() ? *computed : ClusterSuggestion{};
    s.cluster = cluster;
    if (computed == ranked.clusters.end())
      s.score = score;
    s.confirmed = true;
    out.clusters.push_back(std::move(s));
  }
  for (const auto& s : ranked.clusters) {
    const auto v = verdicts.find(s.cluster);
    if (v != verdicts.end() &&
        (v->second.confirmed || (v->second.rejected && !v->second.undecided)))
      continue;
    out.clusters.push_back(s);
  }
  // Every confirmed cluster stays, however many there are.
  const std::size_t kept = std::max(confirmed.size(), static_cast<std::size_t>(std::max(keep, 0)));
  if (out.clusters.size() > kept)
    out.clusters.resize(kept);
  return out;
}

}  // namespace vakkaart::analysis
