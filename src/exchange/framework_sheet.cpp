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

void csv_field(std::string& out, const std::string& field) {
  bool quote = field.find_first_of(",\"\r\n") != std::string::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
}

void csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i)
      out += ',';
    csv_field(out, fields[i]);
  }
  out += "\r\n";
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

std::vector<std::string> sheet_languages(const std::vector<sources::SheetRow>& rows) {
  std::vector<std::string> languages;
  for (const std::string& language : model::label_languages())
    for (const sources::SheetRow& row : rows)
      if (row.labels.count(language)) {
        languages.push_back(language);
        break;
      }
  return languages;
}

std::vector<std::string> sheet_header(const std::vector<std::string>& languages) {
  std::vector<std::string> header = sources::sheet_columns();
  for (const std::string& language : languages)
    header.push_back(sources::sheet_label_column(language));
  return header;
}

std::vector<std::string> sheet_cells(const sources::SheetRow& row,
                                     const std::vector<std::string>& languages) {
  std::vector<std::string> cells = {row.path, row.kind, row.provenance, row.weight, row.wording};
  for (const std::string& language : languages) {
    auto it = row.labels.find(language);
    cells.push_back(it == row.labels.end() ? "" : it->second);
  }
  return cells;
}

std::string rows_to_csv(const std::vector<sources::SheetRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  const std::vector<std::string> languages = sheet_languages(rows);
  csv_record(out, sheet_header(languages));
  for (const sources::SheetRow& row : rows)
    csv_record(out, sheet_cells(row, languages));
  return out;
}

}  // namespace vakkaart::exchange
