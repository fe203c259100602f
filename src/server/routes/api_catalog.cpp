#include <functional>

#include "catalog/export_service.h"
#include "core/error.h"
#include "formats/canonical_json.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

namespace {

using formats::Json;

Json level_json(const model::Level& l) {
  return {{"vks", l.vks ? Json(*l.vks) : Json(nullptr)},
          {"eqf", l.eqf ? Json(*l.eqf) : Json(nullptr)}};
}

}  // namespace

void register_catalog_routes(httplib::Server& http, StorePool& pool) {
  http.Get("/api/health", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             auto st = s.stats();
             send_json(res, {{"status", "ok"},
                             {"version", VAKKAART_VERSION},
                             {"frameworks", st.frameworks},
                             {"profiles", st.profiles},
                             {"qualifications", st.qualifications},
                             {"statements", st.statements}});
           }));

  http.Get("/api/frameworks", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             Json out = Json::array();
             for (const auto& f : s.list_frameworks())
               out.push_back({{"id", f.id},
                              {"title", f.title},
                              {"date", f.date},
                              {"profiles", f.profile_count},
                              {"clusters", f.cluster_count}});
             send_json(res, out);
           }));

  http.Get(R"(/api/frameworks/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             std::string id = req.matches[1];
             auto f = s.find_framework(id);
             if (!f)
               throw Error(ErrorCode::not_found, "no framework with id '" + id + "'");
             send_json(res, formats::framework_to_json(*f));
           }));

  http.Get("/api/profiles",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             std::string framework = req.get_param_value("framework");
             Json out = Json::array();
             for (const auto& p : s.list_profiles()) {
               if (!framework.empty() && p.framework_id != framework)
                 continue;
               out.push_back({{"id", p.id},
                              {"title", p.title},
                              {"framework", p.framework_id},
                              {"main_activities", p.main_activity_count},
                              {"activities", p.activity_count}});
             }
             send_json(res, out);
           }));

  http.Get(R"(/api/profiles/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             std::string id = req.matches[1];
             auto p = s.find_profile(id);
             if (!p)
               throw Error(ErrorCode::not_found, "no profile with id '" + id + "'");
             send_json(res, formats::profile_to_json(p->framework, p->profile));
           }));

  http.Get("/api/qualifications", with_store(pool, [](store::Store& s, const auto&, auto& res) {
             Json out = Json::array();
             for (const auto& q : s.list_qualifications())
               out.push_back({{"id", q.id},
                              {"code", q.code},
                              {"version", q.version},
                              {"current", q.current},
                              {"title", q.title},
                              {"level", level_json(q.level)},
                              {"competences", q.competence_count}});
             send_json(res, out);
           }));

  http.Get(R"(/api/qualifications/([^/]+))",
           with_store(pool, [](store::Store& s, const httplib::Request& req, auto& res) {
             std::string id = req.matches[1];
             auto q = s.find_qualification(id);
             if (!q)
               throw Error(ErrorCode::not_found, "no qualification with id '" + id + "'");
             Json body = formats::qualification_to_json(*q);
             // Other versions of the same code, for navigation; not part of the canonical shape.
             Json versions = Json::array();
             for (int v : s.qualification_versions(q->code))
               versions.push_back(v);
             body["versions"] = versions;
             send_json(res, body);
           }));
}

}  // namespace vakkaart::server
