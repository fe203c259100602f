#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <httplib.h>

#include "server/route_spec.h"
#include "server/transport/cache_key.h"
#include "store/change_feed.h"

namespace vakkaart::server {

/// Whole GET responses (API JSON and pages) of the cacheable routes, valid for one generation
/// of the database. Everything such a route answers depends only on the stored content, its
/// path and the query parameters it reads, so a response can be served again until the
/// database changes; this spares the SQLite reads, the JSON building and the template
/// rendering that dominate a request's cost.
///
/// - Key: the path and the route's known parameters, normalised (transport/cache_key.h), and
///   the RDF form an Accept header negotiates (transport/rdf_accept.h): a framework's URL
///   answers JSON, JSON-LD or Turtle by it. Kept with `Vary: Accept`, served with it too.
///   A page whose URL names no `lang` is keyed by the reader's language its headers give
///   (server/request_lang.h: cookie, Accept-Language); it says `Vary: Accept-Language, Cookie`.
/// - Size: bounded by bytes; the least recently used entries make room.
/// - Writes: any change of the database (a commit by this server or by the CLI in another
///   process) may change any response, and which rows it touched cannot be seen from here, so
///   entries of an older generation are dropped as soon as a request sees a newer one, and
///   never served.
/// - Callers: a request that carries an Authorization header or the session cookie is never
///   answered from the cache nor kept in it (its page may show who is signed in), and neither
///   is a response that sets a cookie.
class ResponseCache {
 public:
  struct Entry {
    std::string content_type;
    std::string content_language;
    std::string body;
    /// "Accept" on the URLs that negotiate SKOS (server/skos_responses.h), else "".
    std::string vary;
  };

  /// `routes`: the route table (which routes are cacheable, which parameters they read).
  /// `changes`: the database's change feed (outlives the cache).
  ResponseCache(store::ChangeFeed& changes, std::size_t max_bytes,
                const std::vector<RouteSpec>& routes);

  /// Called first for every request: notes the database generation the request sees (per
  /// thread) and returns the response kept for it in that generation, if any.
  std::shared_ptr<const Entry> lookup(const httplib::Request& req);
  /// Keeps `res` as the response to `req` when both allow it (GET, 200, a cacheable route, no
  /// caller credentials, no Set-Cookie), under the generation its lookup() noted, so a write
  /// that lands while a response is being built can never be served as current.
  void store(const httplib::Request& req, const httplib::Response& res);
  /// The form the pipeline calls today, with the request known by its target: keeps `entry`
  /// under what this thread's lookup() noted for that target (the same checks, made then).
  void store(const std::string& target, Entry entry);

  /// Bytes held (bodies, keys and bookkeeping), for tests and diagnostics.
  std::size_t bytes() const;
  std::size_t size() const;

 private:
  struct Slot {
    std::string key;
    std::string generation;
    std::shared_ptr<const Entry> entry;
    std::size_t bytes = 0;
  };
  using Order = std::list<Slot>;  // most recently used first

  void keep(const std::string& key, const std::string& generation, Entry entry);
  void drop_older_generations(const std::string& generation);

  store::ChangeFeed& changes_;
  std::size_t max_bytes_;
  transport::CacheKeys keys_;
  mutable std::mutex mutex_;
  std::string generation_;  // the newest a lookup saw
  std::size_t bytes_ = 0;
  Order order_;
  std::unordered_map<std::string, Order::iterator> index_;
};

/// Whether a request carries credentials: an Authorization header or the session cookie
/// (kSessionCookie in server/site_config.h). Such a request is answered for its caller alone.
bool carries_credentials(const httplib::Request& req);

}  // namespace vakkaart::server
