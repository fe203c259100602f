#pragma once

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

#include "server/route_spec.h"

namespace vakkaart::server::transport {

/// The query parameters each cacheable route (Cache::by_content) reads, by its pattern; every
/// route also reads `lang` (the pipeline does). A response depends on its path and these
/// only, so they are all its cache key holds: "?utm_source=…" or a reordered query find the
/// same entry instead of adding one. A cacheable route missing here is never cached (and
/// fails the unit test that compares this table with the route table).
const std::map<std::string, std::vector<std::string>>& known_query_parameters();

/// Cache keys of GET requests, from the route table.
class CacheKeys {
 public:
  struct Key {
    std::string text;
    /// The request carried no parameter its route ignores. Only such a response may be kept:
    /// pages echo every parameter in their links (the language switch, search paging).
    bool exact = true;
  };

  explicit CacheKeys(const std::vector<RouteSpec>& routes);

  /// The key of a GET of `path` with `params`: the path, then the known parameters sorted by
  /// name (values of one name in the order given, since that order can matter, e.g. the
  /// items compared), percent-encoded so no two requests share a key unless they share those.
  /// nullopt when the route taking the path is not cacheable, no route takes it, or a
  /// parameter is not UTF-8 (the route answers that with a 400, which is never cached).
  std::optional<Key> key(const std::string& path, const httplib::Params& params) const;

  /// Patterns of cacheable routes known_query_parameters() does not list.
  std::vector<std::string> undeclared() const;

 private:
  struct Route {
    std::regex pattern;
    std::string source;
    // The pattern's literal start (and whether that is all of it): most paths are told apart
    // by a string comparison, the regex runs only on the few that share it.
    std::string literal;
    bool only_literal;
    const std::vector<std::string>* known;  // null: not cached
    bool cacheable;
  };
  std::vector<Route> routes_;  // every GET route, in order: the first match takes a path
};

}  // namespace vakkaart::server::transport
