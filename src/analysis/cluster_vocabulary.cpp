#include "analysis/cluster_vocabulary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/word_terms.h"

namespace vakkaart::analysis {

namespace {

// Both weights were chosen on the tuning part of tests/data/crosswalk-judgements.tsv (BK-0338-3)
// only; bench/crosswalk_quality_bench reports the held-out part apart.
// A cluster's title says what the cluster is in the fewest words ("Vertegenwoordigen -
// samenwerken - netwerken"): it counts as this many of the cluster's statements.
constexpr double kClusterTitleWeight = 3.0;
// A competence's title states the competence; its activities spell it out. A main activity's
// title is read the same way when main activities are ranked within a cluster.
constexpr double kCompetenceTitleWeight = 2.0;

double cluster_vocabulary_dot(const std::vector<std::pair<std::uint32_t, double>>& a,
                              const std::vector<std::pair<std::uint32_t, double>>& b) {
  double dot = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first)
      ++i;
    else if (b[j].first < a[i].first)
      ++j;
    else
      dot += a[i++].second * b[j++].second;
  }
  return dot;
}

double cluster_vocabulary_norm(const std::vector<std::pair<std::uint32_t, double>>& bag) {
  double sum = 0;
  for (const auto& [t, v] : bag)
    sum += v * v;
  return std::sqrt(sum);
}

}  // namespace

ClusterVocabulary::ClusterVocabulary(const StructureIndex& index) : index_(index) {
  const auto& units = index.units();
  const auto& groups = index.groups();
  std::vector<std::map<std::uint32_t, double>> sums(index.clusters().size());
  // Each distinct statement once per cluster, however many profiles hold it there.
  std::vector<std::set<std::uint32_t>> seen(index.clusters().size());
  for (std::uint32_t u = 0; u < units.size(); ++u)
    for (const auto& place : units[u].places) {
      if (place.group < 0)
        continue;
      const auto& group = groups[static_cast<std::size_t>(place.group)];
      if (group.cluster < 0 || index.candidates()[group.candidate].kind != Candidate::Kind::profile)
        continue;
      const auto cluster = static_cast<std::size_t>(group.cluster);
      if (!seen[cluster].insert(u).second)
        continue;
      for (const auto& [t, w] : units[u].terms)
        sums[cluster][t] += w;
    }
  WordTermCache words;
  for (std::size_t c = 0; c < index.clusters().size(); ++c)
    split_words(index.clusters()[c].title, [&](std::string_view word, std::size_t) {
      for (const auto& [t, factor] : words.lookup(word, index).terms)
        sums[c][t] += kClusterTitleWeight * factor * index.idf(t);
    });

  clusters_.resize(sums.size());
  norms_.resize(sums.size());
  for (std::size_t c = 0; c < sums.size(); ++c) {
    clusters_[c].assign(sums[c].begin(), sums[c].end());
    norms_[c] = cluster_vocabulary_norm(clusters_[c]);
  }

  // Each profile's main activities as bags of their own, for the step within a cluster.
  const auto members = index.group_members();
  main_activities_.resize(index.clusters().size());
  group_bags_.resize(groups.size());
  group_norms_.assign(groups.size(), 0.0);
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    if (groups[g].cluster < 0 ||
        index.candidates()[groups[g].candidate].kind != Candidate::Kind::profile)
      continue;
    main_activities_[static_cast<std::size_t>(groups[g].cluster)].push_back(g);
    group_bags_[g] = bag_of(members[g]);
    group_norms_[g] = cluster_vocabulary_norm(group_bags_[g]);
  }
}

