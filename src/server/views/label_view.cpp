#include "server/views/label_view.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// Sets `json[field]` to the label in `lang` when there is one and `json[lang_field]` to the
/// language shown.
void show(Json& json, const char* field, const char* lang_field, const model::Labels& labels,
          const std::string& lang) {
  auto it = labels.find(lang);
  if (it != labels.end() && !json[field].is_null())
    json[field] = it->second;
  json[lang_field] = it != labels.end() ? lang : "nl";
}

void show_activities(Json& json, const std::vector<model::Activity>& activities,
                     const std::string& lang) {
  for (std::size_t i = 0; i < activities.size() && i < json.size(); ++i) {
    show(json[i], "text", "lang", activities[i].labels, lang);
    if (json[i].contains("children"))
      show_activities(json[i]["children"], activities[i].children, lang);
  }
}

}  // namespace

void show_labels(Json& p, const model::Framework& framework, const model::Profile& profile,
                 const std::string& lang) {
  show(p, "title", "title_lang", profile.title_labels, lang);
  show(p, "definition", "definition_lang", profile.definition_labels, lang);
  for (std::size_t i = 0; i < framework.clusters.size() && i < p["clusters"].size(); ++i) {
    const model::Cluster& cluster = framework.clusters[i];
    Json& c = p["clusters"][i];
    show(c, "title", "title_lang", cluster.labels, lang);
    for (const model::ProfileCluster& pc : profile.clusters) {
      if (pc.cluster_id != cluster.id)
        continue;
      for (std::size_t m = 0; m < pc.main_activities.size() && m < c["main_activities"].size();
           ++m) {
        Json& ma = c["main_activities"][m];
        show(ma, "title", "title_lang", pc.main_activities[m].title_labels, lang);
        show_activities(ma["activities"], pc.main_activities[m].activities, lang);
      }
    }
  }
}

}  // namespace vakkaart::server
