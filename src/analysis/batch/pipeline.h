#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "analysis/batch/common.h"
#include "analysis/batch/source.h"
#include "analysis/batch/worker.h"

namespace vakkaart::analysis::batch {

/// The threads of a run and the queues between them: one reader fills units of work from the
/// source, workers turn records into rows, and the caller takes the units back in input order
/// (next), releasing each once written. At most a few units per worker are in flight, which
/// bounds memory whatever the input's size.
class BatchPipeline {
 public:
  /// Starts the reader and `threads` workers.
  BatchPipeline(BatchSource& source, const BatchWorkerContext& ctx, unsigned threads);
  ~BatchPipeline() { stop(); }
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  enum class Next { work, wait, end };

  /// The next unit of work in input order, waiting at most `timeout` for it.
  Next next(BatchWork& out, std::chrono::milliseconds timeout);

  /// A unit of work is written: room for the reader to read another.
  void release();

  /// Stops and joins the threads; work not yet written is dropped.
  void stop();

 private:
  void read();
  void work();

  BatchSource& source_;
  const BatchWorkerContext& ctx_;
  const std::size_t max_in_flight_;
  std::mutex m_;
  std::condition_variable work_cv_, room_cv_, done_cv_;
  std::deque<BatchWork> queue_;
  std::map<std::uint64_t, BatchWork> done_;
  std::size_t in_flight_ = 0;
  std::uint64_t read_seq_ = 0;  // units handed out so far
  std::uint64_t next_seq_ = 0;  // the unit the writer waits for
  bool reader_done_ = false;
  bool stop_ = false;
  std::atomic<bool> stopping_{false};
  std::exception_ptr reader_error_;
  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace vakkaart::analysis::batch