std::vector<std::pair<double, std::uint32_t>> ClusterVocabulary::rank_main_activities(
    const std::vector<std::uint32_t>& units, std::uint32_t cluster) const {
  const auto bag = bag_of(units);
  const double norm = cluster_vocabulary_norm(bag);
  std::vector<std::pair<double, std::uint32_t>> out;
  if (norm <= 0)
    return out;
  for (auto g : main_activities_[cluster]) {
    if (group_norms_[g] <= 0)
      continue;
    const double dot = cluster_vocabulary_dot(bag, group_bags_[g]);
    if (dot > 0)
      out.emplace_back(std::min(1.0, dot / (norm * group_norms_[g])), g);
  }
  // Best first; equal scores in the index's (model) order.
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

ClusterVocabulary::Bag ClusterVocabulary::bag_of(const std::vector<std::uint32_t>& units) const {
  std::map<std::uint32_t, double> sums;
  for (auto u : units) {
    const auto& unit = index_.units()[u];
    const double weight =
        unit.kind == "competence" || unit.kind == "main_activity" ? kCompetenceTitleWeight : 1.0;
    for (const auto& [t, w] : unit.terms)
      sums[t] += weight * w;
  }
  return Bag(sums.begin(), sums.end());
}

std::vector<double> ClusterVocabulary::affinities(const std::vector<std::uint32_t>& units) const {
  const auto bag = bag_of(units);
  const double norm = cluster_vocabulary_norm(bag);
  std::vector<double> out(clusters_.size(), 0.0);
  for (std::size_t c = 0; c < clusters_.size(); ++c)
    if (norm > 0 && norms_[c] > 0)
      out[c] = std::min(1.0, cluster_vocabulary_dot(bag, clusters_[c]) / (norm * norms_[c]));
  return out;
}

std::vector<std::string> ClusterVocabulary::carrying_words(const std::vector<std::uint32_t>& units,
                                                           std::uint32_t cluster,
                                                           std::size_t keep) const {
  // Each shared term's part of the cosine with this cluster, less its mean part over all
  // clusters: what made this cluster rank above the others. A word every cluster's statements
  // say ("Werkt", "eigen") adds to each cosine alike and explains nothing; it drops out.
  const auto bag = bag_of(units);
  std::map<std::uint32_t, double> shares;
  for (std::size_t k = 0; k < clusters_.size(); ++k) {
    if (norms_[k] <= 0)
      continue;
    const double scale = (k == cluster ? 1.0 : 0.0) - 1.0 / static_cast<double>(clusters_.size());
    const auto& c = clusters_[k];
    std::size_t j = 0;
    for (const auto& [t, v] : bag) {
      while (j < c.size() && c[j].first < t)
        ++j;
      if (j < c.size() && c[j].first == t)
        shares[t] += scale * v * c[j].second / norms_[k];
    }
  }
  // Only terms the competence shares with this cluster, and that favour it.
  for (auto it = shares.begin(); it != shares.end();) {
    const auto& c = clusters_[cluster];
    const bool in_cluster =
        std::binary_search(c.begin(), c.end(), std::pair<std::uint32_t, double>{it->first, 0.0},
                           [](const auto& a, const auto& b) { return a.first < b.first; });
    it = in_cluster && it->second > 0 ? std::next(it) : shares.erase(it);
  }
  // Each shared term is shown as the first word of the statements that says it (so
  // "Communiceert" and "communiceert" are one word); a word stands for its heaviest term.
  std::map<std::uint32_t, std::string> word_of;
  WordTermCache words;
  for (auto u : units)
    split_words(index_.units()[u].text, [&](std::string_view word, std::size_t) {
      std::int64_t best = -1;
      const auto& looked_up = words.lookup(word, index_);
      // A light verb ("Werkt", "Houdt", "Geeft") or a particle ("af" of "stemt af") says
      // nothing about a cluster, however often the statements use it.
      if (looked_up.light || word.size() < 3)
        return;
      for (const auto& [t, factor] : looked_up.terms) {
        const auto it = shares.find(t);
        if (it != shares.end() &&
            (best < 0 || it->second > shares.at(static_cast<std::uint32_t>(best))))
          best = t;
      }
      if (best >= 0)
        word_of.try_emplace(static_cast<std::uint32_t>(best), std::string(word));
    });
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (const auto& [t, word] : word_of)
    ranked.emplace_back(-shares.at(t), t);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (const auto& [share, t] : ranked) {
    if (out.size() >= keep)
      break;
    const auto& word = word_of.at(t);
    if (std::find(out.begin(), out.end(), word) == out.end())
      out.push_back(word);
  }
  return out;
}

}  // namespace vakkaart::analysis
