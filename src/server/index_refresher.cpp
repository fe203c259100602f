#include "server/index_refresher.h"

#include <chrono>

#include "core/error.h"
#include "search/search_service.h"

namespace vakkaart::server {

namespace {

/// How often the change feed is looked at: an import through another server is searchable
/// here within this plus the rebuild.
constexpr auto kPoll = std::chrono::milliseconds(250);
/// After a failure (the database is away) the next try waits longer.
constexpr auto kRetry = std::chrono::seconds(2);

}  // namespace

IndexRefresher::IndexRefresher(StorePool& pool, store::ChangeFeed& changes)
    : pool_(pool), changes_(changes) {
  thread_ = std::thread([this] { run(); });
}

IndexRefresher::~IndexRefresher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void IndexRefresher::run() {
  std::string seen;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto wait = kPoll;
    const std::string now = changes_.generation();
    if (now != seen) {
      lock.unlock();
      try {
        auto store = pool_.borrow();
        search::open_fresh_index(*store, pool_.search_index());
        seen = now;
      } catch (const std::exception&) {
        // The database is away or the rebuild was stopped: the next round tries again, and a
        // search meanwhile rebuilds for itself.
        wait = std::chrono::duration_cast<std::chrono::milliseconds>(kRetry);
      }
      lock.lock();
    }
    wake_.wait_for(lock, wait, [this] { return stopping_; });
  }
}

}  // namespace vakkaart::server
