#include "server/views/catalog_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

using vakkaart::Json;

// What the database holds, with a search box.
Page start_page(Context& r) {
  Json view;
  view["health"] = health_json(r.store());
  Json frameworks = frameworks_json(r.store());
  Json profiles = profiles_json(r.store());
  for (auto& f : frameworks) {
    f["profiles_list"] = Json::array();
    for (auto& p : profiles) {
      if (p["framework"] == f["id"]) {
        p["url"] = page_url("/profiles/" + p["id"].get<std::string>(), {}, r.lang);
        f["profiles_list"].push_back(p);
      }
    }
  }
  view["frameworks"] = frameworks;
  Json qualifications = qualifications_json(r.store());
  for (auto& q : qualifications)
    q["url"] = page_url("/qualifications/" + q["id"].get<std::string>(), {}, r.lang);
  view["qualifications"] = qualifications;
  view["has_qualifications"] = !qualifications.empty();
  return Page{"start", web::ui_texts(r.lang)["app_tagline"], view};
}

}  // namespace vakkaart::server
