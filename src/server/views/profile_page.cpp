#include "core/error.h"
#include "render/ring_svg.h"
#include "server/views/catalog_view.h"
#include "server/views/label_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

// Marks what mustache cannot ask of a list ("has children?") and which items are nested, on
// every node, so a child never reads its parent's answer through the context stack.
void mark_activities(Json& activities, bool nested) {
  for (auto& a : activities) {
    a["sub"] = nested;
    a["has_children"] = !a["children"].empty();
    mark_activities(a["children"], true);
  }
}

// The legend beside the ring, and below a phone's width the list that replaces its small
// labels: per layer its colour and its clusters with their counts and links.
Json ring_legend_json(const model::Framework& framework, const Json& clusters,
                      const PageLangs& langs) {
  Json layers = Json::array();
  for (const auto& entry : render::ring_legend(framework)) {
    const model::Layer* source = framework.find_layer(entry.layer_id);
    const model::ShownText title =
        source ? shown_layer_title(*source, langs) : model::ShownText{entry.layer_title, "nl"};
    Json layer = {{"title", title.text},
                  {"title_lang", title.lang},
                  {"fill", entry.fill},
                  {"clusters", Json::array()}};
    for (const auto& c : clusters) {
      if (c["layer"] == entry.layer_id)
        layer["clusters"].push_back({{"title", c["title"]},
                                     {"title_lang", c["title_lang"]},
                                     {"url", c["url"]},
                                     {"count_text", c["count_text"]},
                                     {"empty", c["count"] == 0}});
    }
    layers.push_back(std::move(layer));
  }
  return {{"layers", layers}, {"empty_fill", render::ring_empty_fill()}};
}

}  // namespace

Page profile_page(Context& r, const std::string& id, bool print) {
  ProfileData data = profile_data(r.store(), id);
  const auto& framework = data.record.framework;
  const auto& profile = data.record.profile;

  std::string selected = print ? "" : r.req.get_param_value("cluster");
  if (!selected.empty() && !framework.find_cluster(selected))
    throw Error(ErrorCode::not_found, "profile '" + id + "' has no cluster '" + selected + "'",
                {"", 0, "cluster"});

  Json view;
  Json& p = data.json;
  const PageLangs langs{r.lang, r.label_lang};
  show_labels(p, framework, profile, r.label_lang);
  // The same counts as the start page's card and the ring's segments: every activity, nested
  // ones too.
  long long main_total = 0, activity_total = 0;
  for (std::size_t i = 0; i < p["clusters"].size(); ++i) {
    Json& c = p["clusters"][i];
    const std::string cid = c["id"];
    const auto* layer = framework.find_layer(c["layer"]);
    const model::ShownText layer_title =
        layer ? shown_layer_title(*layer, langs) : model::ShownText{"", r.lang};
    c["layer_title"] = layer_title.text;
    c["layer_title_lang"] = layer_title.lang;
    c["count"] = render::activity_count(profile.clusters.at(i));
    c["count_text"] = web::counted(c["count"].get<long long>(), "activities", r.lang);
    activity_total += c["count"].get<long long>();
    main_total += static_cast<long long>(profile.clusters.at(i).main_activities.size());
    c["hidden"] = !print && cid != selected;
    c["url"] = page_url("/profiles/" + id, {{"cluster", cid}}, r.lang);
    int n = 0;
    for (auto& ma : c["main_activities"]) {
      ma["anchor"] = cid + "-" + std::to_string(++n);
      ma["has_title"] = !ma["title"].is_null();
      mark_activities(ma["activities"], false);
    }
    c["empty"] = c["main_activities"].empty();
  }
  view["profile"] = p;
  view["counts"] = Json::array({{{"text", web::counted(main_total, "main_activities", r.lang)},
                                 {"count", main_total},
                                 {"kind", "main-activities"}},
                                {{"text", web::counted(activity_total, "activities", r.lang)},
                                 {"count", activity_total},
                                 {"kind", "activities"}}});
  view["framework_title"] = framework.title;
  view["legend"] = ring_legend_json(framework, p["clusters"], langs);
  view["print"] = print;
  view["nothing_selected"] = !print && selected.empty();
  view["api_url"] = "/api/profiles/" + id;
  view["page_url"] = page_url("/profiles/" + id, {}, r.lang);
  view["print_url"] = page_url("/profiles/" + id + "/print", {}, r.lang);

  render::RingOptions ring;
  ring.selected_cluster = selected;
  ring.link_prefix = r.lang == "en" ? "?lang=en&cluster=" : "?cluster=";
  ring.lang = r.lang;
  ring.label_lang = r.label_lang;
  ring.size = print ? 420 : 640;
  view["ring_svg"] = render::ring_svg(framework, profile, ring);
  return Page{print ? "profile_print" : "profile", p["title"].get<std::string>(), view};
}

}  // namespace vakkaart::server
