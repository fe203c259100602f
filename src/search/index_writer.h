#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "search/indexed_statement.h"
#include "text/analyzer.h"
#include "text/corpus_analyzer.h"

namespace vakkaart::search {

/// Bumped whenever the terms an index holds change meaning: an index of another format is
/// stale and gets rebuilt. (12: a third-person verb made with a separable prefix stems as its
/// infinitive, "uitbouwt" as "uitbouwen".)
inline constexpr const char* kIndexFormat = "vakkaart-search-12";

/// Longer terms are not indexed (Xapian's limit is 245 bytes).
inline constexpr std::size_t kMaxIndexedTermBytes = 200;

/// Prefix of word terms (the folded word as written, for prefix* queries).
inline constexpr const char* kWordPrefix = "W";

/// Prefix of context terms (words of the titles a statement lives under).
inline constexpr const char* kContextPrefix = "C";

/// Writes a new Xapian index into a directory of its own: `shards` Xapian databases built in
/// parallel (one thread each), merged into one compacted database behind a stub file, so that
/// Xapian::Database(dir) opens it. Statements are added one by one with constant memory apart from
/// Xapian's flush buffers; finish() commits and records the content version of the store it was
/// built from.
class IndexWriter {
 public:
  IndexWriter(const std::string& dir, std::shared_ptr<const text::Analyzer> analyzer,
              unsigned shards = 0);  // 0: one per core, at most 4
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  void add(IndexedStatement statement);
  void finish(const std::string& content_version);

 private:
  void merge_shards();

  struct Shard;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::shared_ptr<const text::Analyzer> analyzer_;
  std::size_t next_ = 0;
  bool finished_ = false;
  std::string dir_;
};

using IndexProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Builds the index for a store's statements into `dir`, replacing what is there only once the
/// new index is complete (readers never see half an index). The new index grows in
/// "<dir>.new-<pid>", removed again if the rebuild fails; folders that a killed process left
/// behind are removed first (remove_abandoned_index_dirs).
void rebuild_index(store::Store& store, const std::string& dir, const IndexProgress& progress = {});

/// Removes "<dir>.new-<pid>" and "<dir>.old-<pid>" folders whose process is gone (killed during
/// a rebuild). Folders of a live process (another server on the same database) stay.
void remove_abandoned_index_dirs(const std::string& dir);

/// Asks every index rebuild in this process to stop soon (at shutdown): each throws
/// Error(io_error) at its next statement and removes its unfinished folder. Async-signal-safe.
void request_index_stop();

/// The analyzer an index was built with (moved to text/, where analysis finds it too).
using text::analyzer_for_corpus;

}  // namespace vakkaart::search
