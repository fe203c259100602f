#include <map>
#include <optional>

#include "core/error.h"
#include "model/framework_labels.h"
#include "server/request_input.h"
#include "server/views/catalog_view.h"
#include "server/views/label_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"
#include "text/text_utils.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

// Facets of the search response and the query parameter that filters on each.
const std::map<std::string, std::string> kFacetParam = {
    {"profile", "profile"}, {"qualification", "bk"}, {"cluster", "cluster"}, {"kind", "kind"}};

std::string tab_of(const std::string& statement_kind) {
  if (statement_kind == "environment_context" || statement_kind == "action_context")
    return "contexts";
  if (statement_kind == "independent_in" || statement_kind == "bound_to" ||
      statement_kind == "relies_on")
    return "autonomy";
  if (statement_kind == "responsibility")
    return "responsibility";
  return "";
}

// Where a hit lives, as a page link: a profile's ring view opened at its cluster, scrolled to
// the main activity; a qualification page at its competence or tab.
std::string place_url(const Json& place, const std::string& lang) {
  const std::string id = place["id"];
  if (place["kind"] == "profile") {
    const std::string cluster = place.value("cluster", "");
    if (cluster.empty())
      return page_url("/profiles/" + id, {}, lang);
    const int ma = place.value("main_activity", 0);
    return page_url("/profiles/" + id, {{"cluster", cluster}}, lang) + "#" +
           (ma > 0 ? cluster + "-" + std::to_string(ma) : "cluster-" + cluster);
  }
  const std::string tab = tab_of(place.value("statement_kind", ""));
  if (!tab.empty())
    return page_url("/qualifications/" + id, {{"tab", tab}}, lang) + "#panel-" + tab;
  const int competence = place.value("competence", 0);
  return page_url("/qualifications/" + id, {}, lang) +
         (competence > 0 ? "#competence-" + std::to_string(competence) : "");
}

// A facet value as a reader sees it, in the facet list and on an active filter alike: a title
// for profiles, qualifications and clusters, the UI's word for a statement kind (never its id).
std::string facet_value_label(const std::string& facet, const std::string& value,
                              const std::map<std::string, std::string>& titles, const Json& t) {
  auto title = titles.find(facet + ":" + value);
  if (title != titles.end())
    return title->second;
  return facet == "kind" ? t["kinds"].value(value, value) : value;
}

// Readable names for facet values, which are ids.
std::map<std::string, std::string> value_titles(store::Store& store) {
  std::map<std::string, std::string> titles;
  for (const auto& p : profiles_json(store))
    titles["profile:" + p["id"].get<std::string>()] = p["title"];
  for (const auto& q : qualifications_json(store))
    titles["qualification:" + q["id"].get<std::string>()] =
        q["title"].get<std::string>() + " (" + q["id"].get<std::string>() + ")";
  for (const auto& f : frameworks_json(store)) {
    Json full = framework_json(store, f["id"]);
    for (const auto& c : full["clusters"])
      titles["cluster:" + c["id"].get<std::string>()] = c["title"];
  }
  return titles;
}

// The profiles the hits live in, each read once per page: where a hit's text and its places'
// titles find their labels (issue 18).
class HitProfiles {
 public:
  explicit HitProfiles(store::Store& store) : store_(store) {}
  const store::ProfileRecord* find(const std::string& id) {
    auto it = records_.find(id);
    if (it == records_.end())
      it = records_.emplace(id, store_.find_profile(id)).first;
    return it->second ? &*it->second : nullptr;
  }

 private:
  store::Store& store_;
  std::map<std::string, std::optional<store::ProfileRecord>> records_;
};

