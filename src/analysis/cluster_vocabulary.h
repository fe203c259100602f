#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/structure_index.h"

namespace vakkaart::analysis {

/// What each cluster of the ring model is about, learnt from the whole structure rather than
/// from one pair of statements: every statement any profile places in the cluster (main-activity
/// titles and sub-activities, each distinct text once) and the cluster's own title, as one bag
/// of the index's terms weighted by idf over the whole structure. A competence is read the same
/// way (its title and activities together), and its affinity to a cluster is the cosine of the
/// two bags: a centroid classifier whose classes are the clusters and whose training texts are
/// the profiles. Comparing with the whole cluster at once lets the many ways the five profiles
/// say a cluster's work add up, where a competence matched to main activities one by one finds
/// few shared words with any single one.
class ClusterVocabulary {
 public:
  explicit ClusterVocabulary(const StructureIndex& index);

  /// Affinity (0..1) of a competence's statements (title and activities, as units) with every
  /// cluster of the index, in StructureIndex::clusters() order.
  std::vector<double> affinities(const std::vector<std::uint32_t>& units) const;
  /// The words of `units` that weigh most in `cluster`'s affinity, heaviest first, as the
  /// statements spell them.
  std::vector<std::string> carrying_words(const std::vector<std::uint32_t>& units,
                                          std::uint32_t cluster, std::size_t keep) const;
  /// The profiles' main activities in `cluster` (their titles and sub-activities, as bags on the
  /// same weights) ranked by cosine with the competence's statements, best first; those sharing
  /// no term are left out.
  std::vector<std::pair<double, std::uint32_t>> rank_main_activities(
      const std::vector<std::uint32_t>& units, std::uint32_t cluster) const;

 private:
  using Bag = std::vector<std::pair<std::uint32_t, double>>;  // sorted by term
  Bag bag_of(const std::vector<std::uint32_t>& units) const;

  const StructureIndex& index_;
  std::vector<Bag> clusters_;
  std::vector<double> norms_;
  std::vector<std::vector<std::uint32_t>> main_activities_;  // per cluster, profiles' groups
  std::vector<Bag> group_bags_;                              // per group (profiles' only)
  std::vector<double> group_norms_;
};

}  // namespace vakkaart::analysis
