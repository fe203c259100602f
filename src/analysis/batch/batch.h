#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/batch/aggregates.h"
#include "analysis/batch/summary.h"
#include "analysis/matcher.h"

// The public face of a bulk run: what the CLI and the tests call. The parts it is made of
// (reader, walker, line parser, workers, pipeline, outputs, checkpoint) live beside it in
// namespace analysis::batch.
namespace vakkaart::analysis {

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
  /// Draws report.html (render::batch_report_html); when empty, no report.html is written.
  BatchReportRenderer report_html;
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
/// summary.json, cooccurrence.csv and report.html (see batch/summary.h; report.html by
/// options.report_html). Memory stays flat: the input is streamed, at most a few batches per thread
/// are in flight, and results are written as soon as their turn comes.
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

/// File names inside the report directory.
inline constexpr const char* kBatchCheckpointFile = "checkpoint.json";
inline constexpr const char* kBatchTextsCsvFile = "texts.csv";
inline constexpr const char* kBatchTextsJsonlFile = "texts.jsonl";
inline constexpr const char* kBatchErrorsFile = "errors.jsonl";

}  // namespace vakkaart::analysis
