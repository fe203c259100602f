#pragma once

#include <string>
#include <string_view>

namespace vakkaart::server {

// What a route declares about itself, apart from its handler: everything the request pipeline
// (server/pipeline.h) does around a handler is decided from these fields, and the route table
// lists them so tests (and, with the next issue, an authorization matrix) can read every route.

/// The HTTP method a route answers.
enum class Method { get, post, put, patch, del };

/// What a route does to the store: nothing (static files), read (a read-only store is
/// borrowed) or write (a writable one is borrowed; writers serialise in SQLite's write lock).
enum class Effect { none, read, write };

/// Whether the response may be kept: `by_content` keeps GET 200 responses in the ResponseCache
/// until the database changes; `no_store` is never kept and says so (Cache-Control: no-store);
/// `own_headers` is never kept and the handler sets its own caching headers (static files).
enum class Cache { by_content, no_store, own_headers };

/// Who may call a route. Every route must declare one (`undeclared` is refused when the route
/// is registered); authorize() in request_auth.cpp enforces it, the one place, and the
/// authorization matrix test (tests/unit/server/authorization_matrix_test.cpp) checks every
/// route against every kind of caller.
enum class Access {
  undeclared,
  public_read,  // anyone, signed in or not (frameworks, qualifications, search, compare, analyse)
  signed_in,    // any signed-in user (their own account: password, tokens, sessions)
  org_read,     // a member of the function's organisation (reader and up)
  org_write,    // an editor (or curator, admin) of the function's organisation
  curator,      // decides crosswalks
  org_admin,    // manages the organisation's members
  site_admin,   // manages organisations
};

/// How errors are answered: a JSON problem (RFC 7807) or an HTML error page.
enum class Kind { api, page };

/// Which per-address rate limit a route counts against (SiteConfig: analyse_per_minute,
/// search_per_minute); 429 with Retry-After when it is spent. A response served from the
/// response cache costs nothing and counts nothing.
enum class RateLimit { none, analyse, search };

/// What an API write's body may be: JSON (every write), or also a function sheet (CSV or XLSX)
/// for the import that takes back what the export gives. Neither is a type a web page of another
/// site can post without a CORS preflight, so check_json_write's defence holds for both.
enum class Body { json, json_or_sheet };

/// A route's declaration.
struct RouteSpec {
  Method method = Method::get;
  /// An ECMAScript regex over the decoded path; each capture group is a path parameter.
  std::string pattern;
  Effect effect = Effect::read;
  Cache cache = Cache::no_store;
  Access access = Access::undeclared;
  Kind kind = Kind::api;
  RateLimit rate = RateLimit::none;
  Body body = Body::json;
};

/// "GET", "POST", …
std::string_view method_name(Method method);
/// "public_read", "org_write", …
std::string_view access_name(Access access);

}  // namespace vakkaart::server