// A place's path ("Profiel › Cluster › Hoofdactiviteit") in parts, each in the reader's language
// where a label exists and marked with the language it is in. Qualifications have no labels.
Json path_parts(const Json& place, const store::ProfileRecord* record, const PageLangs& langs,
                const Json& t) {
  const std::string& lang = langs.labels;
  Json parts = Json::array();
  auto add = [&parts](const model::ShownText& shown) {
    parts.push_back({{"text", shown.text}, {"lang", shown.lang}, {"first", parts.empty()}});
  };
  if (place["kind"] != "profile" || !record) {
    add({place.value("path", ""), "nl"});
    return parts;
  }
  const model::Profile& profile = record->profile;
  add(model::shown_text(profile.title_labels, lang, profile.title));
  const std::string cluster_id = place.value("cluster", "");
  const model::Cluster* cluster = record->framework.find_cluster(cluster_id);
  if (cluster)
    add(model::shown_text(cluster->labels, lang, cluster->title));
  const std::string kind = place.value("statement_kind", "");
  const int ma = place.value("main_activity", 0);
  if (kind != "main_activity" && ma > 0) {
    for (const auto& pc : profile.clusters) {
      if (pc.cluster_id != cluster_id || static_cast<std::size_t>(ma) > pc.main_activities.size())
        continue;
      const model::MainActivity& main = pc.main_activities[static_cast<std::size_t>(ma - 1)];
      if (main.title)
        add(model::shown_text(main.title_labels, lang, *main.title));
    }
  }
  if (kind == "definition")
    add({t["kinds"].value("definition", "definitie"), langs.ui});
  return parts;
}

// The hit's text in the reader's language where one of its profiles holds a label for it; then
// the snippet is that label (its highlights are the Dutch text's), else the Dutch with marks.
model::ShownText hit_text(const Json& hit, HitProfiles& profiles, const std::string& lang) {
  const std::string dutch = hit["text"];
  for (const auto& p : hit["places"]) {
    if (p["kind"] != "profile")
      continue;
    const store::ProfileRecord* record = profiles.find(p["id"]);
    const model::Labels* labels =
        record ? model::profile_text_labels(record->profile, dutch) : nullptr;
    if (labels && labels->count(lang))
      return model::shown_text(*labels, lang, dutch);
  }
  return {dutch, "nl"};
}

// The hits as the page lists them: snippet, text and every place with its link.
Json result_rows(const Json& res, Context& r, const Json& t) {
  HitProfiles profiles(r.store());
  Json results = Json::array();
  for (const auto& hit : res["results"]) {
    Json places = Json::array();
    for (const auto& p : hit["places"]) {
      const store::ProfileRecord* record =
          p["kind"] == "profile" ? profiles.find(p["id"]) : nullptr;
      places.push_back({{"path", p["path"]},
                        {"path_parts", path_parts(p, record, {r.lang, r.label_lang}, t)},
                        {"url", place_url(p, r.lang)},
                        {"kind_label", t["kinds"].value(p.value("statement_kind", ""), "")}});
    }
    const model::ShownText shown = hit_text(hit, profiles, r.label_lang);
    results.push_back({{"snippet", shown.lang == "nl" ? hit["snippet"].get<std::string>()
                                                      : text::escape_markup(shown.text)},
                       {"text", shown.text},
                       {"text_lang", shown.lang},
                       {"url", places.empty() ? "" : places[0]["url"]},
                       {"places", places}});
  }
  return results;
}

/// Words that occur nowhere ("jeugd" of "jeugdwerk") are named, so a user knows why the list is
/// empty or shorter rather than guessing.
Json unmatched_view(const Json& res) {
  Json words = Json::array();
  for (const auto& w : res["unmatched"])
    words.push_back({{"word", w}});
  // Words hunspell knows as English or French: the hint says which language the data is in.
  // Only then: a Dutch word that occurs nowhere ("jeugd") is no reason to say "search in Dutch".
  Json foreign = Json::array();
  for (const auto& f : res.value("foreign_words", Json::array()))
    foreign.push_back({{"word", f.value("word", "")}, {"language", f.value("language", "")}});
  return {{"words", words},
          {"foreign", foreign},
          {"has_foreign", !foreign.empty()},
          {"language_hint", !foreign.empty()}};
}

}  // namespace

