#include "server/store_pool.h"

#include <chrono>

#include "core/error.h"

namespace vakkaart::server {

namespace {

/// How long a request waits for a connection when all are busy before it gets 503.
constexpr auto kPoolWait = std::chrono::seconds(10);

}  // namespace

StorePool::Lease StorePool::take(Idle& idle, store::OpenMode mode) {
  {
    std::unique_lock lock(mutex_);
    auto available = [&] {
      return !idle.empty() || settings_.pool_size <= 0 || open_ < settings_.pool_size ||
             !idle_.empty() || !idle_writers_.empty();
    };
    if (!freed_.wait_for(lock, kPoolWait, available))
      throw Error(ErrorCode::unavailable, "every database connection is busy (pool size " +
                                              std::to_string(settings_.pool_size) +
                                              "); try again shortly");
    if (!idle.empty()) {
      auto s = std::move(idle.back());
      idle.pop_back();
      return Lease(*this, std::move(s), &idle);
    }
    // A read may run on an idle writable connection: closing it to open a read-only one would
    // churn connections whenever a signed-in request (resolved on a writable store, then
    // routed to a read-only one) meets a full pool.
    if (&idle == &idle_ && !idle_writers_.empty()) {
      auto s = std::move(idle_writers_.back());
      idle_writers_.pop_back();
      return Lease(*this, std::move(s), &idle_writers_);
    }
    // At the limit with only connections of the other kind idle: close one to make room.
    if (settings_.pool_size > 0 && open_ >= settings_.pool_size) {
      Idle& other = &idle == &idle_ ? idle_writers_ : idle_;
      other.pop_back();
      --open_;
    }
    ++open_;  // counted before opening, so concurrent takers respect the limit
  }
  try {
    return Lease(*this, store::open_store(settings_.location, mode, settings_.pg), &idle);
  } catch (...) {
    std::lock_guard lock(mutex_);
    --open_;
    freed_.notify_one();
    throw;
  }
}

void StorePool::give_back(std::unique_ptr<store::Store> s, Idle* idle) {
  if (!s)
    return;
  std::lock_guard lock(mutex_);
  if (s->usable()) {
    idle->push_back(std::move(s));
  } else {
    // Its server went away, and the idle connections went with it: all are opened afresh.
    open_ -= 1 + static_cast<int>(idle_.size() + idle_writers_.size());
    idle_.clear();
    idle_writers_.clear();
    s.reset();
  }
  freed_.notify_all();
}

}  // namespace vakkaart::server
