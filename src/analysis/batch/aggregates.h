#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/analysis_result.h"

namespace vakkaart::analysis {

/// Summed evidence from which a text counts as speaking of a cluster: one segment matching a
/// statement of the cluster at 0.5 or better, or two weaker ones. A single weak match (0.3–0.5,
/// the matcher's minimum is 0.3) of one sentence in a long text is too often incidental to count
/// in a distribution or a co-occurrence.
inline constexpr double kPresentEvidence = 0.5;

/// The clusters a result counts as present (evidence ≥ min_evidence), strongest first, as the
/// result lists them.
std::vector<std::uint32_t> present_clusters(const AnalysisResult& result, double min_evidence);

/// Counts over the texts of a batch: what the profile distribution and the cluster
/// co-occurrence matrix are made of. Indexes are those of the StructureIndex it was sized for.
class BatchAggregates {
 public:
  BatchAggregates() = default;
  BatchAggregates(std::size_t candidates, std::size_t clusters);

  /// One analysed text: its best candidate (-1 for "none") and its present clusters (any order).
  void add(std::int64_t best_candidate, const std::vector<std::uint32_t>& clusters);
  void add_error() { ++errors_; }

  std::uint64_t texts() const { return texts_; }
  std::uint64_t errors() const { return errors_; }
  /// Texts whose best candidate is `candidate`.
  std::uint64_t best(std::size_t candidate) const { return best_[candidate]; }
  /// Texts recognised as nothing ("none").
  std::uint64_t none() const { return best_.empty() ? 0 : best_.back(); }
  /// Texts in which the cluster is present.
  std::uint64_t cluster(std::size_t c) const { return clusters_[c]; }
  /// Texts in which both clusters are present (a != b; symmetric).
  std::uint64_t pair(std::size_t a, std::size_t b) const;
  /// P(a ∧ b) / (P(a) P(b)) over the analysed texts: 1 when the clusters occur together as often
  /// as chance says, above 1 when more often. Empty when either never occurs or a == b.
  std::optional<double> lift(std::size_t a, std::size_t b) const;

  std::size_t candidate_count() const { return best_.empty() ? 0 : best_.size() - 1; }
  std::size_t cluster_count() const { return clusters_.size(); }

  /// Raw setters for restoring a checkpoint.
  void set_texts(std::uint64_t n) { texts_ = n; }
  void set_errors(std::uint64_t n) { errors_ = n; }
  void set_best(std::size_t candidate, std::uint64_t n) { best_[candidate] = n; }
  void set_none(std::uint64_t n) { best_.back() = n; }
  void set_cluster(std::size_t c, std::uint64_t n) { clusters_[c] = n; }
  void set_pair(std::size_t a, std::size_t b, std::uint64_t n);

  friend bool operator==(const BatchAggregates&, const BatchAggregates&) = default;

 private:
  std::size_t pair_slot(std::size_t a, std::size_t b) const;

  std::uint64_t texts_ = 0;
  std::uint64_t errors_ = 0;
  std::vector<std::uint64_t> best_;      // per candidate, then "none"
  std::vector<std::uint64_t> clusters_;  // per global cluster
  std::vector<std::uint64_t> pairs_;     // upper triangle, a < b, row by row
};

}  // namespace vakkaart::analysis
