#include "server/views/catalog_view.h"

#include <vector>

#include "catalog/summary_json.h"
#include "core/error.h"
#include "search/search_service.h"
#include "sources/canonical_json.h"

namespace vakkaart::server {

using vakkaart::Json;

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
  return catalog::frameworks_summary_json(store.list_frameworks());
}

Json framework_json(store::Store& store, const std::string& id) {
  auto f = store.find_framework(id);
  if (!f)
    throw Error(ErrorCode::not_found, "no framework with id '" + id + "'");
  return sources::framework_to_json(*f);
}

Json profiles_json(store::Store& store, const std::string& framework) {
  auto items = store.list_profiles();
  if (!framework.empty())
    std::erase_if(items, [&](const auto& p) { return p.framework_id != framework; });
  return catalog::profiles_summary_json(items);
}

Json qualifications_json(store::Store& store) {
  return catalog::qualifications_summary_json(store.list_qualifications());
}

ProfileData profile_data(store::Store& store, const std::string& id) {
  auto p = store.find_profile(id);
  if (!p)
    throw Error(ErrorCode::not_found, "no profile with id '" + id + "'");
  Json json = sources::profile_to_json(p->framework, p->profile);
  return {std::move(*p), std::move(json)};
}

Json qualification_json(store::Store& store, const std::string& id) {
  auto q = store.find_qualification(id);
  if (!q)
    throw Error(ErrorCode::not_found, "no qualification with id '" + id + "'");
  Json body = sources::qualification_to_json(*q);
  // Other versions of the same code, for navigation; not part of the canonical shape.
  Json versions = Json::array();
  for (int v : store.qualification_versions(q->code))
    versions.push_back(v);
  body["versions"] = versions;
  return body;
}

std::string search_json_text(store::Store& store, const std::string& index_dir,
                             const search::SearchRequest& request) {
  auto searcher = search::open_fresh_index(store, index_dir);
  return search::search_response_to_json(searcher->search(request), -1);
}

}  // namespace vakkaart::server
