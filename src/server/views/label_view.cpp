#include "server/views/label_view.h"

#include "model/framework_labels.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// Sets `json[field]` to the text shown (model::shown_text) and `json[lang_field]` to its language.
void show(Json& json, const char* field, const char* lang_field, const model::Labels& labels,
          const std::string& lang) {
  if (json[field].is_null()) {
    json[lang_field] = "nl";
    return;
  }
  model::ShownText shown = model::shown_text(labels, lang, json[field].get<std::string>());
  json[field] = std::move(shown.text);
  json[lang_field] = std::move(shown.lang);
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

model::ShownText shown_layer_title(const model::Layer& layer, const PageLangs& langs) {
  model::ShownText shown = model::shown_text(layer.labels, langs.labels, layer.title);
  if (shown.lang == "nl") {
    std::string own = web::layer_title(layer.id, layer.title, langs.ui);
    if (own != layer.title)
      shown = {std::move(own), langs.ui};
  }
  return shown;
}

model::ShownText shown_item_title(const compare::Item& item, const std::string& lang) {
  return item.profile ? model::shown_text(item.profile->profile.title_labels, lang, item.info.title)
                      : model::ShownText{item.info.title, "nl"};
}

CompareLangs show_compare_labels(compare::Comparison& comparison,
                                 const std::vector<compare::Item>& items,
                                 const PageLangs& page_langs) {
  const std::string& lang = page_langs.labels;
  CompareLangs langs;
  for (std::size_t i = 0; i < comparison.items.size(); ++i) {
    model::ShownText shown = i < items.size()
                                 ? shown_item_title(items[i], lang)
                                 : model::ShownText{comparison.items[i].info.title, "nl"};
    comparison.items[i].info.title = shown.text;
    langs.items.push_back(shown.lang);
  }
  for (auto& group : comparison.groups) {
    std::string shown_lang = page_langs.ui;  // the built-in group titles are the page's own words
    if (group.kind == compare::GroupKind::cluster) {
      shown_lang = "nl";
      for (const auto& item : items) {
        const model::Cluster* cluster =
            item.profile && item.profile->framework.id == group.framework_id
                ? item.profile->framework.find_cluster(group.id)
                : nullptr;
        if (!cluster)
          continue;
        model::ShownText shown = model::shown_text(cluster->labels, lang, cluster->title);
        group.title = group.title_en = shown.text;
        shown_lang = shown.lang;
        break;
      }
    }
    langs.groups.push_back(shown_lang);
  }
  return langs;
}

model::ShownText compared_text(const compare::Item& item, const std::string& dutch,
                               const std::string& lang) {
  const model::Labels* labels =
      item.profile ? model::profile_text_labels(item.profile->profile, dutch) : nullptr;
  return labels ? model::shown_text(*labels, lang, dutch) : model::ShownText{dutch, "nl"};
}

}  // namespace vakkaart::server
