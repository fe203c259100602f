#include "search/search_service.h"

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

std::string index_dir_for(const std::string& db_path) {
  return db_path + ".search";
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
