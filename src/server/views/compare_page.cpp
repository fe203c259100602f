#include <algorithm>
#include <map>
#include <set>

#include "compare/comparison.h"
#include "compare/similarity.h"
#include "render/similarity_svg.h"
#include "server/request_input.h"
#include "server/views/catalog_view.h"
#include "server/views/crosswalk_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

// The choices of the form: every profile and qualification, ticked when chosen.
Json choices(store::Store& store, const std::set<std::string>& chosen) {
  Json out = Json::array();
  for (const auto& p : profiles_json(store))
    out.push_back({{"id", p["id"]}, {"title", p["title"]}, {"checked", chosen.count(p["id"]) > 0}});
  for (const auto& q : qualifications_json(store)) {
    const std::string id = q["id"];
    out.push_back({{"id", id},
                   {"title", q["title"].get<std::string>() + " (" + id + ")"},
                   {"checked", chosen.count(id) > 0 || chosen.count(q["code"]) > 0}});
  }
  return out;
}

Json heatmaps(store::Store& store, const std::vector<std::string>& ids, const std::string& lang) {
  const auto sim = compare::similarity(compare::similarity_items(store, ids));
  const Json data = compare::similarity_to_json(sim);  // what /api/similarity answers
  const auto svgs = render::similarity_heatmaps_svg(sim, lang, [&](const compare::ItemInfo& i) {
    return page_url(
        (i.kind == compare::ItemKind::profile ? "/profiles/" : "/qualifications/") + i.id, {},
        lang);
  });
  Json out = Json::array();
  const bool en = lang == "en";
  for (std::size_t m = 0; m < svgs.size(); ++m) {
    const Json& measure = data["measures"][m];
    out.push_back({{"id", measure["id"]},
                   {"label", measure[en ? "label_en" : "label"]},
                   {"description", measure[en ? "description_en" : "description"]},
                   {"svg", svgs[m]}});
  }
  return out;
}

// The note's table, turned: one column per chosen item, one row group per cluster (and per
// qualification section), every statement marked by how many of the chosen items hold it.
Json comparison_table(store::Store& store, const std::vector<std::string>& ids,
                      const std::string& lang, const Json& t) {
  Json c = compare::comparison_to_json(compare::compare(store, ids));  // as /api/compare
  std::map<std::string, std::string> titles;
  for (auto& item : c["items"]) {
    titles[item["id"]] = item["title"];
    item["url"] = page_url((item["kind"] == "profile" ? "/profiles/" : "/qualifications/") +
                               item["id"].get<std::string>(),
                           {}, lang);
  }
  for (auto& g : c["groups"]) {
    if (lang == "en")
      g["title"] = g["title_en"];
    for (auto& cell : g["cells"]) {
      for (auto& s : cell["statements"]) {
        s["item"] = cell["item"];
        s["share_label"] = t["share_" + s["share"].get<std::string>()];
        std::string with;
        for (const auto& other : s["shared_with"])
          with += (with.empty() ? "" : ", ") + titles[other.get<std::string>()];
        s["shared_with_titles"] = with;
      }
      cell["empty"] = cell["statements"].empty();
    }
    g["columns"] = c["items"].size();
  }
  return c;
}

// The alignments between the compared items: a qualification's competences against the
// profiles' main activities, and between two profiles one direction only (the item chosen first
// is the source), so each pair of main activities is listed once.
Json crosswalk_between(Context& r, const Json& items) {
  std::vector<std::string> ids;
  for (const auto& item : items)
    ids.push_back(item["id"]);
  auto rank = [&ids](const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  store::AlignmentFilter filter;
  filter.sources = ids;
  filter.targets = ids;
  Json rows = Json::array();
  for (const auto& a : page_crosswalks(r, filter)) {
    if (a.source_kind == "main_activity" && rank(a.source_item) > rank(a.target_item))
      continue;
    Json row = crosswalk_row(a, r, r.req.target + "#crosswalk");
    row["show_source"] = true;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Page compare_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  const std::vector<std::string> ids = item_ids(r.req);
  Json view;
  view["choices"] = choices(r.store(), {ids.begin(), ids.end()});
  view["heatmaps"] = heatmaps(r.store(), ids, r.lang);
  view["need_two"] = ids.size() == 1;
  if (ids.size() >= 2) {
    view["comparison"] = comparison_table(r.store(), ids, r.lang, t);
    view["crosswalk"] = crosswalk_between(r, view["comparison"]["items"]);
    view["has_crosswalk"] = !view["crosswalk"].empty();
    view["show_crosswalk"] = true;
    add_crosswalk_assets(view);
  }
  std::string title = t["compare_title"];
  if (view.contains("comparison")) {
    title.clear();
    for (const auto& item : view["comparison"]["items"])
      title += (title.empty() ? "" : " · ") + item["title"].get<std::string>();
  }
  return Page{"compare", title, view};
}

}  // namespace vakkaart::server
