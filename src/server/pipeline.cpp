#include "server/pipeline.h"

#include "auth/clock.h"
#include "core/error.h"
#include "server/request_auth.h"
#include "server/request_input.h"
#include "server/request_lang.h"
#include "server/responses.h"
#include "server/views/page.h"
#include "server/web/ui_texts.h"
#include "server/web/url_path.h"

namespace vakkaart::server {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::get:
      return "GET";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::del:
      return "DELETE";
  }
  return "GET";
}

std::string_view access_name(Access access) {
  switch (access) {
    case Access::undeclared:
      return "undeclared";
    case Access::public_read:
      return "public_read";
    case Access::signed_in:
      return "signed_in";
    case Access::org_read:
      return "org_read";
    case Access::org_write:
      return "org_write";
    case Access::curator:
      return "curator";
    case Access::org_admin:
      return "org_admin";
    case Access::site_admin:
      return "site_admin";
  }
  return "undeclared";
}

store::Store& Context::store() const {
  if (!borrowed)
    throw Error(ErrorCode::internal, "route " + route.pattern + " borrows no store (Effect::none)");
  return *borrowed;
}

void RouteTable::route(RouteSpec spec, Handler handler) {
  const std::string name = std::string(method_name(spec.method)) + " " + spec.pattern;
  if (spec.access == Access::undeclared)
    throw Error(ErrorCode::internal, "route " + name + " declares no access rule");
  if (spec.pattern.empty() || !handler)
    throw Error(ErrorCode::internal, "route " + name + " has no pattern or no handler");
  for (const auto& r : routes_)
    if (r.spec.method == spec.method && r.spec.pattern == spec.pattern)
      throw Error(ErrorCode::internal, "route " + name + " is declared twice");
  routes_.push_back({std::move(spec), std::move(handler)});
}

std::vector<RouteSpec> RouteTable::specs() const {
  std::vector<RouteSpec> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_)
    out.push_back(r.spec);
  return out;
}

auth::Actor Context::actor() const {
  return {caller.signed_in() ? caller.actor() : "anonymous", client_address(req, site.config)};
}

std::optional<std::string> Context::function_scope() const {
  if (caller.site_admin())
    return std::nullopt;
  return caller.org_slug;
}

std::optional<std::string> Context::creation_scope() const {
  if (caller.org_slug.empty())
    return std::nullopt;
  return caller.org_slug;
}

void Context::audit(const std::string& action, const std::string& object,
                    const std::string& detail) const {
  audit_in(caller.org_slug, action, object, detail);
}

void Context::audit_in(const std::string& org, const std::string& action, const std::string& object,
                       const std::string& detail) const {
  store().accounts().append_audit(
      {0, auth::iso_now(), actor().email, org, action, object, detail, actor().client});
}

namespace {

// Cacheable GET 200 responses are kept (before httplib compresses them), under the database
// generation the request's cache lookup noted. Only anonymous ones: a signed-in user's page
// shows who they are.
void finish_caching(const RouteSpec& spec, StorePool& pool, const httplib::Request& req,
                    httplib::Response& res, bool anonymous) {
  switch (spec.cache) {
    case Cache::by_content:
      // store() checks GET, 200, credentials (a signed-in user's page names them), Set-Cookie
      // and the key of the route's known parameters.
      if (anonymous && pool.responses())
        pool.responses()->store(req, res);
      break;
    case Cache::no_store:
      res.set_header("Cache-Control", "no-store");
      break;
    case Cache::own_headers:
      break;
  }
}

void count_rate(const RouteSpec& spec, const httplib::Request& req, Site& site) {
  switch (spec.rate) {
    case RateLimit::none:
      return;
    case RateLimit::analyse:
      take_rate(site.analyse, client_address(req, site.config), "analyses");
      return;
    case RateLimit::search:
      take_rate(site.search, client_address(req, site.config), "searches");
      return;
  }
}

/// An anonymous visitor asking for a page that needs an account is sent to sign in, and back.
void send_to_sign_in(const httplib::Request& req, httplib::Response& res) {
  res.set_redirect(httplib::append_query_params("/sign-in", {{"next", req.target}}), 303);
}

void run_route(const Route& route, StorePool& pool, Site& site, const httplib::Request& req,
               httplib::Response& res) {
  bool anonymous = true;
  try {
    check_request_text(req);
    const std::string reader = reader_lang(req);
    Context ctx{
        req,   res, pool, route.spec, site, identify(req, pool, site), web::supported_lang(reader),
        reader};
    anonymous = !ctx.caller.signed_in();
    if (anonymous && route.spec.kind == Kind::page && route.spec.method == Method::get &&
        route.spec.access != Access::public_read) {
      send_to_sign_in(req, res);
      return;
    }
    if (route.spec.kind == Kind::page && route.spec.method == Method::get)
      remember_lang(req, res);
    authorize(route.spec, ctx.caller);
    count_rate(route.spec, req, site);
    check_cookie_write(req, ctx.caller, site.config);
    check_json_write(req, route.spec);
    if (route.spec.effect == Effect::none) {
      route.handler(ctx);
    } else {
      auto lease = route.spec.effect == Effect::write ? pool.borrow_writable() : pool.borrow();
      ctx.borrowed = &*lease;
      route.handler(ctx);
    }
  } catch (...) {
    respond_to_error(req, res, route.spec.kind, std::current_exception());
  }
  finish_caching(route.spec, pool, req, res, anonymous);
}

// The response for an error, whatever raised it; never throws (a failure to render the page
// or problem falls back to plain text).
void send_error_response(const httplib::Request& req, httplib::Response& res, Kind kind, int status,
                         const std::string& code, const std::string& detail,
                         const std::string& field) {
  const std::string text = printable_utf8(detail);
  try {
    // Headers a handler set before it failed (Location, Content-Disposition) do not belong
    // to the error.
    res.headers.clear();
    if (kind == Kind::api)
      send_problem(res, status, code, text, printable_utf8(field));
    else
      send_error_page(req, res, status, text);
  } catch (...) {
    res.status = status;
    res.set_content(std::string(status_title(status)) + ": " + text + "\n",
                    "text/plain; charset=utf-8");
  }
}

}  // namespace

