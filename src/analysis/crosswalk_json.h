#pragma once

#include <string>
#include <vector>

#include "analysis/cluster_ranking.h"
#include "core/json.h"
#include "model/alignment.h"

namespace vakkaart::analysis {

/// One alignment as the API and `vakkaart crosswalk list --json` give it:
/// `{source:{ref, kind, item, item_title, cluster, title}, target:{…}, score, type, status,
///   computed, decided_by, decided_at}`; decided_by and decided_at are null unless decided.
vakkaart::Json alignment_to_json(const model::Alignment& alignment);

/// `{alignments:[…], count}`.
vakkaart::Json alignments_to_json(const std::vector<model::Alignment>& alignments);

/// The cluster-first suggestions of the competences of `qualification` (a version id such as
/// "BK-0338-3"; empty: every qualification): `{competences:[{ref, qualification, number, title,
/// clusters:[{id, framework, title, score, words, confirmed}]}], floor, count}`, with the
/// curators' decisions among `alignments` applied (apply_cluster_decisions). An empty
/// `clusters` means no cluster reaches `floor` and none was confirmed.
vakkaart::Json cluster_ranking_to_json(const ClusterRanking& ranking,
                                       const std::string& qualification,
                                       const std::vector<model::Alignment>& alignments);

}  // namespace vakkaart::analysis
