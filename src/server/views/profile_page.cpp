#include "core/error.h"
#include "render/ring_svg.h"
#include "server/views/catalog_view.h"
#include "server/views/page_views.h"

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
  for (std::size_t i = 0; i < p["clusters"].size(); ++i) {
    Json& c = p["clusters"][i];
    const std::string cid = c["id"];
    const auto* layer = framework.find_layer(c["layer"]);
    c["layer_title"] = layer ? layer->title : "";
    c["count"] = render::activity_count(profile.clusters.at(i));
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
  view["framework_title"] = framework.title;
  view["print"] = print;
  view["nothing_selected"] = !print && selected.empty();
  view["api_url"] = "/api/profiles/" + id;
  view["page_url"] = page_url("/profiles/" + id, {}, r.lang);
  view["print_url"] = page_url("/profiles/" + id + "/print", {}, r.lang);

  render::RingOptions ring;
  ring.selected_cluster = selected;
  ring.link_prefix = r.lang == "en" ? "?lang=en&cluster=" : "?cluster=";
  ring.lang = r.lang;
  ring.size = print ? 420 : 640;
  view["ring_svg"] = render::ring_svg(framework, profile, ring);
  return Page{print ? "profile_print" : "profile", profile.title, view};
}

}  // namespace vakkaart::server
