#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_result.h"
#include "analysis/structure_index.h"

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

/// Appends v rounded to `decimals` places in the shortest form that reads back the same
/// ("0.457", "12", "0.1"): locale-independent, so the same counts give the same bytes.
void batch_append_number(std::string& out, double v, int decimals);
/// v rounded to `decimals` places.
double batch_round(double v, int decimals);

}  // namespace vakkaart::analysis
