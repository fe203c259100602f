#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/structure_index.h"
#include "store/store.h"

namespace vakkaart::analysis {

/// A profile's main activity within a suggested cluster: the second step of cluster first.
/// Main activities of several profiles with the same title and the same score (the learning
/// professional's, say, in all five) are one suggestion naming each of them.
struct MainActivitySuggestion {
  std::vector<std::uint32_t> groups;  // StructureIndex::groups(), the best-scoring first
  /// 0..1: the cosine of the competence's weighted words with the main activity's (its title
  /// and sub-activities), on the same idf weights as the cluster's score.
  double score = 0;
  /// A curator confirmed the competence's alignment to one of `groups` (set by
  /// apply_cluster_decisions).
  bool confirmed = false;
};

/// A cluster of a framework's ring model as a home for a qualification's competence.
struct ClusterSuggestion {
  std::uint32_t cluster = 0;  // StructureIndex::clusters()
  /// 0..1: the cosine of the competence's weighted words with the cluster's, learnt from every
  /// profile's statements in the cluster and its title (ClusterVocabulary).
  double score = 0;
  /// The competence's words that weigh most in that score, heaviest first: what carried it.
  std::vector<std::string> words;
  /// A curator confirmed an alignment of the competence to a main activity of this cluster
  /// (set by apply_cluster_decisions; the computation never sets it).
  bool confirmed = false;
  /// Then the cluster's main activities that say most of the competence, best first.
  std::vector<MainActivitySuggestion> main_activities;
};

/// The clusters of every framework ranked for one competence, best first; those below
/// ClusterRankSettings::floor are left out, so an empty list means "no cluster fits".
struct CompetenceClusters {
  std::uint32_t group = 0;  // the competence (StructureIndex::groups())
  std::vector<ClusterSuggestion> clusters;
};

struct ClusterRankSettings {
  /// A cluster whose score is below this is no suggestion. Chosen on BK-0338-3 only (the
  /// tuning part of tests/data/crosswalk-judgements.tsv): its competences' best clusters score
  /// 0.10-0.46, and no floor separates the one judged "none" (0.15) from right answers (0.10),
  /// so the floor only drops clusters that share next to nothing with the competence.
  /// bench/crosswalk_quality_bench reports the held-out qualifications apart.
  double floor = 0.05;
  /// Suggestions kept per competence.
  int keep = 3;
  /// Words kept per suggestion.
  int words = 6;
  /// Main activities kept per suggested cluster (those sharing no word are never kept).
  int main_activities = 3;
};

/// Cluster first: each competence of every qualification (its title and activities) against
/// every cluster's vocabulary, learnt from the whole structure (ClusterVocabulary). In the
/// order of the index's groups.
std::vector<CompetenceClusters> rank_competence_clusters(const StructureIndex& index,
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
