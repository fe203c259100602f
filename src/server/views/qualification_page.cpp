#include <array>
#include <cmath>

#include "analysis/cluster_decisions.h"
#include "core/error.h"
#include "model/labels.h"
#include "server/views/catalog_view.h"
#include "server/views/crosswalk_view.h"
#include "server/views/page_views.h"
#include "server/views/qualification_parts_view.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

constexpr std::array<const char*, 4> kTabs = {"contexts", "autonomy", "responsibility",
                                              "certificates"};

Json lines(const Json& list) {
  Json out = Json::array();
  for (const auto& s : list)
    out.push_back({{"text", s}});
  return out;
}

// Cluster first: the clusters of the ring model each competence fits best, with the words that
// carried the score; or that none fits (every cluster under the stated floor).
// A curator's decisions come first: a confirmed cluster leads, a wholly rejected one is gone.
void add_cluster_suggestions(Context& r, Json& q, const std::vector<model::Alignment>& alignments) {
  const auto ranking = r.pool.cluster_ranking().get(r.store());
  for (auto& c : q["competences"]) {
    const auto* computed =
        ranking->find(q["id"].get<std::string>() + ":" + std::to_string(c["number"].get<int>()));
    if (computed == nullptr)
      continue;
    const auto& index = *ranking->index;
    const auto ranked = analysis::apply_cluster_decisions(index, *computed, alignments);
    Json suggestions = Json::array();
    for (const auto& s : ranked.clusters) {
      std::string words;
      for (const auto& w : s.words)
        words += (words.empty() ? "" : ", ") + w;
      // Titles in the reader's language where a label exists (issue 18).
      const auto& info = index.clusters()[s.cluster];
      const model::ShownText cluster = model::shown_text(info.labels, r.label_lang, info.title);
      Json main_activities = Json::array();
      for (const auto& m : s.main_activities) {
        Json profiles = Json::array();
        for (auto g : m.groups) {
          const auto& candidate = index.candidates()[index.groups()[g].candidate];
          const model::ShownText p =
              model::shown_text(candidate.title_labels, r.label_lang, candidate.title);
          profiles.push_back(
              {{"text", p.text}, {"lang", p.lang}, {"sep", profiles.empty() ? "" : ", "}});
        }
        const auto& group = index.groups()[m.groups.front()];
        const model::ShownText title =
            group.title.empty() ? cluster
                                : model::shown_text(group.title_labels, r.label_lang, group.title);
        main_activities.push_back({{"title", title.text},
                                   {"title_lang", title.lang},
                                   {"profiles", profiles},
                                   {"percent", std::to_string(std::lround(m.score * 100)) + "%"},
                                   {"confirmed", m.confirmed}});
      }
      suggestions.push_back({{"title", cluster.text},
                             {"title_lang", cluster.lang},
                             {"has_main_activities", !main_activities.empty()},
                             {"main_activities", main_activities},
                             {"percent", std::to_string(std::lround(s.score * 100)) + "%"},
                             {"words", words},
                             {"has_words", !words.empty()},
                             {"confirmed", s.confirmed}});
    }
    c["has_cluster_suggestions"] = !suggestions.empty();
    c["cluster_suggestions"] = suggestions;
    c["no_cluster"] = suggestions.empty();
    c["cluster_floor"] =
        std::to_string(std::lround(analysis::ClusterRankSettings{}.floor * 100)) + "%";
  }
}

}  // namespace

