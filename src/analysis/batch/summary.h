#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/batch/aggregates.h"
#include "analysis/batch/rows.h"
#include "core/json.h"

namespace vakkaart::analysis {

/// What the final files say about the run beyond the counts.
struct BatchReportMeta {
  std::string input;  // as given on the command line
  double present_evidence = kPresentEvidence;
};

/// Candidate indexes and "none" (-1), most texts first; ties in index order, "none" last.
std::vector<std::int64_t> batch_profile_order(const BatchAggregates& aggregates);

/// Two clusters seen together, with their lift.
struct BatchPair {
  std::size_t a, b;
  std::uint64_t texts;
  double lift;
};

/// Pairs seen together at least once, highest lift first (then most texts, then model order).
std::vector<BatchPair> batch_pairs(const BatchAggregates& aggregates);

/// summary.json: `{input, records, texts, errors, present_evidence,
///   profiles:[{id, kind, title, texts, share}] (every candidate and "none", most texts first),
///   clusters:[{id, title, ring, framework, texts, share}] (model order),
///   cooccurrence:{clusters:[id], texts:[[n]] (diagonal: the cluster's own count),
///                 lift:[[x|null]] (null on the diagonal and for clusters without texts)},
///   pairs:[{a, b, texts, lift}] (pairs seen together, highest lift first)}`.
vakkaart::Json batch_summary_json(const BatchAggregates& aggregates, const BatchLabels& labels,
                                  const BatchReportMeta& meta);
/// cooccurrence.csv: `cluster_a,cluster_b,texts_a,texts_b,texts_both,lift` for every pair of
/// clusters (a before b in model order); lift empty when undefined.
std::string batch_cooccurrence_csv(const BatchAggregates& aggregates, const BatchLabels& labels);

/// Draws report.html from the counts (render::batch_report_html does): analysis computes the
/// numbers, the caller brings the drawing, so analysis does not depend on render.
using BatchReportRenderer = std::function<std::string(
    const BatchAggregates& aggregates, const BatchLabels& labels, const BatchReportMeta& meta)>;

/// Writes summary.json, cooccurrence.csv and, when `report_html` is given, report.html into
/// out_dir, each atomically (temporary file, then rename).
void write_batch_report(const std::string& out_dir, const BatchAggregates& aggregates,
                        const BatchLabels& labels, const BatchReportMeta& meta,
                        const BatchReportRenderer& report_html);

}  // namespace vakkaart::analysis