Page search_page(Context& r) {
  const Json& t = web::ui_texts(r.lang);
  const std::string q = r.req.get_param_value("q");
  Json view;
  view["q"] = q;
  view["has_query"] = !q.empty();
  if (q.empty())
    return Page{"search", t["search_title"], view};

  search::SearchRequest request = search_request_from(r.req);
  request.facets = true;
  Json res;
  try {
    res = Json::parse(search_json_text(r.store(), r.pool.search_index(), request));
  } catch (const Error& e) {
    // A query the parser refuses ("a*", an unknown filter) comes back with the form and the
    // hint, so the user can correct it where they typed it.
    if (e.code() != ErrorCode::invalid_argument || e.where().field != "q")
      throw;
    view["has_query"] = false;
    view["query_error"] = e.message();
    return Page{"search", q + " – " + t["search_title"].get<std::string>(), view, 400};
  }
  const auto titles = value_titles(r.store());
  const httplib::Params base = params_without_lang(r.req);

  const Json results = result_rows(res, r, t);
  view["results"] = results;
  view["has_results"] = !results.empty();
  view["total"] = res["total"];
  // "1 resultaat", "12 resultaten"; "ongeveer" only where Xapian estimated the count.
  view["total_about"] = !res.value("total_exact", true);
  view["total_one"] = res.value("total", 0) == 1;

  if (res.contains("suggestion") && !res["suggestion"].is_null()) {
    httplib::Params p = base;
    p.erase("q");
    p.erase("offset");
    p.emplace("q", res["suggestion"]);
    view["suggestion"] = {{"text", res["suggestion"]}, {"url", page_url("/search", p, r.lang)}};
  }

  if (res.contains("unmatched") && !res["unmatched"].empty())
    view["unmatched"] = unmatched_view(res);

  // Facet links add a filter; active filters can be taken off again.
  Json facets = Json::array();
  if (res.contains("facets")) {
    for (const auto& [facet, param] : kFacetParam) {
      if (!res["facets"].contains(facet))
        continue;
      Json values = Json::array();
      for (const auto& [value, count] : res["facets"][facet].items()) {
        httplib::Params p = base;
        p.erase("offset");
        bool active = false;
        for (auto [it, end] = base.equal_range(param); it != end; ++it)
          active = active || it->second == value;
        if (!active)
          p.emplace(param, value);
        values.push_back({{"label", facet_value_label(facet, value, titles, t)},
                          {"count", count},
                          {"active", active},
                          {"url", page_url("/search", p, r.lang)}});
      }
      facets.push_back({{"key", facet}, {"label", t["facet_" + facet]}, {"values", values}});
    }
  }
  view["facets"] = facets;
  // No "Verfijnen" heading over nothing (0 results have no facet values).
  bool has_facets = false;
  for (const auto& f : facets)
    has_facets = has_facets || !f["values"].empty();
  view["has_facets"] = has_facets;

  Json active = Json::array();
  for (const auto& [facet, param] : kFacetParam) {
    for (auto [it, end] = base.equal_range(param); it != end; ++it) {
      httplib::Params p;
      for (const auto& kv : base)
        if (!(kv.first == param && kv.second == it->second) && kv.first != "offset")
          p.insert(kv);
      active.push_back({{"label", facet_value_label(facet, it->second, titles, t)},
                        {"facet", t["facet_" + facet]},
                        {"url", page_url("/search", p, r.lang)}});
    }
  }
  view["active_filters"] = active;
  view["has_active_filters"] = !active.empty();

  // Pages of results: the total is Xapian's estimate, so "next" shows while a full page came.
  const std::size_t offset = request.offset, limit = request.limit;
  if (offset > 0) {
    httplib::Params p = base;
    p.erase("offset");
    if (offset > limit)
      p.emplace("offset", std::to_string(offset - limit));
    view["previous_url"] = page_url("/search", p, r.lang);
  }
  if (results.size() == limit && offset + limit < res["total"].get<std::size_t>()) {
    httplib::Params p = base;
    p.erase("offset");
    p.emplace("offset", std::to_string(offset + limit));
    view["next_url"] = page_url("/search", p, r.lang);
  }
  view["first"] = offset + 1;
  return Page{"search", q + " – " + t["search_title"].get<std::string>(), view};
}

}  // namespace vakkaart::server
