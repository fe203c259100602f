#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace vakkaart::server {

/// Whole GET responses (API JSON and pages) by request target, valid for one generation of the
/// database. Everything the server answers to a GET depends only on the stored content, so a
/// response can be served again until the database changes; this spares the SQLite reads, the
/// JSON building and the template rendering that dominate a request's cost.
class ResponseCache {
 public:
  struct Entry {
    std::string content_type;
    std::string content_language;
    std::string body;
  };

  /// `max_bytes`: when the bodies held grow past it the cache starts over, so memory stays
  /// bounded whatever URLs (e.g. search queries) clients invent.
  ResponseCache(std::string db_path, std::size_t max_bytes)
      : db_path_(std::move(db_path)), max_bytes_(max_bytes) {}

  /// Called first for every request: notes the database generation the request sees (per
  /// thread) and returns the response cached for `target` in that generation, if any.
  std::shared_ptr<const Entry> lookup(const std::string& target);
  /// Keeps the response of the current request under the generation its lookup() noted, so
  /// a write that lands while a response is being built can never be served as current.
  void store(const std::string& target, Entry entry);

 private:
  std::string db_path_;
  std::size_t max_bytes_;
  std::mutex mutex_;
  std::string generation_;
  std::size_t bytes_ = 0;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
};

/// A token that changes whenever the SQLite database at `db_path` may have changed: the size
/// and modification time (ns) of the database file and of its write-ahead log. Every commit in
/// WAL mode appends to the log (changing both), and a checkpoint rewrites the main file; a
/// spurious change only costs a cache refill. Costs two stat() calls, no lock.
std::string database_generation(const std::string& db_path);

}  // namespace vakkaart::server
