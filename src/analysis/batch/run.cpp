#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "analysis/batch/batch.h"
#include "analysis/batch/checkpoint.h"
#include "analysis/batch/common.h"
#include "analysis/batch/dir_walker.h"
#include "analysis/batch/jsonl_reader.h"
#include "analysis/batch/output_file.h"
#include "analysis/batch/pipeline.h"
#include "analysis/batch/source.h"
#include "analysis/batch/worker.h"
#include "core/error.h"

// run_batch and the steps it wires together: check the options, restore or start the state,
// open the outputs, run the pipeline while writing its rows in order, finish the report.
namespace vakkaart::analysis::batch {

namespace {

namespace fs = std::filesystem;
using BatchClock = std::chrono::steady_clock;

/// The files of a report directory.
struct BatchPaths {
  bool dir = false;  // the input is a directory (else a JSONL file)
  fs::path out_dir;
  std::string csv, jsonl, errors, checkpoint;
};

/// Checks the options, creates the report directory and names its files.
BatchPaths batch_prepare(const BatchOptions& options) {
  if (options.input.empty())
    throw Error(ErrorCode::invalid_argument, "give a JSONL file or a directory to analyse",
                {"", 0, "--batch"});
  if (options.out_dir.empty())
    throw Error(ErrorCode::invalid_argument, "give a report directory with --out",
                {"", 0, "--out"});
  std::error_code ec;
  const auto status = fs::status(options.input, ec);
  if (ec || !fs::exists(status))
    throw Error(ErrorCode::not_found,
                "cannot read " + options.input + ": no such file or directory",
                {options.input, 0, ""});
  BatchPaths paths;
  paths.dir = fs::is_directory(status);
  paths.out_dir = fs::path(options.out_dir);
  fs::create_directories(paths.out_dir, ec);
  if (ec || !fs::is_directory(paths.out_dir))
    throw Error(
        ErrorCode::io_error,
        "cannot create the report directory " + options.out_dir + (ec ? ": " + ec.message() : ""),
        {options.out_dir, 0, "--out"});
  paths.csv = (paths.out_dir / kBatchTextsCsvFile).string();
  paths.jsonl = (paths.out_dir / kBatchTextsJsonlFile).string();
  paths.errors = (paths.out_dir / kBatchErrorsFile).string();
  paths.checkpoint = (paths.out_dir / kBatchCheckpointFile).string();
  if (!paths.dir) {
    for (const auto& p : {paths.csv, paths.jsonl, paths.errors, paths.checkpoint}) {
      std::error_code eq;
      if (fs::equivalent(options.input, p, eq))
        throw Error(ErrorCode::invalid_argument,
                    "the input " + options.input + " is one of the report's own files",
                    {options.input, 0, "--batch"});
    }
  }
  return paths;
}

void batch_remove_final_files(const fs::path& dir) {
  std::error_code ec;
  for (const char* name : {"summary.json", "cooccurrence.csv", "report.html"})
    fs::remove(dir / name, ec);
}

/// Counts the input's records beside the run, for the progress bar only; stops and joins when
/// destroyed.
class BatchTotalCounter {
 public:
  BatchTotalCounter(const BatchOptions& options, bool dir, const fs::path& exclude) {
    if (!options.progress)
      return;
    thread_ = std::thread([this, input = options.input, dir, exclude] {
      std::uint64_t n = 0;
      if (dir) {
        BatchDirWalker walker(fs::path(input), exclude);
        BatchDirEntry e;
        while (!stop_.load(std::memory_order_relaxed) && walker.next(e))
          ++n;
      } else {
        n = batch_count_lines(input, stop_);
      }
      if (!stop_.load())
        total_.store(static_cast<std::int64_t>(n));
    });
  }
  ~BatchTotalCounter() {
    stop_.store(true);
    if (thread_.joinable())
      thread_.join();
  }
  BatchTotalCounter(const BatchTotalCounter&) = delete;
  BatchTotalCounter& operator=(const BatchTotalCounter&) = delete;

