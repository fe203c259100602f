#include "server/views/crosswalk_view.h"

#include <cmath>

#include "analysis/crosswalk.h"
#include "analysis/crosswalk_json.h"
#include "core/error.h"
#include "model/framework_labels.h"
#include "server/views/page.h"
#include "server/web/ui_texts.h"
#include "server/web/web_files.h"
#include "text/text_utils.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// The page of one end of an alignment: a competence on its qualification's page, a main
/// activity in its cluster panel of the profile page.
std::string crosswalk_end_url(const std::string& ref, const std::string& kind,
                              const std::string& lang) {
  auto parts = text::split(ref, ':');
  if (kind == "main_activity" && parts.size() == 3) {
    const std::string profile(parts[0]), cluster(parts[1]), n(parts[2]);
    return page_url("/profiles/" + profile, {{"cluster", cluster}}, lang) + "#" + cluster + "-" + n;
  }
  if (parts.size() == 2)
    return page_url("/qualifications/" + std::string(parts[0]), {}, lang) + "#competence-" +
           std::string(parts[1]);
  return page_url("/", {}, lang);
}

// `lang` for the link, `label_lang` (the reader's) for the titles.
Json crosswalk_end(const Json& end, const std::string& lang, const std::string& label_lang,
                   CrosswalkProfiles* profiles) {
  Json out = end;
  const std::string title = end["title"], item_title = end["item_title"];
  const std::string cluster = end["cluster"].is_string() ? end["cluster"].get<std::string>() : "";
  out["url"] = crosswalk_end_url(end["ref"], end["kind"], lang);
  model::ShownText shown_title{title, "nl"}, shown_item{item_title, "nl"},
      shown_cluster{cluster, "nl"};
  const std::string ref = end["ref"];
  const auto parts = text::split(ref, ':');  // views into ref
  const store::ProfileRecord* record =
      profiles && end["kind"] == "main_activity" && parts.size() == 3
          ? profiles->find(std::string(parts[0]))
          : nullptr;
  if (record) {
    shown_item = model::shown_text(record->profile.title_labels, label_lang, item_title);
    if (const model::Cluster* c = record->framework.find_cluster(std::string(parts[1])))
      shown_cluster = model::shown_text(c->labels, label_lang, cluster);
    if (const model::Labels* labels = model::profile_text_labels(record->profile, title))
      shown_title = model::shown_text(*labels, label_lang, title);
    else if (title == cluster)  // a main activity without a title of its own goes by its cluster's
      shown_title = shown_cluster;
  }
  out["title"] = shown_title.text;
  out["title_lang"] = shown_title.lang;
  Json context = Json::array({{{"text", shown_item.text}, {"lang", shown_item.lang}, {"sep", ""}}});
  if (!cluster.empty() && cluster != title)
    context.push_back({{"text", shown_cluster.text}, {"lang", shown_cluster.lang}, {"sep", " · "}});
  out["context_parts"] = std::move(context);
  return out;
}

}  // namespace

const store::ProfileRecord* CrosswalkProfiles::find(const std::string& id) {
  auto it = loaded_.find(id);
  if (it == loaded_.end())
    it = loaded_.emplace(id, store_.find_profile(id)).first;
  return it->second ? &*it->second : nullptr;
}

std::vector<std::pair<std::string, std::string>> crosswalk_thresholds() {
  const analysis::CrosswalkSettings settings;
  auto percent = [](double v) { return std::to_string(std::lround(v * 100)) + "%"; };
  return {{"exact", percent(settings.exact)},
          {"close", percent(settings.close)},
          {"related", percent(settings.related)}};
}

std::string crosswalk_type_hint(const std::string& lang) {
  return web::fill(web::ui_texts(lang)["crosswalk"]["type_hint"], crosswalk_thresholds());
}

std::vector<model::Alignment> page_crosswalks(const Context& r,
                                              const store::AlignmentFilter& filter) {
  try {
    return analysis::current_crosswalks(r.store(), r.pool.dedicated_opener(), filter);
  } catch (const Error&) {
    // Stale and not recomputable here (a read-only database file): the page shows no
    // alignments rather than ones computed on other content, and everything else it shows.
    if (analysis::crosswalks_stale(r.store()))
      return {};
    throw;
  }
}

Json crosswalk_row(const model::Alignment& a, const Context& r, const std::string& back,
                   CrosswalkProfiles* profiles) {
  const Json& t = web::ui_texts(r.lang)["crosswalk"];
  Json j = analysis::alignment_to_json(a);
  Json row;
  row["source"] = crosswalk_end(j["source"], r.lang, r.label_lang, profiles);
  row["target"] = crosswalk_end(j["target"], r.lang, r.label_lang, profiles);
  const std::string type = j["type"], status = j["status"];
  row["type"] = type;
  row["type_label"] = t["type_" + type];
  row["score"] = j["score"];
  row["score_percent"] = static_cast<int>(std::lround(a.score * 100));
  row["type_hint"] = crosswalk_type_hint(r.lang);
  row["status"] = status;
  row["status_label"] = t["status_" + status];
  row["confirmed"] = a.status == model::AlignmentStatus::confirmed;
  row["rejected"] = a.status == model::AlignmentStatus::rejected;
  row["decided"] = a.status != model::AlignmentStatus::computed;
  row["not_computed"] = !a.computed;
  row["decided_by"] = a.decided_by;
  row["decided_at"] = a.decided_at.substr(0, 10);
  row["back"] = back;
  return row;
}

model::AlignmentStatus crosswalk_decision(const std::string& value) {
  if (value == "confirmed" || value == "confirm")
    return model::AlignmentStatus::confirmed;
  if (value == "rejected" || value == "reject")
    return model::AlignmentStatus::rejected;
  if (value == "none")
    return model::AlignmentStatus::computed;
  throw Error(ErrorCode::invalid_argument,
              "decision must be confirmed, rejected or none, not '" + value + "'",
              {"", 0, "decision"});
}

void add_crosswalk_assets(Json& view) {
  view["page_css_url"] = web::asset_url("css/crosswalk.css");
  view["crosswalk_js_url"] = web::asset_url("js/crosswalk.js");
}

}  // namespace vakkaart::server
