#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vakkaart::search {

/// One part of a query as the user typed it.
struct QueryItem {
  enum class Kind { words, phrase, prefix };
  enum class Mode { optional, required, excluded };
  Kind kind = Kind::words;
  Mode mode = Mode::optional;
  std::string text;  // words, phrase contents, or the prefix without its "*"
};

struct ParsedQuery {
  std::vector<QueryItem> items;
  /// (facet, value) with facet one of framework, profile, layer, cluster, bk, level, kind.
  std::vector<std::pair<std::string, std::string>> filters;
  std::vector<std::string> notes;  // what was repaired: an unbalanced quote, a cut query
};

inline constexpr std::size_t kMaxQueryBytes = 1000;
/// Letters a prefix ("begeleid*") needs at least; shorter ones are refused with a hint.
inline constexpr std::size_t kMinPrefixLetters = 3;
inline constexpr std::size_t kMaxQueryItems = 32;

/// Parses the search box syntax: words, "phrases", prefix*, AND / OR / NOT (also EN / OF /
/// NIET), -word and +word, and filters key:value with key profiel|profile, cluster, bk,
/// niveau|level, kind|soort, framework|structuur, layer|ring|schil. Lenient where a user can be
/// understood (an unclosed quote runs to the end, a long query is cut, both noted); an unknown
/// filter key throws Error(invalid_argument) naming the known ones.
ParsedQuery parse_query(std::string_view query);

/// The canonical facet of a filter key ("profiel" -> "profile"); empty if unknown.
std::string canonical_facet(std::string_view key);

}  // namespace vakkaart::search
