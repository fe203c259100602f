#include "sources/framework_sheet.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "sources/csv_table.h"

namespace vakkaart::sources {

namespace {

/// A 1-based position written the canonical way ("3", not "03" or "+3"); 0 otherwise.
std::size_t sheet_position(const std::string& part) {
  if (part.empty() || part.size() > 6 || part[0] == '0' ||
      part.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoul(part);
}

/// Reads rows in order into a framework, so each row's parent is already there.
class SheetReader {
 public:
  SheetReader(const std::string& file_name, bool cells, std::vector<std::string> columns)
      : file_(file_name), cells_(cells), columns_(std::move(columns)) {}

  void add(const SheetRow& row) {
    row_ = &row;
    if (!seen_.insert(row.kind + "\n" + row.path).second)
      fail("a second " + row.kind + " row for the path \"" + row.path + "\"", "path");
    if (!started_ && row.kind != "framework")
      fail("the first row must be the framework's (kind \"framework\"), not \"" + row.kind + "\"" +
               (row.kind == "function" ? " (a function's sheet: vakkaart function import)" : ""),
           "kind");
    if (row.kind == "framework")
      add_framework(row);
    else if (row.kind == "date")
      framework_.date = same_framework(row).wording;
    else if (row.kind == "layer")
      add_layer(row);
    else if (row.kind == "cluster")
      add_cluster(row);
    else if (row.kind == "profile")
      add_profile(row);
    else if (row.kind == "definition")
      add_definition(row);
    else if (row.kind == "main_activity")
      add_main_activity(row);
    else if (row.kind == "activity" || row.kind == "sub_activity")
      add_activity(row);
    else
      fail("an unknown kind \"" + row.kind +
               "\" (framework, date, layer, cluster, profile, definition, main_activity, "
               "activity or sub_activity)",
           "kind");
    if (!row.weight.empty())
      fail("a framework's rows carry no weight", "weight");
    if (!row.labels.empty() && row.kind == "date")
      fail("a date row has no translations", sheet_label_column(row.labels.begin()->first));
  }

  model::Framework finish() {
    if (!started_)
      throw Error(ErrorCode::parse_error, "a spreadsheet without rows", {file_, 1, ""});
    return std::move(framework_);
  }

 private:
  /// Names the column ("column kind"), or in a workbook the cell too ("cell B7 (kind)").
  [[noreturn]] void fail(const std::string& message, const std::string& column) const {
    throw Error(
        ErrorCode::parse_error, message,
        {file_, static_cast<int>(row_->line), sheet_field(columns_, column, row_->line, cells_)});
  }

  std::vector<std::string> split(const std::string& path) const {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      auto slash = path.find('/', start);
      parts.push_back(path.substr(start, slash - start));
      if (parts.back().empty())
        fail("an empty part in the path \"" + path + "\"", "path");
      // Ids end up in URLs and file names: letters, digits, '-', '_' and '.' only.
      if (parts.back().find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_.") != std::string::npos)
        fail("the path \"" + path +
                 "\" has a character other than a letter, digit, '-', '_' "
                 "or '.' (outside the '/' between its parts)",
             "path");
      if (slash == std::string::npos)
        return parts;
      start = slash + 1;
    }
  }

  /// A 1-based position that must come right after the `count` already read.
  void expect_next(const std::string& part, std::size_t count) const {
    std::string want = std::to_string(count + 1);
    if (part != want)
      fail("the path \"" + row_->path + "\" skips or repeats a position: expected " + want +
               " where it says " + part,
           "path");
  }

  void parts_expected(const std::vector<std::string>& parts, std::size_t n,
                      const char* shape) const {
    if (parts.size() != n)
      fail("a " + row_->kind + " path is " + shape + ", not \"" + row_->path + "\"", "path");
  }

  const SheetRow& same_framework(const SheetRow& row) const {
    if (row.path != framework_.id)
      fail("the path of a " + row.kind + " row is the framework id \"" + framework_.id + "\"",
           "path");
    return row;
  }

  void add_framework(const SheetRow& row) {
    if (started_)
      fail("a second framework row: a spreadsheet holds one framework", "kind");
    parts_expected(split(row.path), 1, "the framework id");
    if (row.wording.empty())
      fail("the framework row has no title", "wording");
    started_ = true;
    framework_.id = row.path;
    framework_.title = row.wording;
    framework_.title_labels = row.labels;
  }

  void add_layer(const SheetRow& row) {
    parts_expected(split(row.path), 1, "the layer id");
    if (!framework_.profiles.empty())
      fail("a layer after the profiles: layers and clusters come first", "kind");
    framework_.layers.push_back({row.path, row.wording, row.labels});
  }

  void add_cluster(const SheetRow& row) {
    auto parts = split(row.path);
    parts_expected(parts, 2, "layer-id/cluster-id");
    if (!framework_.find_layer(parts[0]))
      fail("the cluster's layer \"" + parts[0] + "\" has no layer row before it", "path");
    if (!framework_.profiles.empty())
      fail("a cluster after the profiles: layers and clusters come first", "kind");
    framework_.clusters.push_back({parts[1], parts[0], row.wording, row.labels});
  }

  void add_profile(const SheetRow& row) {
    parts_expected(split(row.path), 1, "the profile id");
    model::Profile p;
    p.id = row.path;
    p.title = row.wording;
    p.title_labels = row.labels;
    p.framework_id = framework_.id;
    for (const model::Cluster& c : framework_.clusters)
      p.clusters.push_back({c.id, {}});
    framework_.profiles.push_back(std::move(p));
  }

  void add_definition(const SheetRow& row) {
    model::Profile& profile = profile_at(row.path);
    profile.definition = row.wording;
    profile.definition_labels = row.labels;
  }

  model::Profile& profile_at(const std::string& id) {
    for (model::Profile& p : framework_.profiles)
      if (p.id == id)
        return p;
    fail("the profile \"" + id + "\" has no profile row before it", "path");
  }

  model::ProfileCluster& cluster_at(const std::string& profile, const std::string& cluster) {
    for (model::ProfileCluster& c : profile_at(profile).clusters)
      if (c.cluster_id == cluster)
        return c;
    fail("the framework has no cluster \"" + cluster + "\"", "path");
  }

  void add_main_activity(const SheetRow& row) {
    auto parts = split(row.path);
    parts_expected(parts, 3, "profile-id/cluster-id/number");
    auto& cluster = cluster_at(parts[0], parts[1]);
    expect_next(parts[2], cluster.main_activities.size());
    model::MainActivity m;
    if (!row.wording.empty())
      m.title = row.wording;
    m.title_labels = row.labels;
    cluster.main_activities.push_back(std::move(m));
  }

  void add_activity(const SheetRow& row) {
    auto parts = split(row.path);
    if (parts.size() < 4)
      fail("an activity path is profile-id/cluster-id/main/activity[/sub...], not \"" + row.path +
               "\"",
           "path");
    bool sub = parts.size() > 4;
    if (sub != (row.kind == "sub_activity"))
      fail(sub ? "a path this deep is a sub_activity" : "a path this short is an activity", "kind");
    auto& cluster = cluster_at(parts[0], parts[1]);
    std::size_t main = sheet_position(parts[2]);
    if (main == 0 || main > cluster.main_activities.size())
      fail("the main activity " + parts[2] + " has no main_activity row before it", "path");
    std::vector<model::Activity>* level = &cluster.main_activities[main - 1].activities;
    for (std::size_t i = 3; i + 1 < parts.size(); ++i) {
      std::size_t n = sheet_position(parts[i]);
      if (n == 0 || n > level->size())
        fail("the activity \"" + parts[i] + "\" in \"" + row.path + "\" has no row before it",
             "path");
      level = &(*level)[n - 1].children;
    }
    expect_next(parts.back(), level->size());
    level->push_back({row.wording, {}, row.labels});
  }

  std::string file_;
  bool cells_ = false;
  std::vector<std::string> columns_;  // the header as read, for naming a cell
  const SheetRow* row_ = nullptr;
  bool started_ = false;
  model::Framework framework_;
  std::set<std::string> seen_;
};

}  // namespace

bool looks_like_framework_csv(std::string_view text) {
  return sheet_header_languages(csv_header(text)).has_value();
}

ParseResult parse_framework_rows(const std::vector<SheetRow>& rows, const std::string& file_name,
                                 bool cells) {
  std::vector<std::string> columns = sheet_columns();
  for (const std::string& language : model::label_languages())
    columns.push_back(sheet_label_column(language));
  SheetReader reader(file_name, cells, columns);
  for (const SheetRow& row : rows)
    reader.add(row);
  model::Framework framework = reader.finish();
  ParseResult result;
  std::size_t statements = rows.size();
  result.notes.push_back({ReportNote::Kind::info,
                          std::to_string(framework.profiles.size()) + " profiles, " +
                              std::to_string(framework.clusters.size()) + " clusters, " +
                              std::to_string(statements) + " rows",
                          {file_name, 0, ""}});
  result.documents.emplace_back(std::move(framework));
  return result;
}

ParseResult parse_framework_csv(std::string_view text, const std::string& file_name) {
  return parse_framework_rows(read_sheet_csv(text, file_name), file_name);
}

ParseResult parse_framework_xlsx(std::string_view bytes, const std::string& file_name) {
  return parse_framework_rows(read_sheet_xlsx(bytes, file_name), file_name, true);
}

}  // namespace vakkaart::sources
