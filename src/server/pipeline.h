#pragma once

#include <exception>
#include <functional>
#include <string>
#include <vector>

#include <httplib.h>

#include "auth/account_service.h"
#include "auth/identity.h"
#include "server/route_spec.h"
#include "server/site.h"
#include "server/store_pool.h"

namespace vakkaart::server {

// The request pipeline: every route of the server is declared once in a RouteTable and every
// request to it goes through the same steps, in this order:
//   1. the request's text is checked at the edge (path captures, query and form parameters,
//      multipart names are valid UTF-8), so no handler sees bytes it cannot print;
//   2. who is asking (identify) and whether they may (authorize, from the route's Access); a
//      cookie-authenticated write must come from this site with its CSRF token, and an API
//      write must be JSON (request_auth.h);
//   3. a store is borrowed from the pool as the route's Effect says (read-only or writable);
//   4. the handler runs with one Context;
//   5. a cacheable response is kept, a no-store one marked;
//   and whatever a step throws becomes a response in one place (respond_to_error): a JSON
//   problem for API routes, an HTML error page for pages. Handlers never catch errors.

/// What a handler gets: the request and its response, the pool, the site (configuration, rate
/// limits), the store borrowed for it, the caller, and the page language.
struct Context {
  const httplib::Request& req;
  httplib::Response& res;
  StorePool& pool;
  const RouteSpec& route;
  Site& site;
  auth::Identity caller;
  /// "nl" (default) or "en": the language of the interface's words (server/request_lang.h).
  std::string lang;
  /// "nl", "en" or "fr": the reader's language, which framework labels are shown in where one
  /// exists (model::shown_text); `lang` is its interface language.
  std::string label_lang;
  /// The store borrowed for this request (null for Effect::none routes).
  store::Store* borrowed = nullptr;

  /// The borrowed store; Error(internal) on a route that declared Effect::none.
  store::Store& store() const;
  /// Path parameter `i` (1-based capture group of the route's pattern).
  std::string capture(std::size_t i) const { return req.matches[i].str(); }
  /// The caller as the audit log names them: email (or "anonymous") and client address.
  auth::Actor actor() const;
  /// Whose functions the caller sees: their organisation's; every organisation's for a site
  /// admin (nullopt).
  std::optional<std::string> function_scope() const;
  /// The organisation new functions of the caller belong to (nullopt: the demo organisation,
  /// for a site admin who belongs to none).
  std::optional<std::string> creation_scope() const;
  /// The account service on the borrowed store.
  auth::AccountService accounts() const {
    return auth::AccountService(store(), site.session_policy());
  }
  /// Appends an audit entry for a change this request made, in the caller's organisation.
  void audit(const std::string& action, const std::string& object,
             const std::string& detail = "") const;
  /// The same in the log of `org`, the organisation whose data changed: a site admin's change
  /// to another organisation's function belongs in that organisation's log, not the admin's.
  void audit_in(const std::string& org, const std::string& action, const std::string& object,
                const std::string& detail = "") const;
};

/// A route's handler. It writes the response into ctx.res and throws on any failure.
using Handler = std::function<void(Context&)>;

/// A declared route.
struct Route {
  RouteSpec spec;
  Handler handler;
};

/// Every route of the server, in registration order (httplib tries them in that order).
class RouteTable {
 public:
  /// Declares a route. Throws Error(internal) when it declares no access rule, or when the
  /// same method and pattern are declared twice.
  void route(RouteSpec spec, Handler handler);
  /// The declarations, for listing and tests.
  std::vector<RouteSpec> specs() const;
  /// Registers every route with httplib, each wrapped in the pipeline; also sets httplib's
  /// exception and error handlers as the last resort, answering through respond_to_error.
  void install(httplib::Server& http, StorePool& pool, Site& site) const;

 private:
  std::vector<Route> routes_;
};

/// Whether a request the table did not route (an unknown path, a malformed request) is
/// answered as API or page: under /api/ it is API; with no path at all, as its Accept asks.
Kind kind_of_unrouted(const httplib::Request& req);

/// The one place an exception becomes a response: an Error with its status, code and field;
/// anything else is a bug, 500 "internal". API routes get a problem+json body, pages an HTML
/// error page. Never throws.
void respond_to_error(const httplib::Request& req, httplib::Response& res, Kind kind,
                      const std::exception_ptr& error);

}  // namespace vakkaart::server
