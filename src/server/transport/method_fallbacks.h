#pragma once

#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

#include "server/route_spec.h"

namespace vakkaart::server::transport {

/// The methods each path takes, from the route table: what OPTIONS and a 405 answer in their
/// Allow header.
class MethodTable {
 public:
  explicit MethodTable(const std::vector<RouteSpec>& routes);

  /// "GET, HEAD, OPTIONS" for a path its routes take by GET; "" for a path no route takes.
  /// HEAD comes with GET (the library answers it from the GET route), OPTIONS with any.
  std::string allow(const std::string& path) const;

 private:
  std::vector<std::pair<std::regex, Method>> routes_;
};

/// Registers, after every route, the answers for what no route took: OPTIONS on a known path
/// is 204 with Allow, any other method on a known path 405 with Allow, anything on an unknown
/// path 404 as before. Also refuses (405 or 404, before routing) methods the library does
/// not route at all (TRACE, CONNECT, made-up ones), which it would answer 400. `table` must
/// outlive `http`.
void install_method_fallbacks(httplib::Server& http, const MethodTable& table);

/// What to answer, before routing, to a request whose method the library does not route
/// (anything but GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS): true when `res` holds the
/// answer.
bool answer_unrouted_method(const MethodTable& table, const httplib::Request& req,
                            httplib::Response& res);

}  // namespace vakkaart::server::transport