  /// The total once counted.
  std::optional<std::uint64_t> total() const {
    const auto t = total_.load();
    return t >= 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(t)) : std::nullopt;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<std::int64_t> total_{-1};
  std::thread thread_;
};

/// One run over the input: its state, outputs and checkpoints, and the loop that writes the
/// pipeline's rows in input order.
class BatchRun {
 public:
  BatchRun(const Matcher& matcher, const BatchOptions& options, const BatchPaths& paths)
      : matcher_(matcher),
        options_(options),
        paths_(paths),
        labels_(matcher.index()),
        identity_(batch_identity(options.input, options.present_evidence, paths.dir, matcher)),
        meta_{options.input, options.present_evidence} {
    const auto& index = matcher.index();
    if (!options.restart) {
      if (auto loaded = batch_load_checkpoint(paths.checkpoint, identity_, index, options.input)) {
        state_ = std::move(*loaded);
        fresh_ = false;
      }
    }
    if (fresh_)
      state_.aggregates = BatchAggregates(index.candidates().size(), index.clusters().size());
    resumed_from_ = state_.records;
    records_at_checkpoint_ = state_.records;
  }

  /// The summary of the run as it stands.
  BatchSummary summary(bool complete) const {
    BatchSummary s;
    s.out_dir = options_.out_dir;
    s.resumed_from = fresh_ ? 0 : resumed_from_;
    s.aggregates = state_.aggregates;
    s.records = state_.records;
    s.complete = complete;
    s.first_errors = state_.first_errors;
    s.seconds = std::chrono::duration<double>(BatchClock::now() - started_).count();
    return s;
  }

  /// A completed run is not redone: its final files are written again from the checkpoint.
  bool already_complete() {
    if (!state_.complete)
      return false;
    write_batch_report(options_.out_dir, state_.aggregates, labels_, meta_, options_.report_html);
    if (options_.progress)
      options_.progress({state_.records, state_.records, state_.records, 0, 0, true});
    return true;
  }

  /// Runs the pipeline to the end of the input or to an interruption; true when complete.
  bool run() {
    batch_remove_final_files(paths_.out_dir);
    csv_.emplace(paths_.csv, fresh_, state_.csv_size, batch_csv_header());
    jsonl_.emplace(paths_.jsonl, fresh_, state_.jsonl_size, "");
    errors_.emplace(paths_.errors, fresh_, state_.errors_size, "");
    if (fresh_)
      checkpoint();
    fs::path exclude;
    std::error_code ec;
    if (paths_.dir)
      exclude = fs::weakly_canonical(paths_.out_dir, ec);
    BatchSource source(options_.input, paths_.dir, exclude);
    if (!fresh_) {
      if (paths_.dir)
        source.skip_dir(state_.records, state_.prefix_hash, options_.input);
      else
        source.seek_jsonl(state_.offset, state_.line, state_.records);
    }
    BatchTotalCounter counter(options_, paths_.dir, exclude);
    const bool complete = write_in_order(source, counter);
    checkpoint();
    if (complete) {
      write_batch_report(options_.out_dir, state_.aggregates, labels_, meta_, options_.report_html);
      state_.complete = true;
      write_batch_file(paths_.checkpoint, batch_checkpoint_json(identity_, state_).dump(1) + "\n");
    }
    report_progress(counter, true);
    return complete;
  }

