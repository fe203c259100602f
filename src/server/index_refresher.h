#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "server/store_pool.h"
#include "store/change_feed.h"

namespace vakkaart::server {

/// Keeps this server's search index (derived data) in step with the store: once at start (a
/// server started on an existing database builds it from the store before anyone searches) and
/// whenever the change feed says the database changed, whoever changed it (another server, the
/// CLI). A search in between rebuilds on its own if it finds the index stale, so this only
/// takes the wait off the first searcher.
class IndexRefresher {
 public:
  IndexRefresher(StorePool& pool, store::ChangeFeed& changes);
  ~IndexRefresher();
  IndexRefresher(const IndexRefresher&) = delete;
  IndexRefresher& operator=(const IndexRefresher&) = delete;

 private:
  void run();

  StorePool& pool_;
  store::ChangeFeed& changes_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vakkaart::server
