#include "analysis/cluster_decisions.h"

#include <algorithm>
#include <map>
#include <set>

namespace vakkaart::analysis {

namespace {

// What the curators said about one cluster for one competence.
struct ClusterVerdict {
  bool confirmed = false;
  double confirmed_score = 0;  // the best confirmed alignment's score
  bool rejected = false;
  bool undecided = false;
};

// The main activities within one suggested cluster after the curators' decisions on this
// competence's alignments (`status_of`: target ref -> status): a confirmed one first (added when
// the computation did not suggest it), a main activity whose alignment was rejected gone, then
// `keep` of them (never fewer than the confirmed).
std::vector<MainActivitySuggestion> decide_main_activities(
    const StructureIndex& index, const ClusterSuggestion& s,
    const std::map<std::string, const model::Alignment*>& decided, int keep) {
  std::vector<MainActivitySuggestion> confirmed, rest;
  std::set<std::uint32_t> listed;
  for (auto m : s.main_activities) {
    std::vector<std::uint32_t> kept;
    for (auto g : m.groups) {
      const auto d = decided.find(index.groups()[g].ref);
      if (d != decided.end() && d->second->status == model::AlignmentStatus::rejected)
        continue;
      m.confirmed = m.confirmed ||
                    (d != decided.end() && d->second->status == model::AlignmentStatus::confirmed);
      kept.push_back(g);
    }
    if (kept.empty())
      continue;
    listed.insert(kept.begin(), kept.end());
    m.groups = std::move(kept);
    (m.confirmed ? confirmed : rest).push_back(std::move(m));
  }
  for (const auto& [ref, a] : decided) {
    if (a->status != model::AlignmentStatus::confirmed)
      continue;
    for (std::uint32_t g = 0; g < index.groups().size(); ++g)
      if (index.groups()[g].ref == ref &&
          index.groups()[g].cluster == static_cast<int>(s.cluster) && !listed.count(g)) {
        MainActivitySuggestion m;
        m.groups = {g};
        m.score = a->score;
        m.confirmed = true;
        confirmed.push_back(std::move(m));
      }
  }
  const std::size_t kept = std::max(confirmed.size(), static_cast<std::size_t>(std::max(keep, 0)));
  for (auto& m : rest)
    if (confirmed.size() < kept)
      confirmed.push_back(std::move(m));
  return confirmed;
}

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
  std::map<std::string, const model::Alignment*> decided;  // target ref -> this competence's
  for (const auto& a : alignments) {
    if (a.source_ref != ref)
      continue;
    if (a.status != model::AlignmentStatus::computed)
      decided[a.target_ref] = &a;
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
  for (auto& s : out.clusters)
    s.main_activities =
        decide_main_activities(index, s, decided, ClusterRankSettings{}.main_activities);
  // Every confirmed cluster stays, however many there are.
  const std::size_t kept = std::max(confirmed.size(), static_cast<std::size_t>(std::max(keep, 0)));
  if (out.clusters.size() > kept)
    out.clusters.resize(kept);
  return out;
}

}  // namespace vakkaart::analysis
