#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_result.h"
#include "analysis/batch.h"
#include "analysis/structure_index.h"
#include "core/json.h"

namespace vakkaart::analysis {

/// The names the batch outputs give candidates and clusters, computed once per index. A cluster
/// is named by its id, or "framework/id" when clusters of two frameworks share the id.
class BatchLabels {
 public:
  explicit BatchLabels(const StructureIndex& index);

  const StructureIndex& index() const { return *index_; }
  const std::string& cluster(std::size_t c) const { return clusters_[c]; }

 private:
  const StructureIndex* index_;
  std::vector<std::string> clusters_;
};

/// What the final files say about the run beyond the counts.
struct BatchReportMeta {
  std::string input;  // as given on the command line
  double present_evidence = kPresentEvidence;
};

/// One record that could not be analysed, as a row of errors.jsonl.
struct BatchError {
  std::uint64_t record = 0;  // 1-based number among the input's records
  std::string file;          // the JSONL file, or the file of the directory (relative)
  std::uint64_t line = 0;    // JSONL line, 0 for a file of a directory
  std::string id;            // when the line gave one
  std::string code;          // Error::code_name()
  std::string message;
};

/// Profiles (candidates, qualifications too) each texts.csv row lists.
inline constexpr std::size_t kBatchTopProfiles = 3;

/// `id,best,best_confidence,fit,segments,profile_1,confidence_1,…,profile_3,confidence_3,clusters`
/// with CRLF, as RFC 4180 has it.
std::string batch_csv_header();
/// One texts.csv row (RFC 4180 quoting, CRLF): the candidates with evidence, best first (at most
/// three), and the present clusters, strongest first, joined by ';'. best_confidence is empty for
/// "none". Numbers have a decimal point and at most three decimals.
void append_batch_csv_row(std::string& out, std::string_view id, const AnalysisResult& result,
                          const std::vector<std::uint32_t>& present, const BatchLabels& labels);
/// One texts.jsonl line: `{"id","best","fit","segments","profiles":[{id,confidence,coverage}]
/// (at most three, with evidence),"clusters":[{id,segments,evidence,present}]}` (every cluster
/// with evidence, strongest first).
void append_batch_jsonl_row(std::string& out, std::string_view id, const AnalysisResult& result,
                            const std::vector<std::uint32_t>& present, const BatchLabels& labels);
/// One errors.jsonl line: `{"record","file","line"?,"id"?,"code","message"}`.
void append_batch_error_row(std::string& out, const BatchError& error);

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
/// report.html: a standalone Dutch page (well-formed XML as well as HTML) with the key figures,
/// bar charts of the profile distribution and of the clusters, and the co-occurrence matrix as a
/// heat map coloured by lift, each chart with a table of its numbers.
std::string batch_report_html(const BatchAggregates& aggregates, const BatchLabels& labels,
                              const BatchReportMeta& meta);

/// Writes summary.json, cooccurrence.csv and report.html into out_dir, each atomically
/// (temporary file, then rename).
void write_batch_report(const std::string& out_dir, const BatchAggregates& aggregates,
                        const BatchLabels& labels, const BatchReportMeta& meta);

/// Writes `bytes` to `path` through a temporary file in the same directory, synced, then
/// renamed over it: a reader sees the old file or the new one, never half of one.
void write_batch_file(const std::string& path, std::string_view bytes);

}  // namespace vakkaart::analysis
