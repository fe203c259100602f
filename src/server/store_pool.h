#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/response_cache.h"
#include "store/store.h"

namespace vakkaart::server {

/// SQLite connections are single-threaded; request threads borrow one each from here.
class StorePool {
 public:
  /// `responses`: where handlers keep what they answered (may be null: nothing is kept).
  explicit StorePool(std::string db_path, ResponseCache* responses = nullptr)
      : db_path_(std::move(db_path)), responses_(responses) {}

  /// A borrowed store, returned to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::Store> s) : pool_(pool), store_(std::move(s)) {}
    ~Lease() { pool_.give_back(std::move(store_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<store::Store> store_;
  };

  Lease borrow() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto s = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(s));
      }
    }
    return Lease(*this, store::open_sqlite_store(db_path_, store::OpenMode::read_only));
  }

  const std::string& db_path() const { return db_path_; }
  /// The server's response cache; handlers share it with the store because both are what a
  /// request needs from the server besides its own input.
  ResponseCache* responses() { return responses_; }

 private:
  void give_back(std::unique_ptr<store::Store> s) {
    if (!s)
      return;
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(s));
  }

  std::string db_path_;
  ResponseCache* responses_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace vakkaart::server
