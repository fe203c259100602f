#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/matcher.h"
#include "store/store.h"

namespace vakkaart::analysis {

/// A cluster of a framework's ring model as a home for a qualification's competence.
struct ClusterSuggestion {
  std::uint32_t cluster = 0;  // StructureIndex::clusters()
  /// 0..1: the mean over the competence's statements of its best similarity to any statement
  /// of the cluster, in any profile (main and sub-activities together).
  double score = 0;
  /// The competence's words that the best matches in the cluster share with it, most often
  /// first: what carried the score.
  std::vector<std::string> words;
  /// A curator confirmed an alignment of the competence to a main activity of this cluster
  /// (set by apply_cluster_decisions; the computation never sets it).
  bool confirmed = false;
};

/// The clusters of every framework ranked for one competence, best first; those below
/// ClusterRankSettings::floor are left out, so an empty list means "no cluster fits".
struct CompetenceClusters {
  std::uint32_t group = 0;  // the competence (StructureIndex::groups())
  std::vector<ClusterSuggestion> clusters;
};

struct ClusterRankSettings {
  /// A cluster whose score is below this is no suggestion. Chosen on BK-0338-3 only (the
  /// tuning part of tests/data/crosswalk-judgements.tsv): the highest floor that keeps its
  /// top-1 at its best (0.400 from 0 up to 0.05, 0.267 at 0.06).
  /// bench/crosswalk_quality_bench reports the held-out qualifications apart.
  double floor = 0.05;
  /// Suggestions kept per competence.
  int keep = 3;
  /// Words kept per suggestion.
  int words = 6;
};

/// Cluster first: each competence of every qualification (its title and activities read as
/// segments by `matcher`, whose term weights come from the whole structure) against every
/// cluster. In the order of the index's groups.
std::vector<CompetenceClusters> rank_competence_clusters(const Matcher& matcher,
                                                         const ClusterRankSettings& settings = {});

/// Every competence's ranking on one content version, for pages and the API to share. The lists
/// are not cut to ClusterRankSettings::keep: readers apply the curators' decisions first
/// (apply_cluster_decisions), so a rejected cluster leaves room for the next one.
struct ClusterRanking {
  std::shared_ptr<const StructureIndex> index;
  std::vector<CompetenceClusters> competences;

  /// The ranking of a competence by its ref ("BK-0338-3:5"); null when there is none.
  const CompetenceClusters* find(const std::string& ref) const;
  /// Reads the store's structure (with the crosswalk's match settings) and ranks.
  static std::shared_ptr<const ClusterRanking> build(store::Store& store);
};

}  // namespace vakkaart::analysis
