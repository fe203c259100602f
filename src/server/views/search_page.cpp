#include <map>

#include "core/error.h"
#include "server/request_input.h"
#include "server/views/catalog_view.h"
#include "server/views/page_views.h"
#include "server/web/ui_texts.h"

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

// The hits as the page lists them: snippet, text and every place with its link.
Json result_rows(const Json& res, const std::string& lang, const Json& t) {
  Json results = Json::array();
  for (const auto& hit : res["results"]) {
    Json places = Json::array();
    for (const auto& p : hit["places"]) {
      places.push_back({{"path", p["path"]},
                        {"url", place_url(p, lang)},
                        {"kind_label", t["kinds"].value(p.value("statement_kind", ""), "")}});
    }
    results.push_back({{"snippet", hit["snippet"]},
                       {"text", hit["text"]},
                       {"url", places.empty() ? "" : places[0]["url"]},
                       {"places", places}});
  }
  return results;
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

  const Json results = result_rows(res, r.lang, t);
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

  // Words that occur nowhere ("jeugd" of "jeugdwerk") are named, so a user knows why the list
  // is empty or shorter rather than guessing.
  if (res.contains("unmatched") && !res["unmatched"].empty()) {
    Json words = Json::array();
    for (const auto& w : res["unmatched"])
      words.push_back({{"word", w}});
    // Nothing at all found, with words that occur nowhere: often an English or French query on
    // Dutch data, so the hint says which language the data is in.
    // Or words hunspell knows as English or French: then say so even when the Dutch words of
    // the query found something.
    Json foreign = Json::array();
    for (const auto& f : res.value("foreign_words", Json::array()))
      foreign.push_back({{"word", f.value("word", "")}, {"language", f.value("language", "")}});
    view["unmatched"] = {{"words", words},
                         {"foreign", foreign},
                         {"has_foreign", !foreign.empty()},
                         {"language_hint", res.value("total", 0) == 0 || !foreign.empty()}};
  }

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
