#include <algorithm>
#include <set>

#include "compare/comparison.h"
#include "compare/comparison_summary.h"
#include "compare/similarity.h"
#include "render/similarity_svg.h"
#include "render/svg_util.h"
#include "server/request_input.h"
#include "server/views/catalog_view.h"
#include "server/views/compare_view.h"
#include "server/views/crosswalk_view.h"
#include "server/views/label_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"
#include "server/web/web_files.h"

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

// Both measures over all items, each with a plain description of what it counts: the names
// statisticians give them are explained once, in the page's "how is this computed".
// Profile titles in the reader's language where a label exists (shown_item_title).
Json heatmaps(const compare::Similarity& sim, const std::vector<compare::Item>& items,
              const PageLangs& langs) {
  const std::string& lang = langs.ui;
  std::vector<model::ShownText> titles;
  for (const auto& item : items)
    titles.push_back(shown_item_title(item, langs.labels));
  const auto svgs = render::similarity_heatmaps_svg(
      sim, lang,
      [&](const compare::ItemInfo& i) {
        return page_url(
            (i.kind == compare::ItemKind::profile ? "/profiles/" : "/qualifications/") + i.id, {},
            lang);
      },
      titles);
  const Json& tc = web::ui_texts(lang)["compare"];
  Json out = Json::array();
  for (std::size_t m = 0; m < svgs.size(); ++m) {
    const auto& measure = sim.measures[m];
    out.push_back({{"id", measure.id},
                   {"label", lang == "en" ? measure.label_en : measure.label},
                   {"description", tc["measure_" + measure.id]},
                   {"svg", svgs[m]}});
  }
  return out;
}

Json method_texts(const std::string& lang) {
  const Json& tc = web::ui_texts(lang)["compare"];
  auto decimal = [&](double v) { return render::display_number(v, 2, lang == "en"); };
  return {{"statements", tc["method_statements"]},
          {"terms", tc["method_terms"]},
          {"words", web::fill(tc["method_words"], {{"strong", decimal(compare::kLikenessStrong)},
                                                   {"clear", decimal(compare::kLikenessClear)},
                                                   {"some", decimal(compare::kLikenessSome)}})}};
}

// The alignments between main activities of two compared profiles, one direction only (the
// profile chosen first is the source), so each pair is listed once. A qualification's
// competences are not here: they sit in the cluster rows. Both ends in the reader's language
// where they have a label.
Json profile_crosswalk(const Context& r, const std::vector<model::Alignment>& alignments,
                       const std::vector<std::string>& ids) {
  CrosswalkProfiles profiles(r.store());
  auto rank = [&ids](const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  Json rows = Json::array();
  for (const auto& a : alignments) {
    if (a.source_kind != "main_activity" || rank(a.source_item) > rank(a.target_item))
      continue;
    Json row = crosswalk_row(a, r, r.req.target + "#crosswalk", &profiles);
    row["show_source"] = true;
    rows.push_back(std::move(row));
  }
  return rows;
}

// Summary, details and crosswalk of two to five items: `sim` holds them among all items.
void add_comparison(Context& r, const std::vector<std::string>& ids, const compare::Similarity& sim,
                    Json& view) {
  const auto items = compare::load_items(r.store(), ids);
  auto comparison = compare::compare_items(items);
  std::vector<std::string> resolved;  // a code names its current version
  int profiles = 0, qualifications = 0;
  for (const auto& item : items) {
    resolved.push_back(item.info.id);
    (item.profile ? profiles : qualifications)++;
  }
  store::AlignmentFilter filter;
  filter.sources = resolved;
  filter.targets = resolved;
  const auto alignments = page_crosswalks(r, filter);
  const auto placement = compare::place_competences(items, comparison, alignments);
  const auto summary = compare::summarize(items, comparison, sim, placement);

  const CompareLangs langs = show_compare_labels(comparison, items, {r.lang, r.label_lang});
  view["summary"] = compare_summary_view(comparison, summary, r.lang, langs.items);
  view["comparison"] = compare_groups_view(comparison, summary, placement, {items, langs}, r);
  if (profiles > 0 && qualifications > 0)
    view["placed_hint"] =
        web::fill(web::ui_texts(r.lang)["compare"]["placed_hint"], crosswalk_thresholds());
  view["crosswalk"] = profile_crosswalk(r, alignments, resolved);
  view["has_crosswalk"] = !view["crosswalk"].empty();
  view["show_crosswalk"] = profiles >= 2;
  add_crosswalk_assets(view);
}

}  // namespace

// Summary first (how alike, what is shared, in words and a small heat map), then the details
// collapsed per cluster, then the heat maps of every item; a 26,000 px page of open tables
// told a reader nothing before they had scrolled through it.
Page compare_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  const std::vector<std::string> ids = item_ids(r.req);
  Json view;
  view["choices"] = choices(r.store(), {ids.begin(), ids.end()});
  // Unknown ids fail here (404) before the count is checked (400), as /api/similarity does.
  const auto all_items = compare::similarity_items(r.store(), ids);
  const auto sim = compare::similarity(all_items);
  view["heatmaps"] = heatmaps(sim, all_items, {r.lang, r.label_lang});
  view["method"] = method_texts(r.lang);
  view["need_two"] = ids.size() == 1;
  view["extra_css_urls"] = Json::array({web::asset_url("css/compare.css")});
  if (ids.size() >= 2)
    add_comparison(r, ids, sim, view);
  std::string title = t["compare_title"];
  if (view.contains("comparison")) {
    title.clear();
    for (const auto& item : view["comparison"]["items"])
      title += (title.empty() ? "" : " · ") + item["title"].get<std::string>();
  }
  return Page{"compare", title, view};
}

}  // namespace vakkaart::server
