#include "sources/sociare_note.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "sources/sociare/cell_parser.h"
#include "text/text_utils.h"

namespace vakkaart::sources {
namespace {

using model::MainActivity;

/// The three rings the note draws, with the headings it uses for them.
struct KnownLayer {
  const char* heading;
  const char* id;
  const char* title;
};
constexpr KnownLayer kKnownLayers[] = {
    {"DE LERENDE PROFESSIONAL", "lerende-professional", "De lerende professional"},
    {"KERNACTIVITEITEN BEROEP", "kernactiviteiten", "Kernactiviteiten"},
    {"ONDERSTEUNENDE ACTIVITEITEN BEROEP", "ondersteunende-activiteiten",
     "Ondersteunende activiteiten"},
};
constexpr std::string_view kDefinitionHeading = "DEFINITIE BEROEP";

struct Row {
  int line = 0;
  std::string_view raw;
  std::vector<std::string_view> cells;  // trimmed

  std::string_view first() const { return cells.empty() ? std::string_view{} : cells[0]; }
  bool only_first_cell() const {
    return std::all_of(cells.begin() + (cells.empty() ? 0 : 1), cells.end(),
                       [](std::string_view c) { return c.empty(); });
  }
  int first_filled_column() const {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].empty())
        return static_cast<int>(i);
    }
    return -1;
  }
};

bool is_separator_row(const Row& row) {
  bool any = false;
  for (auto cell : row.cells) {
    if (cell.empty())
      continue;
    if (cell.find_first_not_of('-') != std::string_view::npos)
      return false;
    any = true;
  }
  return any;
}

bool is_bullet_line(std::string_view s) {
  return s.size() >= 2 && s[0] == '-' && s[1] == ' ';
}

bool is_heading_tag(std::string_view s) {
  return s.size() > 3 && s[0] == '<' && (s[1] == 'h' || s[1] == 'H') && s[2] >= '1' && s[2] <= '6';
}

/// A title line followed by "- " lines, as the note writes some cells of its second table.
struct PlainBlock {
  int line = 0;
  MainActivity main_activity;
};

class NoteParser {
 public:
  NoteParser(std::string_view text, const std::string& file_name) : file_(file_name) {
    int number = 0;
    for (auto raw : text::split(text, '\n')) {
      Row row{++number, raw, {}};
      for (auto cell : text::split(raw, '\t'))
        row.cells.push_back(text::trim(cell));
      rows_.push_back(std::move(row));
    }
  }

  ParseResult parse() {
    std::size_t i = 0;
    for (; i < rows_.size() && !is_table_header(i); ++i)
      read_preamble_row(rows_[i]);
    if (i == rows_.size()) {
      fail(0, "no profile table found (a row of upper-case profile names followed by \"" +
                  std::string(kDefinitionHeading) + "\")");
    }
    finish_framework_header();
    for (; i < rows_.size(); ++i) {
      if (is_table_header(i)) {
        end_table();
        start_table(rows_[i]);
      } else {
        read_table_row(i);
      }
    }
    end_table();
    return build();
  }

 private:
  // --- the lines before the first table: title and date ---------------------------------------

  void read_preamble_row(const Row& row) {
    const auto line = row.first();
    if (line.empty())
      return;
    if (expect_title_) {
      framework_.title = text::collapse_whitespace(line);
      expect_title_ = false;
    } else if (line == "NOTA" && framework_.title.empty()) {
      expect_title_ = true;
    } else if (text::starts_with(line, "Datum:") && framework_.date.empty()) {
      framework_.date = text::collapse_whitespace(line.substr(6));
    }
  }

  void finish_framework_header() {
    static const std::regex year(R"((19|20)\d\d)");
    std::smatch match;
    const std::string date = framework_.date;
    if (std::regex_search(date, match, year)) {
      framework_.id = "sociare-" + match.str();
    } else if (!framework_.title.empty()) {
      framework_.id = text::slugify(framework_.title);
      notes_.push_back({ReportNote::Kind::decision,
                        "no \"Datum:\" line with a year; framework id taken from the title",
                        {file_, 0, ""}});
    } else {
      framework_.id = "sociare";
      notes_.push_back({ReportNote::Kind::decision,
                        "no title and no date; framework id \"sociare\"",
                        {file_, 0, ""}});
    }
  }

