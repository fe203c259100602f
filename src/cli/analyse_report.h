#pragma once

#include <ostream>

#include "analysis/analysis_result.h"
#include "analysis/structure_index.h"
#include "cli/context.h"

namespace vakkaart::cli {

/// The terminal report of one analysed text: the verdict, the best profiles with confidence
/// and coverage bars, the clusters the text speaks of, the core activities it leaves out, and
/// each segment with what it matched and the words that made the match.
void print_analysis_report(std::ostream& out, const analysis::AnalysisResult& result,
                           const analysis::StructureIndex& index, const Style& style,
                           std::size_t top);

}  // namespace vakkaart::cli
