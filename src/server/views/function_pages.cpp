// The function composer's pages: the list of functions and the composer of one function.
// Editing happens in web/static/js/composer*.js against /api/functions; the server renders the
// function read-only (so it shows at once, and without JavaScript) and embeds the data the
// script starts from.

#include <map>
#include <optional>
#include <string>

#include "compose/function_service.h"
#include "model/labels.h"
#include "server/transport/html_json.h"
#include "server/views/catalog_view.h"
#include "server/views/function_view.h"
#include "server/views/label_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"
#include "server/web/web_files.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

std::string function_url(const std::string& id, const std::string& lang) {
  return page_url("/functions/" + id, {}, lang);
}

// What both pages add to the common view: their stylesheet and script.
void add_assets(Json& view, const std::string& script) {
  view["page_css_url"] = web::asset_url("css/composer.css");
  view["composer_js_url"] = web::asset_url("js/" + script);
}

Json status_label(const Json& t, const std::string& status) {
  return t["functions"].value("status_" + status, status);
}

// "Bron: Gemeenschapswerker · Organiseren en begeleiden · hoofdactiviteit 2", as the script
// writes it too, in parts [{sep, text, lang}]: the profile and cluster in the reader's language
// where they have a label (`profile_labels`: the view's source_title_labels), a qualification
// in Dutch, the page's own words in its language.
Json provenance(const Json& source, const std::map<std::string, model::ShownText>& clusters,
                const Json& profile_labels, const PageLangs& langs, const Json& t) {
  const Json& ft = t["functions"];
  const std::string kind = source.value("kind", "");
  const std::string item = source.value("item", ""), item_title = source.value("item_title", "");
  const std::string pos = std::to_string(source.value("position", 0));
  auto part = [](const std::string& sep, const model::ShownText& shown) {
    return Json{{"sep", sep}, {"text", shown.text}, {"lang", shown.lang}};
  };
  const std::string lead = ft["source"].get<std::string>() + ": ";
  if (kind == "qualification")
    return Json::array({part(lead, {item + " " + item_title, "nl"}),
                        part(" · ", {ft["competence"].get<std::string>() + " " + pos, langs.ui})});
  const Json labels = profile_labels.value(item, Json::object());
  const std::string cluster_id = source.value("cluster", "");
  auto c = clusters.find(cluster_id);
  return Json::array(
      {part(lead, model::shown_text(labels.get<model::Labels>(), langs.labels, item_title)),
       part(" · ", c == clusters.end() ? model::ShownText{cluster_id, "nl"} : c->second),
       part(" · ", {ft["main_activity"].get<std::string>() + " " + pos, langs.ui})});
}

// The blocks under ring and cluster headings, in the framework's order (blocks not placed in
// the model last), for the read-only view.
Json grouped_blocks(const Json& data, const Json& t, const PageLangs& langs) {
  const Json& function = data["function"];
  const Json& framework = data["framework"];
  const std::string& lang = langs.ui;
  // Cluster titles in the reader's language where a label exists (issue 18).
  std::map<std::string, model::ShownText> cluster_titles;
  for (const auto& c : framework["clusters"])
    cluster_titles[c["id"]] =
        model::shown_text(c.value("title_labels", Json::object()).get<model::Labels>(),
                          langs.labels, c["title"].get<std::string>());
  Json layers = Json::array();
  auto block_view = [&](const Json& b) {
    Json items = Json::array();
    for (const auto& i : b["items"]) {
      const bool reworded = i.contains("wording") && i["wording"].is_string();
      items.push_back({{"text", reworded ? i["wording"] : i["original"]},
                       {"original", i.value("original", "")},
                       {"reworded", reworded && !i.value("original", "").empty()}});
    }
    Json out = {{"id", b["id"]}, {"title", b["title"]}, {"items", items}};
    if (b.contains("weight") && b["weight"].is_number()) {
      const double w = b["weight"].get<double>();
      // Whole percentages print without a decimal point ("40", not "40.0").
      const auto whole = static_cast<long long>(w);
      out["weight"] = w == static_cast<double>(whole) ? std::to_string(whole) : Json(w).dump();
    }
    const bool taken = b.contains("source") && b["source"].is_object();
    out["has_provenance"] = taken;
    if (taken)
      out["provenance"] =
          provenance(b["source"], cluster_titles, data["source_title_labels"], langs, t);
    return out;
  };
  std::map<std::string, bool> placed;
  for (const auto& layer : framework["layers"]) {
    Json lv = {{"title", web::layer_title(layer["id"], layer["title"], lang)},
               {"clusters", Json::array()}};
    for (const auto& c : framework["clusters"]) {
      if (c["layer"] != layer["id"])
        continue;
      const model::ShownText& title = cluster_titles.at(c["id"]);
      Json cv = {{"title", title.text}, {"title_lang", title.lang}, {"blocks", Json::array()}};
      for (const auto& b : function["blocks"]) {
        if (b.value("cluster", "") == c["id"]) {
          cv["blocks"].push_back(block_view(b));
          placed[b["id"]] = true;
        }
      }
      if (!cv["blocks"].empty())
        lv["clusters"].push_back(cv);
    }
    if (!lv["clusters"].empty())
      layers.push_back(lv);
  }
  Json rest = {{"title", t["functions"]["unplaced"]}, {"blocks", Json::array()}};
  for (const auto& b : function["blocks"])
    if (!placed.count(b["id"]))
      rest["blocks"].push_back(block_view(b));
  if (!rest["blocks"].empty())
    layers.push_back({{"title", t["functions"]["unplaced"]}, {"clusters", Json::array({rest})}});
  return layers;
}