  // --- tables ----------------------------------------------------------------------------------

  bool is_table_header(std::size_t i) const {
    const Row& row = rows_[i];
    if (row.first().empty() || row.first() == kDefinitionHeading || known_layer(row.first())) {
      return false;
    }
    for (auto cell : row.cells) {
      if (!cell.empty() && !text::is_upper_case_heading(cell))
        return false;
    }
    const Row* next = next_filled_row(i);
    return next != nullptr && next->first() == kDefinitionHeading;
  }

  const Row* next_filled_row(std::size_t i) const {
    for (std::size_t j = i + 1; j < rows_.size(); ++j) {
      if (rows_[j].first_filled_column() >= 0)
        return &rows_[j];
    }
    return nullptr;
  }

  static const KnownLayer* known_layer(std::string_view heading) {
    for (const auto& layer : kKnownLayers) {
      if (heading == layer.heading)
        return &layer;
    }
    return nullptr;
  }

  void start_table(const Row& header) {
    table_line_ = header.line;
    columns_.clear();
    layers_seen_.clear();
    for (auto cell : header.cells) {
      if (cell.empty())
        continue;
      model::Profile profile;
      profile.title = text::to_sentence_case(text::collapse_whitespace(cell));
      profile.id = text::slugify(profile.title);
      profile.framework_id = framework_.id;
      if (framework_.find_profile(profile.id) != nullptr) {
        fail(header.line, "profile \"" + profile.title + "\" appears in two tables");
      }
      columns_.push_back(framework_.profiles.size());
      framework_.profiles.push_back(std::move(profile));
      content_.emplace_back();
    }
    layer_id_.clear();
    cluster_id_.clear();
    expect_definition_ = false;
  }

  void end_table() {
    if (columns_.empty())
      return;
    flush_blocks(nullptr);
    for (const auto& layer : kKnownLayers) {
      if (std::find(layers_seen_.begin(), layers_seen_.end(), layer.id) == layers_seen_.end()) {
        fail(rows_.back().line, "the table of line " + std::to_string(table_line_) +
                                    " ends without the \"" + layer.heading +
                                    "\" part; is the document truncated?");
      }
    }
    for (std::size_t column : columns_) {
      if (framework_.profiles[column].definition.empty()) {
        notes_.push_back({ReportNote::Kind::warning,
                          "profile \"" + framework_.profiles[column].title + "\" has no definition",
                          {file_, table_line_, ""}});
      }
    }
    columns_.clear();
  }

  void read_table_row(std::size_t i) {
    const Row& row = rows_[i];
    if (row.first_filled_column() < 0 || is_separator_row(row))
      return;
    const auto first = row.first();
    if (row.only_first_cell() && first == kDefinitionHeading) {
      expect_definition_ = true;
      return;
    }
    if (row.only_first_cell() && text::is_upper_case_heading(first) && first[0] != '<') {
      start_layer(row);
      return;
    }
    if (row.only_first_cell() && is_heading_tag(first)) {
      start_cluster(row, sociare::strip_tags(first));
      return;
    }
    const bool html_row = std::any_of(row.cells.begin(), row.cells.end(),
                                      [](std::string_view c) { return !c.empty() && c[0] == '<'; });
    if (html_row) {
      if (expect_definition_) {
        read_definitions(row);
      } else {
        read_content_row(row);
      }
      return;
    }
    if (!row.only_first_cell()) {
      fail(row.line, "plain text in more than one column; expected HTML cells");
    }
    if (is_bullet_line(first)) {
      add_block_bullet(row);
      return;
    }
    const Row* next = next_filled_row(i);
    if (next != nullptr && next->only_first_cell() && is_bullet_line(next->first())) {
      blocks_.push_back({row.line, {text::collapse_whitespace(first), {}}});
    } else {
      start_cluster(row, text::collapse_whitespace(first));
    }
  }

