#include "server/pipeline.h"

#include "core/error.h"
#include "server/request_input.h"
#include "server/responses.h"
#include "server/views/page.h"
#include "server/web/ui_texts.h"

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

Caller identify(const httplib::Request&) {
  return {};  // issue 14: a session cookie or a Bearer token names the user here
}

void authorize(const RouteSpec&, const Caller&) {
  // Every route is open to everyone today, as it was before routes declared their rule.
  // Issue 14 checks `route.access` against the caller's roles here: 401 for an anonymous
  // caller of anything but public_read, 403 without the role, 404 for another organisation's
  // function (in the handler, which knows the function).
}

namespace {

// Cacheable GET 200 responses are kept (before httplib compresses them), under the database
// generation the request's cache lookup noted.
void finish_caching(const RouteSpec& spec, StorePool& pool, const httplib::Request& req,
                    httplib::Response& res) {
  switch (spec.cache) {
    case Cache::by_content:
      if (pool.responses() && req.method == "GET" && res.status == 200)
        pool.responses()->store(req.target, {res.get_header_value("Content-Type"),
                                             res.get_header_value("Content-Language"), res.body});
      break;
    case Cache::no_store:
      res.set_header("Cache-Control", "no-store");
      break;
    case Cache::own_headers:
      break;
  }
}

void run_route(const Route& route, StorePool& pool, const httplib::Request& req,
               httplib::Response& res) {
  try {
    check_request_text(req);
    Context ctx{req,        res,           pool,
                route.spec, identify(req), web::supported_lang(req.get_param_value("lang"))};
    authorize(route.spec, ctx.caller);
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
  finish_caching(route.spec, pool, req, res);
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
  return req.path.rfind("/api/", 0) == 0 || req.path == "/api" ? Kind::api : Kind::page;
}

void respond_to_error(const httplib::Request& req, httplib::Response& res, Kind kind,
                      const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const Error& e) {
    send_error_response(req, res, kind, e.http_status(), e.code_name(), e.message(),
                        e.where().field);
  } catch (const std::exception& e) {
    // Not an Error: a bug (an exception of a library no handler expected), so a 500 that
    // shows, never a 4xx that hides it. Client input is read through request_input.h, which
    // turns what a client got wrong into Error.
    send_error_response(req, res, kind, 500, "internal", e.what(), "");
  } catch (...) {
    send_error_response(req, res, kind, 500, "internal", "unknown error", "");
  }
}

void RouteTable::install(httplib::Server& http, StorePool& pool) const {
  for (const auto& route : routes_) {
    auto run = [&route, &pool](const httplib::Request& req, httplib::Response& res) {
      run_route(route, pool, req, res);
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
    const std::string detail = missing ? "no route for " + req.method + " " + req.path
                                       : std::string(status_title(res.status));
    send_error_response(req, res, kind_of_unrouted(req), res.status,
                        missing ? "not_found" : "http_error", detail, "");
  });
}

}  // namespace vakkaart::server
