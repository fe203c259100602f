#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analysis/cluster_ranking.h"
#include "analysis/structure_index.h"
#include "compose/coverage.h"
#include "server/content_cache.h"
#include "server/response_cache.h"
#include "store/store.h"

namespace vakkaart::server {

/// How the server reaches its database.
struct StoreSettings {
  /// An SQLite path (or sqlite:PATH) or a PostgreSQL URL (store::open_store).
  std::string location;
  /// Connections open at once, borrowed ones included; 0: no limit. A request that finds
  /// every connection busy waits up to kPoolWait, then gets 503.
  int pool_size = 0;
  store::PgOptions pg;
  /// This server's search index folder: derived data, rebuilt from the store when stale.
  std::string search_index;
};

/// A store connection serves one thread at a time; request threads borrow one each from here.
/// A connection that turned out to be lost (PostgreSQL restarted) is closed instead of being
/// returned, and so are the idle ones, which were lost with it.
class StorePool {
 public:
  using Idle = std::vector<std::unique_ptr<store::Store>>;

  /// `responses`: where handlers keep what they answered (may be null: nothing is kept).
  explicit StorePool(StoreSettings settings, ResponseCache* responses = nullptr)
      : settings_(std::move(settings)), responses_(responses) {}

  /// A borrowed store, returned to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::Store> s, Idle* home)
        : pool_(pool), store_(std::move(s)), home_(home) {}
    ~Lease() { pool_.give_back(std::move(store_), home_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<store::Store> store_;
    Idle* home_;
  };

  /// A read-only store: most requests only read, and cannot then write by mistake.
  Lease borrow() { return take(idle_, store::OpenMode::read_only); }
  /// A store that may write (function profiles); writers serialise in the store's write lock.
  Lease borrow_writable() { return take(idle_writers_, store::OpenMode::read_write); }

  /// A writable store of its own, outside the pool, closed when the caller drops it: for work
  /// that runs its own transactions beside a borrowed store (crosswalk recomputation, called
  /// from read routes whose borrowed store is read-only).
  std::unique_ptr<store::Store> open_dedicated() {
    return store::open_store(settings_.location, store::OpenMode::read_write, settings_.pg);
  }
  /// A function that opens such a store, for library calls that take a store factory.
  std::function<std::unique_ptr<store::Store>()> dedicated_opener() {
    return [this] { return open_dedicated(); };
  }

  const std::string& location() const { return settings_.location; }
  const std::string& search_index() const { return settings_.search_index; }
  /// The server's response cache; handlers share it with the store because both are what a
  /// request needs from the server besides its own input.
  ResponseCache* responses() { return responses_; }
  /// The coverage index of this pool's database (function profiles).
  ContentCache<compose::CoverageIndex>& coverage() { return coverage_; }
  /// The structure as text analysis reads it (every statement analysed once).
  ContentCache<analysis::StructureIndex>& structure() { return structure_; }
  /// Every competence's clusters, best first (the crosswalk's cluster-first suggestions).
  ContentCache<analysis::ClusterRanking>& cluster_ranking() { return cluster_ranking_; }

 private:
  Lease take(Idle& idle, store::OpenMode mode);
  void give_back(std::unique_ptr<store::Store> s, Idle* idle);

  StoreSettings settings_;
  ResponseCache* responses_;
  ContentCache<compose::CoverageIndex> coverage_{
      [](store::Store& s) { return compose::CoverageIndex::build(s); }};
  ContentCache<analysis::StructureIndex> structure_{
      [](store::Store& s) { return analysis::StructureIndex::build(s); }};
  ContentCache<analysis::ClusterRanking> cluster_ranking_{
      [](store::Store& s) { return analysis::ClusterRanking::build(s); }};
  std::mutex mutex_;
  std::condition_variable freed_;
  int open_ = 0;  // connections in existence: idle and borrowed
  Idle idle_;
  Idle idle_writers_;
};

}  // namespace vakkaart::server
