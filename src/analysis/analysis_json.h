#pragma once

#include "analysis/analysis_result.h"
#include "analysis/structure_index.h"
#include "core/json.h"

namespace vakkaart::analysis {

/// The full result as `vakkaart analyse --json` and `POST /api/analyse` give it:
/// `{best, best_kind, best_title, fit, segment_count, matched_segments,
///   profiles:[{id, kind, title, framework, confidence, coverage, score, matched, total,
///              rings:[…], clusters:[…], main_activities:[…] | competences:[…]}],
///   clusters:[{id, title, ring, segments, evidence}],
///   missing_core:[{ref, cluster, position, title}],
///   segments:[{text, begin, end, line, bullet, heading,
///              matches:[{statement, kind, score, words, places:[{ref, …}]}]}]}`.
/// `profiles` holds every candidate, qualifications too, best first. Scores and confidences are
/// rounded to three decimals, percentages to one.
vakkaart::Json analysis_to_json(const AnalysisResult& result, const StructureIndex& index);

/// Where a unit occurs, as `[{ref, profile|qualification, cluster, position, title}]`.
vakkaart::Json unit_places_json(const Unit& unit, const StructureIndex& index);

}  // namespace vakkaart::analysis
