#include "analysis/batch/aggregates.h"

#include <utility>

namespace vakkaart::analysis {

std::vector<std::uint32_t> present_clusters(const AnalysisResult& result, double min_evidence) {
  std::vector<std::uint32_t> present;
  for (const auto& c : result.clusters) {
    if (c.evidence >= min_evidence)
      present.push_back(c.index);
  }
  return present;
}

BatchAggregates::BatchAggregates(std::size_t candidates, std::size_t clusters)
    : best_(candidates + 1, 0),
      clusters_(clusters, 0),
      pairs_(clusters < 2 ? 0 : clusters * (clusters - 1) / 2, 0) {}

std::size_t BatchAggregates::pair_slot(std::size_t a, std::size_t b) const {
  if (a > b)
    std::swap(a, b);
  const std::size_t n = clusters_.size();
  return a * (2 * n - a - 1) / 2 + (b - a - 1);
}

void BatchAggregates::add(std::int64_t best_candidate, const std::vector<std::uint32_t>& clusters) {
  ++texts_;
  if (best_candidate >= 0)
    ++best_[static_cast<std::size_t>(best_candidate)];
  else
    ++best_.back();
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    ++clusters_[clusters[i]];
    for (std::size_t j = i + 1; j < clusters.size(); ++j) {
      if (clusters[i] != clusters[j])
        ++pairs_[pair_slot(clusters[i], clusters[j])];
    }
  }
}

std::uint64_t BatchAggregates::pair(std::size_t a, std::size_t b) const {
  return a == b ? 0 : pairs_[pair_slot(a, b)];
}

void BatchAggregates::set_pair(std::size_t a, std::size_t b, std::uint64_t n) {
  if (a != b)
    pairs_[pair_slot(a, b)] = n;
}

std::optional<double> BatchAggregates::lift(std::size_t a, std::size_t b) const {
  if (a == b || clusters_[a] == 0 || clusters_[b] == 0 || texts_ == 0)
    return std::nullopt;
  return static_cast<double>(pair(a, b)) * static_cast<double>(texts_) /
         (static_cast<double>(clusters_[a]) * static_cast<double>(clusters_[b]));
}

}  // namespace vakkaart::analysis