Kind kind_of_unrouted(const httplib::Request& req) {
  if (req.path.empty())  // a request too long or malformed to parse: ask what the client reads
    return req.get_header_value("Accept").find("text/html") == std::string::npos ? Kind::api
                                                                                 : Kind::page;
  // The CASE REST API is JSON too, under the path its specification fixes.
  bool api =
      req.path.rfind("/api/", 0) == 0 || req.path == "/api" || req.path.rfind("/ims/case/", 0) == 0;
  return api ? Kind::api : Kind::page;
}

void respond_to_error(const httplib::Request& req, httplib::Response& res, Kind kind,
                      const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const RateLimited& e) {
    send_error_response(req, res, kind, e.http_status(), e.code_name(), e.message(),
                        e.where().field);
    res.set_header("Retry-After", std::to_string(e.retry_after()));
  } catch (const Error& e) {
    send_error_response(req, res, kind, e.http_status(), e.code_name(), e.message(),
                        e.where().field);
    if (e.code() == ErrorCode::unauthenticated && kind == Kind::api)
      res.set_header("WWW-Authenticate", "Bearer realm=\"vakkaart\"");
    if (e.code() == ErrorCode::unavailable)  // the database restarts or is busy: soon again
      res.set_header("Retry-After", "2");
  } catch (const std::exception& e) {
    // Not an Error: a bug (an exception of a library no handler expected), so a 500 that
    // shows, never a 4xx that hides it. Client input is read through request_input.h, which
    // turns what a client got wrong into Error.
    send_error_response(req, res, kind, 500, "internal", e.what(), "");
  } catch (...) {
    send_error_response(req, res, kind, 500, "internal", "unknown error", "");
  }
}

void RouteTable::install(httplib::Server& http, StorePool& pool, Site& site) const {
  for (const auto& route : routes_) {
    auto run = [&route, &pool, &site](const httplib::Request& req, httplib::Response& res) {
      run_route(route, pool, site, req, res);
    };
    switch (route.spec.method) {
      case Method::get:
        http.Get(route.spec.pattern, run);
        break;
      case Method::post:
        http.Post(route.spec.pattern, run);
        break;
      case Method::put:
        http.Put(route.spec.pattern, run);
        break;
      case Method::patch:
        http.Patch(route.spec.pattern, run);
        break;
      case Method::del:
        http.Delete(route.spec.pattern, run);
        break;
    }
  }
  // The last resort, for exceptions outside any route (the cache step before routing).
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, const std::exception_ptr& ep) {
        respond_to_error(req, res, kind_of_unrouted(req), ep);
      });
  // Unmatched routes and errors httplib answers itself (413, 400 on a malformed request).
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty())
      return;
    const bool missing = res.status == 404;
    // The path as the client sent it may hold any byte: the problem names it encoded.
    const std::string detail =
        missing ? "no route for " + req.method + " " + web::path_in_link(req.path)
                : std::string(status_title(res.status));
    send_error_response(req, res, kind_of_unrouted(req), res.status,
                        missing ? "not_found" : "http_error", detail, "");
  });
}

}  // namespace vakkaart::server
