#pragma once

#include <string>
#include <vector>

#include "analysis/cluster_ranking.h"
#include "model/alignment.h"

namespace vakkaart::analysis {

/// Curators' decisions on a competence's alignments, applied to its cluster ranking, so that a
/// person's word counts for more than the computation's:
/// - a cluster holding a main activity the curator confirmed for this competence ranks first
///   (confirmed clusters by the score of their best confirmed alignment), even when the
///   computation ranked it low or not at all;
/// - a cluster is left out when every alignment of this competence into it was rejected (one
///   rejected main activity among others still undecided leaves the cluster where it was);
/// - nothing else moves, and only `alignments` whose source is `ranked`'s competence count, so
///   a decision never leaks into another competence or another version of the qualification.
/// Then the list is cut to `keep` (never below the confirmed clusters). Within each cluster the
/// same holds for its main activities: one whose alignment was confirmed comes first (added when
/// the computation did not list it), one whose alignment was rejected is gone. `alignments` may
/// hold any alignments (those of other sources are ignored); stale ones, from older content, count
/// by their refs.
CompetenceClusters apply_cluster_decisions(const StructureIndex& index,
                                           const CompetenceClusters& ranked,
                                           const std::vector<model::Alignment>& alignments,
                                           int keep = ClusterRankSettings{}.keep);

}  // namespace vakkaart::analysis