 private:
  /// The pipeline's units in input order, written as they come; true at the input's end.
  bool write_in_order(BatchSource& source, const BatchTotalCounter& counter) {
    const unsigned threads =
        options_.threads > 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
    const BatchWorkerContext ctx{matcher_, labels_, options_.present_evidence, paths_.dir,
                                 options_.input};
    BatchPipeline pipeline(source, ctx, threads);
    for (;;) {
      if (options_.cancel && options_.cancel->load())
        return false;
      BatchWork work;
      const auto got = pipeline.next(work, std::chrono::milliseconds(100));
      if (got == BatchPipeline::Next::end)
        return true;
      if (got == BatchPipeline::Next::wait) {
        report_progress(counter, false);
        continue;
      }
      const bool stopped = write_work(work);
      pipeline.release();
      if (stopped)
        return false;
      const auto now = BatchClock::now();
      if (state_.records - records_at_checkpoint_ >= options_.checkpoint_records ||
          now - last_checkpoint_ >= options_.checkpoint_interval)
        checkpoint();
      report_progress(counter, false);
    }
  }

  /// Writes one unit's rows and counts them; true once options.stop_after is reached.
  bool write_work(const BatchWork& work) {
    for (std::size_t k = 0; k < work.records.size(); ++k) {
      const auto& rec = work.records[k];
      const auto& row = work.rows[k];
      if (row.failed) {
        errors_->append(row.error_row);
        state_.aggregates.add_error();
        if (state_.first_errors.size() < kBatchFirstErrors)
          state_.first_errors.push_back(row.error_text);
      } else {
        csv_->append(row.csv);
        jsonl_->append(row.jsonl);
        state_.aggregates.add(row.best, row.present);
      }
      state_.records = rec.number;
      state_.line = rec.line;
      state_.offset = rec.next_offset;
      state_.prefix_hash = rec.prefix_hash;
      if (options_.stop_after > 0 && state_.records >= options_.stop_after)
        return true;
    }
    return false;
  }

  /// Outputs synced first, then checkpoint.json naming their sizes.
  void checkpoint() {
    csv_->sync();
    jsonl_->sync();
    errors_->sync();
    state_.csv_size = csv_->size();
    state_.jsonl_size = jsonl_->size();
    state_.errors_size = errors_->size();
    write_batch_file(paths_.checkpoint, batch_checkpoint_json(identity_, state_).dump(1) + "\n");
    records_at_checkpoint_ = state_.records;
    last_checkpoint_ = BatchClock::now();
  }

  /// Calls options.progress at most every 100 ms, and always when `finished`.
  void report_progress(const BatchTotalCounter& counter, bool finished) {
    if (!options_.progress)
      return;
    const auto now = BatchClock::now();
    if (!finished && now - last_progress_ < std::chrono::milliseconds(100))
      return;
    last_progress_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    BatchProgress p;
    p.done = state_.records;
    if (const auto t = counter.total())
      p.total = std::max<std::uint64_t>(*t, state_.records);
    p.resumed_from = resumed_from_;
    p.seconds = seconds;
    p.texts_per_second =
        seconds > 0 ? static_cast<double>(state_.records - resumed_from_) / seconds : 0;
    p.finished = finished;
    options_.progress(p);
  }

  const Matcher& matcher_;
  const BatchOptions& options_;
  const BatchPaths& paths_;
  const BatchLabels labels_;
  const BatchIdentity identity_;
  const BatchReportMeta meta_;
  BatchState state_;
  bool fresh_ = true;
  std::uint64_t resumed_from_ = 0;
  const BatchClock::time_point started_ = BatchClock::now();
  std::optional<BatchOutput> csv_, jsonl_, errors_;
  std::uint64_t records_at_checkpoint_ = 0;
  BatchClock::time_point last_checkpoint_ = BatchClock::now();
  BatchClock::time_point last_progress_{};
};

}  // namespace

}  // namespace vakkaart::analysis::batch

namespace vakkaart::analysis {

BatchSummary run_batch(const Matcher& matcher, const BatchOptions& options) {
  const auto paths = batch::batch_prepare(options);
  batch::BatchRun run(matcher, options, paths);
  if (run.already_complete())
    return run.summary(true);
  const bool complete = run.run();
  return run.summary(complete);
}

}  // namespace vakkaart::analysis
