#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_result.h"
#include "analysis/matcher.h"
#include "analysis/structure_index.h"

namespace vakkaart::analysis {

/// Summed evidence from which a text counts as speaking of a cluster: one segment matching a
/// statement of the cluster at 0.5 or better, or two weaker ones. A single weak match (0.3–0.5,
/// the matcher's minimum is 0.3) of one sentence in a long text is too often incidental to count
/// in a distribution or a co-occurrence.
inline constexpr double kPresentEvidence = 0.5;

/// The clusters a result counts as present (evidence ≥ min_evidence), strongest first, as the
/// result lists them.
std::vector<std::uint32_t> present_clusters(const AnalysisResult& result, double min_evidence);

/// Counts over the texts of a batch: what the profile distribution and the cluster
/// co-occurrence matrix are made of. Indexes are those of the StructureIndex it was sized for.
class BatchAggregates {
 public:
  BatchAggregates() = default;
  BatchAggregates(std::size_t candidates, std::size_t clusters);

  /// One analysed text: its best candidate (-1 for "none") and its present clusters (any order).
  void add(std::int64_t best_candidate, const std::vector<std::uint32_t>& clusters);
  void add_error() { ++errors_; }

  std::uint64_t texts() const { return texts_; }
  std::uint64_t errors() const { return errors_; }
  /// Texts whose best candidate is `candidate`.
  std::uint64_t best(std::size_t candidate) const { return best_[candidate]; }
  /// Texts recognised as nothing ("none").
  std::uint64_t none() const { return best_.empty() ? 0 : best_.back(); }
  /// Texts in which the cluster is present.
  std::uint64_t cluster(std::size_t c) const { return clusters_[c]; }
  /// Texts in which both clusters are present (a != b; symmetric).
  std::uint64_t pair(std::size_t a, std::size_t b) const;
  /// P(a ∧ b) / (P(a) P(b)) over the analysed texts: 1 when the clusters occur together as often
  /// as chance says, above 1 when more often. Empty when either never occurs or a == b.
  std::optional<double> lift(std::size_t a, std::size_t b) const;

  std::size_t candidate_count() const { return best_.empty() ? 0 : best_.size() - 1; }
  std::size_t cluster_count() const { return clusters_.size(); }

  /// Raw setters for restoring a checkpoint.
  void set_texts(std::uint64_t n) { texts_ = n; }
  void set_errors(std::uint64_t n) { errors_ = n; }
  void set_best(std::size_t candidate, std::uint64_t n) { best_[candidate] = n; }
  void set_none(std::uint64_t n) { best_.back() = n; }
  void set_cluster(std::size_t c, std::uint64_t n) { clusters_[c] = n; }
  void set_pair(std::size_t a, std::size_t b, std::uint64_t n);

  friend bool operator==(const BatchAggregates&, const BatchAggregates&) = default;

 private:
  std::size_t pair_slot(std::size_t a, std::size_t b) const;

  std::uint64_t texts_ = 0;
  std::uint64_t errors_ = 0;
  std::vector<std::uint64_t> best_;      // per candidate, then "none"
  std::vector<std::uint64_t> clusters_;  // per global cluster
  std::vector<std::uint64_t> pairs_;     // upper triangle, a < b, row by row
};

/// Where a bulk run stands, for a progress bar.
struct BatchProgress {
  std::uint64_t done = 0;              // input records handled, earlier runs included
  std::optional<std::uint64_t> total;  // once the input has been counted (in the background)
  std::uint64_t resumed_from = 0;      // records an earlier run had done
  double texts_per_second = 0;         // this run
  double seconds = 0;                  // this run
  bool finished = false;               // the last call
};

struct BatchOptions {
  /// A JSONL file (one object per line with "text" and optionally "id"; other fields ignored),
  /// or a directory whose supported files (.txt .md .markdown .html .htm .docx .pdf) are read
  /// recursively, directory by directory in byte order of the names, hidden ones skipped.
  std::string input;
  /// The report directory: created if missing; holds the outputs and checkpoint.json.
  std::string out_dir;
  /// Worker threads; 0 means std::thread::hardware_concurrency().
  unsigned threads = 0;
  /// Start over even when out_dir holds a checkpoint (of this or another input).
  bool restart = false;
  double present_evidence = kPresentEvidence;
  /// A checkpoint is written after this many records or this much time, whichever comes first.
  std::uint64_t checkpoint_records = 50000;
  std::chrono::milliseconds checkpoint_interval{1000};
  /// Stop (as an interruption does) once this many records are done in total; 0 never. Lets
  /// tests interrupt at an exact place.
  std::uint64_t stop_after = 0;
  /// Set from elsewhere (a SIGINT handler) to stop: the run writes a checkpoint and returns
  /// with complete == false.
  const std::atomic<bool>* cancel = nullptr;
  /// Called from the calling thread at most every 100 ms, and once at the end.
  std::function<void(const BatchProgress&)> progress;
};

struct BatchSummary {
  std::string out_dir;
  BatchAggregates aggregates;
  std::uint64_t records = 0;       // input records handled (texts + errors), earlier runs included
  std::uint64_t resumed_from = 0;  // records an earlier run had done
  /// False when the run stopped early (cancel, stop_after); a later run resumes it.
  bool complete = false;
  /// The first few errors as "file:line: message", for a message on the terminal.
  std::vector<std::string> first_errors;
  double seconds = 0;  // this run
};

/// Analyses every text of options.input with Detail::summary on a pool of threads and writes, in
/// input order, texts.csv, texts.jsonl and errors.jsonl to options.out_dir, and at the end
/// summary.json, cooccurrence.csv and report.html (see batch_report.h). Memory stays flat: the
/// input is streamed, at most a few batches per thread are in flight, and results are written as
/// soon as their turn comes.
///
/// Resumable: checkpoint.json (written atomically, after the outputs are synced) holds the
/// records done, the input position, the output sizes and the counts. A later run with the same
/// input and out_dir truncates the outputs back to those sizes and continues; a completed run is
/// not redone (the final files are written again from the checkpoint). A checkpoint of another
/// input, of a changed input (JSONL: size, mtime or first MB; directory: the files done so far),
/// or of a changed structure or settings is refused (Error conflict) unless options.restart.
///
/// A record that cannot be analysed (a line that is not a JSON object, has no string "text",
/// is too long; a file that cannot be read or extracted) is not fatal: it becomes a row of
/// errors.jsonl and counts in aggregates.errors(). Errors of the input as a whole (missing,
/// unreadable), of out_dir, or of writing throw Error.
BatchSummary run_batch(const Matcher& matcher, const BatchOptions& options);

/// The fast path of reading a JSONL line: a JSON object whose "text" is a string and whose
/// "id", if any, is a string, an integer or null. Sets id ("" when absent or null) and text and
/// returns true; returns false for anything else (not JSON, another shape, deeper than 64
/// levels, a long or fractional number as id), which the caller then reads with a full JSON
/// parser for its verdict and message. Accepts exactly what that parser accepts for these lines,
/// and gives the same values (later duplicate keys win), at several times its speed.
bool parse_batch_line_fast(std::string_view line, std::string& id, std::string& text);

/// File names inside the report directory.
inline constexpr const char* kBatchCheckpointFile = "checkpoint.json";
inline constexpr const char* kBatchTextsCsvFile = "texts.csv";
inline constexpr const char* kBatchTextsJsonlFile = "texts.jsonl";
inline constexpr const char* kBatchErrorsFile = "errors.jsonl";

}  // namespace vakkaart::analysis
