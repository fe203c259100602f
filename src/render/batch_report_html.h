#pragma once

#include <string>

#include "analysis/batch/aggregates.h"
#include "analysis/batch/rows.h"
#include "analysis/batch/summary.h"

namespace vakkaart::render {

/// report.html of a bulk run: a standalone Dutch page (well-formed XML as well as HTML) with the
/// key figures, bar charts of the profile distribution and of the clusters, and the
/// co-occurrence matrix as a heat map coloured by lift (heatmap_cells_svg on the log-ratio
/// scale), each chart with a table of its numbers. Fits analysis::BatchReportRenderer.
std::string batch_report_html(const analysis::BatchAggregates& aggregates,
                              const analysis::BatchLabels& labels,
                              const analysis::BatchReportMeta& meta);

}  // namespace vakkaart::render
