#include "model/labels.h"
#include "server/views/catalog_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

using vakkaart::Json;

namespace {

/// "1 beroepenstructuur · 5 beroepsprofielen · …": each count with its noun in the right number.
Json database_counts(const Json& health, const std::string& lang) {
  Json out = Json::array();
  for (const char* kind : {"frameworks", "profiles", "qualifications", "statements"})
    out.push_back({{"text", web::counted(health.value(kind, 0LL), kind, lang)}});
  return out;
}

}  // namespace

// What vakkaart is in one sentence, the three tasks by name, then what the database holds.
Page start_page(Context& r) {
  Json view;
  view["counts"] = database_counts(health_json(r.store()), r.lang);
  view["functions_url"] = page_url("/functions", {}, r.lang);
  view["analyse_url"] = page_url("/analyse", {}, r.lang);
  Json frameworks = frameworks_json(r.store());
  Json profiles = profiles_json(r.store());
  for (auto& f : frameworks) {
    f["clusters_text"] = web::counted(f.value("clusters", 0LL), "clusters", r.lang);
    const std::string sheet = "/api/frameworks/" + f.value("id", std::string()) + "/sheet.";
    f["sheet_csv_url"] = sheet + "csv";
    f["sheet_xlsx_url"] = sheet + "xlsx";
    f["profiles_list"] = Json::array();
    for (auto& p : profiles) {
      if (p["framework"] == f["id"]) {
        p["url"] = page_url("/profiles/" + p["id"].get<std::string>(), {}, r.lang);
        // The title in the reader's language where a label exists (the template escapes it).
        const model::ShownText title =
            model::shown_text(p.value("title_labels", Json::object()).get<model::Labels>(),
                              r.label_lang, p["title"].get<std::string>());
        p["title"] = title.text;
        p["title_lang"] = title.lang;
        p["main_activities_text"] =
            web::counted(p.value("main_activities", 0LL), "main_activities", r.lang);
        p["activities_text"] = web::counted(p.value("activities", 0LL), "activities", r.lang);
        f["profiles_list"].push_back(p);
      }
    }
  }
  view["frameworks"] = frameworks;
  Json qualifications = qualifications_json(r.store());
  for (auto& q : qualifications) {
    q["url"] = page_url("/qualifications/" + q["id"].get<std::string>(), {}, r.lang);
    q["competences_text"] = web::counted(q.value("competences", 0LL), "competences", r.lang);
  }
  view["qualifications"] = qualifications;
  view["has_qualifications"] = !qualifications.empty();
  return Page{"start",
              web::ui_texts(r.lang)["nav_start"].get<std::string>() + " · " +
                  web::ui_texts(r.lang)["app_tagline"].get<std::string>(),
              view};
}

}  // namespace vakkaart::server
