#include "server/api_data.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void register_catalog_routes(httplib::Server& http, StorePool& pool) {
  http.Get("/api/health", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             send_json(res, health_json(s));
           }));
  http.Get("/api/frameworks", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             send_json(res, frameworks_json(s));
           }));
  http.Get(R"(/api/frameworks/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             send_json(res, framework_json(s, req.matches[1]));
           }));
  http.Get("/api/profiles",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             send_json(res, profiles_json(s, req.get_param_value("framework")));
           }));
  http.Get(R"(/api/profiles/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             send_json(res, profile_data(s, req.matches[1]).json);
           }));
  http.Get("/api/qualifications", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             send_json(res, qualifications_json(s));
           }));
  http.Get(R"(/api/qualifications/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             send_json(res, qualification_json(s, req.matches[1]));
           }));
}

}  // namespace vakkaart::server
