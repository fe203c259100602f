#include "search/search_service.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "core/error.h"

namespace vakkaart::search {
namespace {

std::mutex& rebuild_mutex() {
  static std::mutex m;
  return m;
}

/// Analyzers by index and version: building one reads the index's whole vocabulary.
std::shared_ptr<const text::Analyzer> shared_analyzer(const std::string& index_dir,
                                                      const std::string& version,
                                                      const Searcher& searcher) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const text::Analyzer>> analyzers;
  const std::string key = index_dir + '\x1f' + version;
  std::lock_guard lock(mutex);
  if (auto it = analyzers.find(key); it != analyzers.end())
    return it->second;
  if (analyzers.size() > 8)
    analyzers.clear();
  auto analyzer = analyzer_for_corpus(searcher.vocabulary());
  analyzers.emplace(key, analyzer);
  return analyzer;
}

std::unique_ptr<Searcher> try_open(const std::string& index_dir, const std::string& version) {
  if (!std::filesystem::exists(index_dir))
    return nullptr;
  try {
    auto probe = std::make_unique<Searcher>(index_dir, nullptr);
    if (probe->format() != kIndexFormat || probe->content_version() != version)
      return nullptr;
    return probe;
  } catch (const Error&) {
    return nullptr;  // unreadable: rebuilt below
  }
}

}  // namespace

std::string index_dir_for(const std::string& location) {
  if (!store::is_pg_url(location))
    return store::sqlite_path(location) + ".search";
  // A database server's index lives with this machine's caches: it is derived data, rebuilt
  // from the store, and servers on one machine may share it (rebuilds swap it in atomically).
  std::string name;
  for (char c : store::display_location(location)) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
    name += plain ? c : '_';
  }
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::filesystem::path base = xdg && *xdg     ? std::filesystem::path(xdg)
                               : home && *home ? std::filesystem::path(home) / ".cache"
                                               : std::filesystem::temp_directory_path();
  std::error_code ec;
  std::filesystem::create_directories(base / "vakkaart", ec);
  return (base / "vakkaart" / (name + ".search")).string();
}

bool index_is_fresh(store::Store& store, const std::string& index_dir) {
  return try_open(index_dir, store.content_version()) != nullptr;
}

std::unique_ptr<Searcher> open_fresh_index(store::Store& store, const std::string& index_dir,
                                           const IndexProgress& progress) {
  const std::string version = store.content_version();
  auto probe = try_open(index_dir, version);
  if (!probe) {
    std::lock_guard lock(rebuild_mutex());
    probe = try_open(index_dir, version);  // another thread may have rebuilt it meanwhile
    if (!probe) {
      rebuild_index(store, index_dir, progress);
      probe = try_open(index_dir, version);
      if (!probe) {
        throw Error(ErrorCode::internal, "the rebuilt search index does not open",
                    {index_dir, 0, ""});
      }
    }
  }
  auto analyzer = shared_analyzer(index_dir, version, *probe);
  return std::make_unique<Searcher>(index_dir, std::move(analyzer));
}

}  // namespace vakkaart::search