Page qualification_page(Context& r, const std::string& id) {
  Json q = qualification_json(r.store(), id);
  const Json& t = web::ui_texts(r.lang);
  // First: footnote links go onto the items before the knowledge lists below copy them.
  Json parts;
  add_qualification_parts_view(q, parts, t);

  std::string tab = r.req.get_param_value("tab");
  if (tab.empty())
    tab = kTabs[0];
  bool known = false;
  for (const char* k : kTabs)
    known = known || tab == k;
  if (!known)
    throw Error(ErrorCode::not_found,
                "no tab '" + tab +
                    "' (contexts, autonomy, responsibility, "
                    "certificates)",
                {"", 0, "tab"});

  for (auto& c : q["competences"]) {
    for (auto& a : c["activities"]) {
      const std::string d = a["descriptor"].is_null() ? "none" : a["descriptor"].get<std::string>();
      a["descriptor_key"] = d;
      a["descriptor_label"] = t["descriptor_" + d];
    }
    Json general = Json::array(), specific = Json::array(), other = Json::array();
    for (auto& k : c["knowledge"]) {
      const std::string kind = k["kind"].is_null() ? "" : k["kind"].get<std::string>();
      k["kind_key"] = kind.empty() ? "none" : kind;
      (kind == "general" ? general : kind == "specific" ? specific : other).push_back(k);
    }
    c["knowledge_general"] = general;
    c["knowledge_specific"] = specific;
    c["knowledge_other"] = other;
    c["has_knowledge"] = !c["knowledge"].empty();
    // Always set: a section name missing here would be looked up on the qualification.
    c["has_code"] = c.contains("code");
    c["has_group"] = c.contains("group");
    c["has_code_and_group"] = c.contains("code") && c.contains("group");
    c["has_meta"] = c.contains("code") || c.contains("group");
  }

  // Crosswalks: per competence, the profile main activities that correspond to it.
  store::AlignmentFilter filter;
  filter.sources = {q["id"].get<std::string>()};
  const auto alignments = page_crosswalks(r, filter);
  {
    CrosswalkProfiles profiles(r.store());  // targets in the reader's language (issue 18)
    for (auto& c : q["competences"]) {
      const std::string ref =
          q["id"].get<std::string>() + ":" + std::to_string(c["number"].get<int>());
      const std::string back =
          r.req.target + "#crosswalk-" + std::to_string(c["number"].get<int>());
      Json rows = Json::array();
      for (const auto& a : alignments)
        if (a.source_ref == ref)
          rows.push_back(crosswalk_row(a, r, back, &profiles));
      c["has_crosswalk"] = !rows.empty();
      c["crosswalk"] = rows;
    }
  }

  add_cluster_suggestions(r, q, alignments);

  Json tabs = Json::array();
  for (const char* k : kTabs) {
    tabs.push_back({{"key", k},
                    {"label", t[std::string("tab_") + k]},
                    {"selected", tab == k},
                    {"hidden", tab != k},
                    {"url", page_url("/qualifications/" + id, {{"tab", k}}, r.lang)}});
  }

  Json versions = Json::array();
  for (const auto& v : q["versions"]) {
    const int n = v.get<int>();
    if (n == q["version"].get<int>())
      continue;
    const std::string vid = q["code"].get<std::string>() + "-" + std::to_string(n);
    versions.push_back(
        {{"id", vid}, {"version", n}, {"url", page_url("/qualifications/" + vid, {}, r.lang)}});
  }

  Json view = std::move(parts);
  view["q"] = q;
  view["tabs"] = tabs;
  view["tab_contexts"] = tabs[0];
  view["tab_autonomy"] = tabs[1];
  view["tab_responsibility"] = tabs[2];
  view["tab_certificates"] = tabs[3];
  view["other_versions"] = versions;
  view["has_other_versions"] = !versions.empty();
  view["environment_context"] = lines(q["environment_context"]);
  view["action_context"] = lines(q["action_context"]);
  view["independent_in"] = lines(q["autonomy"]["independent_in"]);
  view["bound_to"] = lines(q["autonomy"]["bound_to"]);
  view["relies_on"] = lines(q["autonomy"]["relies_on"]);
  view["responsibility"] = lines(q["responsibility"]);
  view["has_certificates"] = !q["certificates"].get<std::string>().empty();
  view["has_level"] = !q["level"]["vks"].is_null() || !q["level"]["eqf"].is_null();
  view["api_url"] = "/api/qualifications/" + id;
  view["crosswalk_api_url"] = "/api/crosswalks?source=" + q["id"].get<std::string>();
  add_crosswalk_assets(view);
  return Page{"qualification",
              q["title"].get<std::string>() + " (" + q["id"].get<std::string>() + ")", view};
}

}  // namespace vakkaart::server
