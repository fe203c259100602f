#include "exchange/framework_sheet.h"

namespace vakkaart::exchange {

namespace {

void sheet_activities(std::vector<sources::SheetRow>& rows, const std::string& path,
                      const std::vector<model::Activity>& activities, bool sub) {
  for (std::size_t i = 0; i < activities.size(); ++i) {
    std::string here = path + "/" + std::to_string(i + 1);
    rows.push_back({here, sub ? "sub_activity" : "activity", "", "", activities[i].text, 0,
                    activities[i].labels});
    sheet_activities(rows, here, activities[i].children, true);
  }
}

}  // namespace

std::vector<sources::SheetRow> framework_to_rows(const model::Framework& framework) {
  std::vector<sources::SheetRow> rows;
  rows.push_back({framework.id, "framework", "", "", framework.title, 0, framework.title_labels});
  if (!framework.date.empty())
    rows.push_back({framework.id, "date", "", "", framework.date, 0});
  for (const model::Layer& layer : framework.layers)
    rows.push_back({layer.id, "layer", "", "", layer.title, 0, layer.labels});
  for (const model::Cluster& cluster : framework.clusters)
    rows.push_back(
        {cluster.layer_id + "/" + cluster.id, "cluster", "", "", cluster.title, 0, cluster.labels});
  for (const model::Profile& profile : framework.profiles) {
    rows.push_back({profile.id, "profile", "", "", profile.title, 0, profile.title_labels});
    rows.push_back(
        {profile.id, "definition", "", "", profile.definition, 0, profile.definition_labels});
    for (const model::ProfileCluster& cluster : profile.clusters) {
      for (std::size_t m = 0; m < cluster.main_activities.size(); ++m) {
        const model::MainActivity& main = cluster.main_activities[m];
        std::string path = profile.id + "/" + cluster.cluster_id + "/" + std::to_string(m + 1);
        rows.push_back(
            {path, "main_activity", "", "", main.title.value_or(""), 0, main.title_labels});
        sheet_activities(rows, path, main.activities, false);
      }
    }
  }
  return rows;
}

}  // namespace vakkaart::exchange
