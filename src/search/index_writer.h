#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>

#include "search/indexed_statement.h"
#include "text/analyzer.h"

namespace Xapian {
class WritableDatabase;
}

namespace vakkaart::search {

/// Bumped whenever the terms an index holds change meaning: an index of another format is
/// stale and gets rebuilt.
inline constexpr const char* kIndexFormat = "vakkaart-search-5";

/// Prefix of context terms (words of the titles a statement lives under).
inline constexpr const char* kContextPrefix = "C";

/// Writes a new Xapian index into a directory of its own. Statements are added one by one
/// (constant memory apart from Xapian's flush buffer); finish() commits and records the content
/// version of the store it was built from.
class IndexWriter {
 public:
  IndexWriter(const std::string& dir, std::shared_ptr<const text::Analyzer> analyzer);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  void add(const IndexedStatement& statement);
  void finish(const std::string& content_version);

 private:
  std::unique_ptr<Xapian::WritableDatabase> db_;
  std::shared_ptr<const text::Analyzer> analyzer_;
  std::unordered_set<std::string> spelled_;  // words already in the spelling table
};

using IndexProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Builds the index for a store's statements into `dir`, replacing what is there only once the
/// new index is complete (readers never see half an index).
void rebuild_index(store::Store& store, const std::string& dir, const IndexProgress& progress = {});

/// The analyzer an index was built with: the standard one plus the index's own vocabulary (its
/// spelling words), so that queries split compounds exactly as the statements were split.
std::shared_ptr<const text::Analyzer> analyzer_for_corpus(const std::vector<std::string>& texts);

}  // namespace vakkaart::search
