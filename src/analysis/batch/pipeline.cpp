#include "analysis/batch/pipeline.h"

namespace vakkaart::analysis::batch {

BatchPipeline::BatchPipeline(BatchSource& source, const BatchWorkerContext& ctx, unsigned threads)
    : source_(source), ctx_(ctx), max_in_flight_(threads * kBatchInFlightPerThread + 2) {
  reader_ = std::thread([this] { read(); });
  for (unsigned t = 0; t < threads; ++t)
    workers_.emplace_back([this] { work(); });
}

BatchPipeline::Next BatchPipeline::next(BatchWork& out, std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_);
  auto ready = [&] {
    return done_.count(next_seq_) > 0 || (reader_done_ && next_seq_ == read_seq_);
  };
  done_cv_.wait_for(lock, timeout, ready);
  if (auto it = done_.find(next_seq_); it != done_.end()) {
    out = std::move(it->second);
    done_.erase(it);
    ++next_seq_;
    return Next::work;
  }
  if (reader_done_ && next_seq_ == read_seq_) {
    if (reader_error_)
      std::rethrow_exception(reader_error_);
    return Next::end;
  }
  return Next::wait;
}

void BatchPipeline::release() {
  std::lock_guard lock(m_);
  --in_flight_;
  room_cv_.notify_one();
}

void BatchPipeline::stop() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  stopping_.store(true);
  work_cv_.notify_all();
  room_cv_.notify_all();
  if (reader_.joinable())
    reader_.join();
  for (auto& w : workers_) {
    if (w.joinable())
      w.join();
  }
}

void BatchPipeline::read() {
  try {
    for (std::uint64_t seq = 0;; ++seq) {
      BatchWork work;
      work.seq = seq;
      std::size_t bytes = 0;
      while (work.records.size() < kBatchWorkRecords && bytes < kBatchWorkBytes &&
             !stopping_.load(std::memory_order_relaxed)) {
        BatchRecord r;
        if (!source_.next(r))
          break;
        bytes += r.data.size() + 64;
        work.records.push_back(std::move(r));
      }
      if (work.records.empty())
        break;
      std::unique_lock lock(m_);
      room_cv_.wait(lock, [&] { return stop_ || in_flight_ < max_in_flight_; });
      if (stop_)
        break;
      ++in_flight_;
      queue_.push_back(std::move(work));
      read_seq_ = seq + 1;
      work_cv_.notify_one();
    }
  } catch (...) {
    std::lock_guard lock(m_);
    reader_error_ = std::current_exception();
  }
  std::lock_guard lock(m_);
  reader_done_ = true;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

void BatchPipeline::work() {
  for (;;) {
    BatchWork work;
    {
      std::unique_lock lock(m_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reader_done_; });
      if (stop_ || queue_.empty())
        return;
      work = std::move(queue_.front());
      queue_.pop_front();
    }
    work.rows.resize(work.records.size());
    for (std::size_t k = 0; k < work.records.size(); ++k) {
      batch_process(work.records[k], work.rows[k], ctx_);
      work.records[k].data = std::string();  // the text is done with: free it now
    }
    std::lock_guard lock(m_);
    done_.emplace(work.seq, std::move(work));
    done_cv_.notify_one();
  }
}

}  // namespace vakkaart::analysis::batch