// Every profile and qualification, for the composer's source picker.
Json sources(store::Store& store) {
  Json profiles = Json::array();
  for (const auto& p : profiles_json(store)) {
    Json profile = {{"id", p["id"]}, {"title", p["title"]}, {"framework", p["framework"]}};
    if (p.contains("title_labels"))  // shownText picks the reader's language from them
      profile["title_labels"] = p["title_labels"];
    profiles.push_back(std::move(profile));
  }
  Json qualifications = Json::array();
  for (const auto& q : qualifications_json(store))
    qualifications.push_back({{"id", q["id"]}, {"title", q["title"]}, {"current", q["current"]}});
  return {{"profiles", profiles}, {"qualifications", qualifications}};
}

}  // namespace

Page composer_page(Context& r, const std::string& id) {
  const Json& t = web::ui_texts(r.lang);
  // Exactly what GET /api/functions/{id} answers: the script starts from it.
  Json data = compose::function_view_json(
      r.store(), compose::FunctionService(r.store(), r.function_scope()).get(id));
  const Json& function = data["function"];

  Json view;
  view["function"] = function;
  view["status_label"] = status_label(t, function.value("status", "draft"));
  view["groups"] = grouped_blocks(data, t, {r.lang, r.label_lang});
  view["has_blocks"] = !function["blocks"].empty();
  view["function_json"] = transport::json_for_html(data);
  view["sources_json"] = transport::json_for_html(sources(r.store()));
  // The rings' names in the page's language go with the composer's own texts.
  Json texts = t["functions"];
  texts["layers"] = t["layers"];
  view["texts_json"] = transport::json_for_html(texts);
  view["kinds_json"] = transport::json_for_html(t["kinds"]);
  view["list_url"] = page_url("/functions", {}, r.lang);
  const std::string api = "/api/functions/" + id;
  view["api_url"] = api;
  view["coverage_svg_url"] = api + "/coverage.svg?lang=" + r.lang;
  Json exports = Json::array();
  for (const std::string format : {"docx", "pdf", "html", "md", "json", "csv", "xlsx"}) {
    // CSV and XLSX are the exchange format (path, kind, …, one row per field), not a readable
    // table: their links say so, so an HR user picks Word or PDF to read.
    exports.push_back(
        {{"format", format},
         {"label", t["functions"]["export_" + format]},
         {"exchange", format == "csv" || format == "xlsx"},
         {"url", api + "/export?format=" + format + (r.lang == "en" ? "&lang=en" : "")}});
  }
  view["exports"] = exports;
  add_assets(view, "composer.js");
  return Page{"composer", function.value("title", id), view};
}

Page function_list_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  Json rows = function_list_json(r.store(), r.function_scope())["functions"];
  for (auto& f : rows) {
    const std::string id = f["id"], status = f["status"], updated = f["updated"];
    f["status_label"] = status_label(t, status);
    f["updated_date"] = updated.substr(0, 10);
    f["url"] = function_url(id, r.lang);
  }
  Json view;
  view["functions"] = rows;
  view["has_functions"] = !rows.empty();
  view["texts_json"] = transport::json_for_html(t["functions"]);
  add_assets(view, "composer_list.js");
  return Page{"functions", t["functions"]["list_title"], view};
}

}  // namespace vakkaart::server
