#include "server/transport/method_fallbacks.h"

#include <array>

#include "server/transport/transport_errors.h"
#include "server/web/url_path.h"

namespace vakkaart::server::transport {

MethodTable::MethodTable(const std::vector<RouteSpec>& routes) {
  routes_.reserve(routes.size());
  // The same grammar and flags the library compiles route patterns with.
  for (const auto& r : routes)
    routes_.emplace_back(std::regex(r.pattern), r.method);
}

std::string MethodTable::allow(const std::string& path) const {
  std::array<bool, 5> takes{};
  bool any = false;
  for (const auto& [pattern, method] : routes_) {
    if (std::regex_match(path, pattern)) {
      takes[static_cast<std::size_t>(method)] = true;
      any = true;
    }
  }
  if (!any)
    return "";
  std::string out;
  const auto add = [&out](std::string_view name) {
    out += (out.empty() ? "" : ", ") + std::string(name);
  };
  for (Method m : {Method::get, Method::post, Method::put, Method::patch, Method::del}) {
    if (!takes[static_cast<std::size_t>(m)])
      continue;
    add(method_name(m));
    if (m == Method::get)
      add("HEAD");
  }
  add("OPTIONS");
  return out;
}

namespace {

// A known path: 405 with what it takes; unknown: a bare 404, which the server's error handler
// answers as it answers every unknown route.
void answer_other_method(const MethodTable& table, const httplib::Request& req,
                         httplib::Response& res) {
  const std::string allow = table.allow(req.path);
  if (allow.empty()) {
    res.status = 404;
    return;
  }
  send_transport_error(req, res, 405,
                       req.method + " is not a method of " + web::path_in_link(req.path));
  res.set_header("Allow", allow);
}

}  // namespace

void install_method_fallbacks(httplib::Server& http, const MethodTable& table) {
  const auto other = [&table](const httplib::Request& req, httplib::Response& res) {
    answer_other_method(table, req, res);
  };
  // Registered after the routes, so reached only when no route of the method took the path.
  const std::string anything = ".*";
  http.Get(anything, other);
  http.Post(anything, other);
  http.Put(anything, other);
  http.Patch(anything, other);
  http.Delete(anything, other);
  http.Options(anything, [&table](const httplib::Request& req, httplib::Response& res) {
    const std::string allow = table.allow(req.path);
    if (allow.empty()) {
      res.status = 404;
      return;
    }
    res.status = 204;
    res.set_header("Allow", allow);
  });
}

bool answer_unrouted_method(const MethodTable& table, const httplib::Request& req,
                            httplib::Response& res) {
  for (const char* routed : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    if (req.method == routed)
      return false;
  const std::string allow = table.allow(req.path);
  if (allow.empty()) {
    send_transport_error(req, res, 404,
                         "no route for " + req.method + " " + web::path_in_link(req.path));
    return true;
  }
  send_transport_error(req, res, 405,
                       req.method + " is not a method of " + web::path_in_link(req.path));
  res.set_header("Allow", allow);
  return true;
}

}  // namespace vakkaart::server::transport
