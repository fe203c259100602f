#include "analysis/cluster_ranking.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/cluster_vocabulary.h"

namespace vakkaart::analysis {

namespace {

// The cluster's main activities for one competence, best first; those of several profiles with
// one title and one score (the same statements) become one suggestion.
std::vector<MainActivitySuggestion> main_activities_within(
    const StructureIndex& index, const ClusterVocabulary& vocabulary,
    const std::vector<std::uint32_t>& competence, std::uint32_t cluster, int keep) {
  std::vector<MainActivitySuggestion> out;
  for (const auto& [score, g] : vocabulary.rank_main_activities(competence, cluster)) {
    const auto same = std::find_if(out.begin(), out.end(), [&, s = score, gg = g](const auto& m) {
      return std::abs(m.score - s) < 1e-9 &&
             index.groups()[m.groups.front()].title == index.groups()[gg].title;
    });
    if (same != out.end()) {
      same->groups.push_back(g);
      continue;
    }
    if (out.size() >= static_cast<std::size_t>(std::max(keep, 0)))
      break;
    MainActivitySuggestion m;
    m.groups = {g};
    m.score = score;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::vector<CompetenceClusters> rank_competence_clusters(const StructureIndex& index,
                                                         const ClusterRankSettings& settings) {
  const ClusterVocabulary vocabulary(index);
  const auto& groups = index.groups();
  // A competence's statements: its title and activities (the units placed in its group).
  const auto members = index.group_members();

  std::vector<CompetenceClusters> out;
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    if (index.candidates()[groups[g].candidate].kind != Candidate::Kind::qualification ||
        members[g].empty())
      continue;
    const auto affinity = vocabulary.affinities(members[g]);
    std::vector<std::pair<double, std::uint32_t>> ranked;
    for (std::uint32_t c = 0; c < affinity.size(); ++c)
      if (affinity[c] >= settings.floor)
        ranked.emplace_back(-affinity[c], c);
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() > static_cast<std::size_t>(std::max(settings.keep, 0)))
      ranked.resize(static_cast<std::size_t>(std::max(settings.keep, 0)));
    CompetenceClusters cc;
    cc.group = g;
    for (const auto& [negative, c] : ranked) {
      ClusterSuggestion s;
      s.cluster = c;
      s.score = -negative;
      s.words = vocabulary.carrying_words(members[g], c, static_cast<std::size_t>(settings.words));
      s.main_activities =
          main_activities_within(index, vocabulary, members[g], c, settings.main_activities);
      cc.clusters.push_back(std::move(s));
    }
    out.push_back(std::move(cc));
  }
  return out;
}

const CompetenceClusters* ClusterRanking::find(const std::string& ref) const {
  for (const auto& c : competences)
    if (index->groups()[c.group].ref == ref)
      return &c;
  return nullptr;
}

std::shared_ptr<const ClusterRanking> ClusterRanking::build(store::Store& store) {
  auto ranking = std::make_shared<ClusterRanking>();
  ranking->index = StructureIndex::build(store);
  ClusterRankSettings all;
  all.keep = static_cast<int>(ranking->index->clusters().size());
  ranking->competences = rank_competence_clusters(*ranking->index, all);
  return ranking;
}

}  // namespace vakkaart::analysis
