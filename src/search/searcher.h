#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/indexed_statement.h"
#include "text/analyzer.h"

namespace vakkaart::search {

struct SearchRequest {
  std::string query;
  std::size_t limit = 10;
  std::size_t offset = 0;
  /// Extra filters (facet or alias, value), as from --filter k=v or ?profile=…
  std::vector<std::pair<std::string, std::string>> filters;
  bool facets = false;  // count places over the best 1,000 matches
};

struct SearchHit {
  int64_t statement_id = 0;
  std::string text;
  double score = 0;
  std::vector<Place> places;
  /// The text, HTML-escaped, with matched words in <mark>…</mark>.
  std::string snippet;
  /// Byte ranges of the matched words in `text`.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

/// A query word that is English or French rather than Dutch (text::ForeignWords).
struct ForeignWord {
  std::string word;      // as typed
  std::string language;  // "en" or "fr"
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;  // Xapian's estimate; exact up to 200 matches (total_exact says)
  /// Whether `total` is the exact count (Xapian's bounds agree), so a page need not say "about".
  bool total_exact = true;
  std::vector<SearchHit> results;
  /// "bedoelde je …": the query with misspelt words replaced, when any were.
  std::optional<std::string> suggestion;
  std::vector<std::string> notes;
  /// Query words (or compound modifiers) that matched no statement at all: "jeugd" of
  /// "jeugdwerk" when only "werk" occurs. Excluded words are not listed.
  std::vector<std::string> unmatched;
  /// Query words that no statement holds and that are English or French, not Dutch: they are
  /// not bent into a Dutch spelling ("with" is no typo of "wint"), and a page says the data is
  /// Dutch.
  std::vector<ForeignWord> foreign_words;
  /// facet -> value -> count (profile, qualification, cluster, kind), when asked for.
  std::map<std::string, std::map<std::string, int>> facets;
};

/// Searches one Xapian index. Not thread-safe (a Xapian database is not); open one per thread
/// or per request, sharing the analyzer.
class Searcher {
 public:
  /// Opens an index built by IndexWriter; throws Error(not_found) when there is none.
  Searcher(const std::string& index_dir, std::shared_ptr<const text::Analyzer> analyzer);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  SearchResponse search(const SearchRequest& request);

  /// The content version of the store the index was built from, and its format.
  std::string content_version() const;
  std::string format() const;
  /// Every spelling word of the index (its vocabulary).
  std::vector<std::string> vocabulary() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// JSON of a response; indent -1 for compact (the API), 2 for people (the CLI).
std::string search_response_to_json(const SearchResponse& response, int indent = 2);

}  // namespace vakkaart::search
