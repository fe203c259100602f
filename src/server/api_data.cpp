#include "server/api_data.h"

#include "core/error.h"
#include "search/search_service.h"

namespace vakkaart::server {

namespace {

using formats::Json;

Json level_json(const model::Level& l) {
  return {{"vks", l.vks ? Json(*l.vks) : Json(nullptr)},
          {"eqf", l.eqf ? Json(*l.eqf) : Json(nullptr)}};
}

}  // namespace

Json health_json(store::Store& store) {
  auto st = store.stats();
  return {{"status", "ok"},
          {"version", VAKKAART_VERSION},
          {"frameworks", st.frameworks},
          {"profiles", st.profiles},
          {"qualifications", st.qualifications},
          {"statements", st.statements}};
}

Json frameworks_json(store::Store& store) {
  Json out = Json::array();
  for (const auto& f : store.list_frameworks())
    out.push_back({{"id", f.id},
                   {"title", f.title},
                   {"date", f.date},
                   {"profiles", f.profile_count},
                   {"clusters", f.cluster_count}});
  return out;
}

Json framework_json(store::Store& store, const std::string& id) {
  auto f = store.find_framework(id);
  if (!f)
    throw Error(ErrorCode::not_found, "no framework with id '" + id + "'");
  return formats::framework_to_json(*f);
}

Json profiles_json(store::Store& store, const std::string& framework) {
  Json out = Json::array();
  for (const auto& p : store.list_profiles()) {
    if (!framework.empty() && p.framework_id != framework)
      continue;
    out.push_back({{"id", p.id},
                   {"title", p.title},
                   {"framework", p.framework_id},
                   {"main_activities", p.main_activity_count},
                   {"activities", p.activity_count}});
  }
  return out;
}

Json qualifications_json(store::Store& store) {
  Json out = Json::array();
  for (const auto& q : store.list_qualifications())
    out.push_back({{"id", q.id},
                   {"code", q.code},
                   {"version", q.version},
                   {"current", q.current},
                   {"title", q.title},
                   {"level", level_json(q.level)},
                   {"competences", q.competence_count}});
  return out;
}

ProfileData profile_data(store::Store& store, const std::string& id) {
  auto p = store.find_profile(id);
  if (!p)
    throw Error(ErrorCode::not_found, "no profile with id '" + id + "'");
  Json json = formats::profile_to_json(p->framework, p->profile);
  return {std::move(*p), std::move(json)};
}

Json qualification_json(store::Store& store, const std::string& id) {
  auto q = store.find_qualification(id);
  if (!q)
    throw Error(ErrorCode::not_found, "no qualification with id '" + id + "'");
  Json body = formats::qualification_to_json(*q);
  // Other versions of the same code, for navigation; not part of the canonical shape.
  Json versions = Json::array();
  for (int v : store.qualification_versions(q->code))
    versions.push_back(v);
  body["versions"] = versions;
  return body;
}

std::string search_json_text(store::Store& store, const std::string& db_path,
                             const search::SearchRequest& request) {
  auto searcher = search::open_fresh_index(store, search::index_dir_for(db_path));
  return search::search_response_to_json(searcher->search(request), -1);
}

}  // namespace vakkaart::server
