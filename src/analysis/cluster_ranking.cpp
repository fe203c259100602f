#include "analysis/cluster_ranking.h"

#include <algorithm>
#include <map>

#include "analysis/crosswalk.h"

namespace vakkaart::analysis {

std::vector<CompetenceClusters> rank_competence_clusters(const Matcher& matcher,
                                                         const ClusterRankSettings& settings) {
  const auto& index = matcher.index();
  const auto& groups = index.groups();
  const auto& units = index.units();

  // A competence's statements: its title and activities (the units placed in its group).
  const auto members = index.group_members();

  std::vector<CompetenceClusters> out;
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    if (index.candidates()[groups[g].candidate].kind != Candidate::Kind::qualification ||
        members[g].empty())
      continue;
    std::vector<Segment> segments;
    for (auto u : members[g]) {
      Segment s;
      s.text = units[u].text;
      s.line = static_cast<int>(segments.size()) + 1;
      segments.push_back(std::move(s));
    }
    const auto result = matcher.analyse(segments, Detail::full);
    // The words of the kept matches, per cluster their match lies in.
    std::map<std::uint32_t, std::map<std::string, int>> words;
    for (const auto& seg : result.segments)
      for (const auto& m : seg.matches)
        for (const auto& place : units[m.unit].places) {
          if (place.group < 0 || groups[static_cast<std::size_t>(place.group)].cluster < 0)
            continue;
          auto& counts = words[static_cast<std::uint32_t>(
              groups[static_cast<std::size_t>(place.group)].cluster)];
          for (const auto& w : m.words)
            ++counts[w];
        }
    CompetenceClusters cc;
    cc.group = g;
    for (const auto& part : result.clusters) {
      const double score = part.evidence / static_cast<double>(segments.size());
      if (score < settings.floor)
        continue;
      ClusterSuggestion s;
      s.cluster = part.index;
      s.score = std::min(1.0, score);
      std::vector<std::pair<int, std::string>> ranked;
      for (const auto& [w, n] : words[part.index])
        ranked.emplace_back(-n, w);
      std::sort(ranked.begin(), ranked.end());
      for (std::size_t k = 0; k < ranked.size() && k < static_cast<std::size_t>(settings.words);
           ++k)
        s.words.push_back(ranked[k].second);
      cc.clusters.push_back(std::move(s));
    }
    // result.clusters is by evidence already; the score is evidence over a constant.
    if (cc.clusters.size() > static_cast<std::size_t>(settings.keep))
      cc.clusters.resize(static_cast<std::size_t>(settings.keep));
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
  const Matcher matcher(ranking->index, crosswalk_match_settings());
  ClusterRankSettings all;
  all.keep = static_cast<int>(ranking->index->clusters().size());
  ranking->competences = rank_competence_clusters(matcher, all);
  return ranking;
}

}  // namespace vakkaart::analysis