  void start_layer(const Row& row) {
    flush_blocks(nullptr);
    const std::string heading = text::collapse_whitespace(row.first());
    const KnownLayer* known = known_layer(heading);
    model::Layer layer;
    if (known != nullptr) {
      layer = {known->id, known->title};
    } else {
      layer = {text::slugify(heading), text::to_sentence_case(heading)};
      notes_.push_back(
          {ReportNote::Kind::warning,
           "unknown ring heading \"" + heading + "\" kept as layer \"" + layer.id + "\"",
           {file_, row.line, ""}});
    }
    if (framework_.find_layer(layer.id) == nullptr)
      framework_.layers.push_back(layer);
    layers_seen_.push_back(layer.id);
    layer_id_ = layer.id;
    cluster_id_.clear();
    expect_definition_ = false;
  }

  void start_cluster(const Row& row, const std::string& title) {
    flush_blocks(nullptr);
    if (layer_id_.empty()) {
      fail(row.line, "cluster \"" + title + "\" before any ring heading such as \"" +
                         kKnownLayers[0].heading + "\"");
    }
    model::Cluster cluster{text::slugify(title), layer_id_, title};
    if (const auto* existing = framework_.find_cluster(cluster.id)) {
      if (existing->layer_id != layer_id_) {
        fail(row.line, "cluster \"" + title + "\" appears in two rings");
      }
    } else {
      framework_.clusters.push_back(cluster);
    }
    cluster_id_ = cluster.id;
  }

  void read_definitions(const Row& row) {
    expect_definition_ = false;
    check_columns(row);
    for (std::size_t c = 0; c < columns_.size() && c < row.cells.size(); ++c) {
      framework_.profiles[columns_[c]].definition = sociare::strip_tags(row.cells[c]);
    }
  }

  void check_columns(const Row& row) const {
    for (std::size_t c = columns_.size(); c < row.cells.size(); ++c) {
      if (!row.cells[c].empty()) {
        fail(row.line, "column " + std::to_string(c + 1) + " has text but the table has only " +
                           std::to_string(columns_.size()) + " profile columns");
      }
    }
  }

  std::vector<MainActivity>& cell_target(std::size_t column) {
    return content_[columns_[column]][cluster_id_];
  }

  void read_content_row(const Row& row) {
    if (cluster_id_.empty())
      fail(row.line, "activities before any cluster heading");
    check_columns(row);
    flush_blocks(&row);
    for (std::size_t c = 0; c < columns_.size() && c < row.cells.size(); ++c) {
      if (row.cells[c].empty())
        continue;
      auto cell = sociare::parse_cell(row.cells[c]);
      auto& target = cell_target(c);
      if (!cell.continuation.empty()) {
        if (target.empty())
          target.push_back({std::nullopt, {}});
        auto& activities = target.back().activities;
        activities.insert(activities.end(), cell.continuation.begin(), cell.continuation.end());
      }
      for (auto& main_activity : cell.main_activities)
        target.push_back(std::move(main_activity));
    }
  }

  void add_block_bullet(const Row& row) {
    if (cluster_id_.empty())
      fail(row.line, "a \"- \" item before any cluster heading");
    if (blocks_.empty()) {
      blocks_.push_back({row.line, {std::nullopt, {}}});
      notes_.push_back({ReportNote::Kind::warning,
                        "a \"- \" item without a title line; kept as an untitled main activity",
                        {file_, row.line, ""}});
    }
    blocks_.back().main_activity.activities.push_back(
        {text::collapse_whitespace(row.first().substr(2)), {}});
  }

