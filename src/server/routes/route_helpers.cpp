#include "server/routes/route_helpers.h"

#include "core/error.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void send_json(httplib::Response& res, const formats::Json& body) {
  send_json_text(res, body.dump());
}

void send_json_text(httplib::Response& res, const std::string& body) {
  res.status = 200;
  res.set_content(body, "application/json; charset=utf-8");
}

httplib::Server::Handler with_store(
    StorePool& pool,
    const std::function<void(store::Store&, const httplib::Request&, httplib::Response&)>& body) {
  return [&pool, body](const httplib::Request& req, httplib::Response& res) {
    try {
      auto lease = pool.borrow();
      body(*lease, req, res);
    } catch (const Error& e) {
      send_problem(res, e.http_status(), e.code_name(), e.message());
    }
  };
}

}  // namespace vakkaart::server