  /// The ambiguous part of the layout: plain-text blocks carry no column. Rule: blocks go to the
  /// profile columns in order, one each. When a list continuing a cell follows in the same
  /// cluster and starts in column k, the blocks before it fill columns 1..k-1 and every
  /// remaining block belongs to column k (the list continues the last of them). See
  /// docs/formats/sociare-note.md.
  void flush_blocks(const Row* next_row) {
    if (blocks_.empty())
      return;
    const std::size_t columns = columns_.size();
    std::size_t last_column = columns - 1;
    bool continued = false;
    if (next_row != nullptr) {
      const int first = next_row->first_filled_column();
      if (first >= 0 &&
          text::starts_with(next_row->cells[static_cast<std::size_t>(first)], "<ul")) {
        last_column = std::min(static_cast<std::size_t>(first), columns - 1);
        continued = true;
      }
    }
    std::string decision = "cluster \"" + cluster_title() +
                           "\": " + std::to_string(blocks_.size()) +
                           " plain-text block(s) without columns";
    if (continued) {
      decision += ", followed in line " + std::to_string(next_row->line) +
                  " by a list continuing column " + std::to_string(last_column + 1);
    }
    decision += "; assigned";
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      const std::size_t column = std::min(b, last_column);
      cell_target(column).push_back(std::move(blocks_[b].main_activity));
      decision += (b == 0 ? " " : ", ") + std::string("line ") + std::to_string(blocks_[b].line) +
                  " to " + framework_.profiles[columns_[column]].title;
    }
    notes_.push_back({ReportNote::Kind::decision, decision, {file_, blocks_.front().line, ""}});
    blocks_.clear();
  }

  std::string cluster_title() const {
    const auto* cluster = framework_.find_cluster(cluster_id_);
    return cluster != nullptr ? cluster->title : cluster_id_;
  }

  // --- result ------------------------------------------------------------------------------------

  ParseResult build() {
    std::size_t activities = 0;
    for (std::size_t p = 0; p < framework_.profiles.size(); ++p) {
      auto& profile = framework_.profiles[p];
      for (const auto& cluster : framework_.clusters) {
        model::ProfileCluster pc{cluster.id, {}};
        auto found = content_[p].find(cluster.id);
        if (found != content_[p].end())
          pc.main_activities = std::move(found->second);
        for (const auto& ma : pc.main_activities)
          activities += ma.activities.size();
        profile.clusters.push_back(std::move(pc));
      }
    }
    notes_.insert(notes_.begin(), {ReportNote::Kind::info,
                                   "framework " + framework_.id + ": " +
                                       std::to_string(framework_.profiles.size()) + " profiles, " +
                                       std::to_string(framework_.layers.size()) + " rings, " +
                                       std::to_string(framework_.clusters.size()) + " clusters, " +
                                       std::to_string(activities) + " activities",
                                   {file_, 0, ""}});
    ParseResult result;
    result.documents.emplace_back(std::move(framework_));
    result.notes = std::move(notes_);
    return result;
  }

  [[noreturn]] void fail(int line, const std::string& message) const {
    throw Error(ErrorCode::parse_error, message, {file_, line, ""});
  }

  std::string file_;
  std::vector<Row> rows_;
  model::Framework framework_;
  std::vector<ReportNote> notes_;
  bool expect_title_ = false;

  int table_line_ = 0;
  std::vector<std::size_t> columns_;  // profile index per column of the current table
  std::vector<std::string> layers_seen_;
  std::string layer_id_;
  std::string cluster_id_;
  bool expect_definition_ = false;
  std::vector<PlainBlock> blocks_;
  // Per profile, per cluster id: main activities in source order.
  std::vector<std::map<std::string, std::vector<MainActivity>>> content_;
};

}  // namespace

bool looks_like_sociare_note(std::string_view text) {
  const auto definition = text.find(std::string("\n") + std::string(kDefinitionHeading));
  if (definition == std::string_view::npos)
    return false;
  const auto header_start = text.rfind('\n', definition - 1);
  const auto header = text::trim(
      text.substr(header_start == std::string_view::npos ? 0 : header_start + 1,
                  definition - (header_start == std::string_view::npos ? 0 : header_start + 1)));
  return !header.empty() && text::is_upper_case_heading(header);
}

ParseResult parse_sociare_note(std::string_view text, const std::string& file_name) {
  return NoteParser(text, file_name).parse();
}

}  // namespace vakkaart::sources
