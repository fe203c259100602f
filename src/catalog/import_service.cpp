#include "catalog/import_service.h"

#include <algorithm>
#include <variant>

#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "exchange/sheet_changes.h"
#include "sources/esco_csv.h"
#include "sources/source_file.h"
#include "sources/typo_lint.h"

namespace vakkaart::catalog {

namespace {

/// Gives every profile one entry per framework cluster, in the framework's order.
void align_clusters(const model::Framework& f, model::Profile& p) {
  std::vector<model::ProfileCluster> aligned;
  for (const auto& cluster : f.clusters) {
    model::ProfileCluster entry{cluster.id, {}};
    for (auto& own : p.clusters) {
      if (own.cluster_id == cluster.id)
        entry.main_activities = std::move(own.main_activities);
    }
    aligned.push_back(std::move(entry));
  }
  p.clusters = std::move(aligned);
}

/// A framework rebuilt from loose profiles (canonical JSON of single profiles) has no title of
/// its own. When the store already holds that framework, the loose profiles are merged into it:
/// they replace the stored profiles with the same id and every other stored profile is kept, so
/// importing one exported profile never drops its siblings.
void complete_framework(store::Store& store, model::Framework& f, FileImport& file) {
  if (!f.title.empty())
    return;
  auto stored = store.find_framework(f.id);
  if (!stored) {
    f.title = f.id;
    return;
  }
  model::Framework merged = std::move(*stored);
  for (const auto& cluster : f.clusters) {
    if (merged.find_cluster(cluster.id) == nullptr) {
      if (merged.find_layer(cluster.layer_id) == nullptr) {
        merged.layers.push_back({cluster.layer_id, cluster.layer_id});
      }
      merged.clusters.push_back(cluster);
    }
  }
  for (auto& profile : f.profiles) {
    auto same = std::find_if(merged.profiles.begin(), merged.profiles.end(),
                             [&](const model::Profile& p) { return p.id == profile.id; });
    if (same != merged.profiles.end()) {
      *same = std::move(profile);
    } else {
      merged.profiles.push_back(std::move(profile));
    }
  }
  for (auto& profile : merged.profiles)
    align_clusters(merged, profile);
  file.notes.push_back({sources::ReportNote::Kind::decision,
                        "loose profile(s) merged into the stored framework '" + merged.id +
                            "'; its other profiles are kept",
                        {file.path, 0, ""}});
  f = std::move(merged);
}

/// A spreadsheet replacing a stored framework: the report says which rows it changes, adds
/// and removes (each listed up to a cap, then counted).
void report_sheet_changes(store::Store& store, const model::Framework& f, FileImport& file) {
  if (file.format != sources::Format::sheet_csv && file.format != sources::Format::sheet_xlsx)
    return;
  auto stored = store.find_framework(f.id);
  if (!stored)
    return;
  auto changes = exchange::compare_sheet_rows(exchange::framework_to_rows(*stored),
                                              exchange::framework_to_rows(f));
  std::size_t counts[3] = {0, 0, 0};
  constexpr std::size_t kListed = 500;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    ++counts[static_cast<int>(c.kind)];
    if (i >= kListed)
      continue;
    std::string what = std::string(exchange::to_string(c.kind)) + " " + c.row_kind + " " + c.path +
                       (c.language.empty() ? "" : " (" + c.language + ")");
    if (c.kind == exchange::SheetChange::Kind::changed)
      what += ": \"" + c.before + "\" -> \"" + c.after + "\"";
    else
      what += ": \"" + (c.after.empty() ? c.before : c.after) + "\"";
    file.notes.push_back({sources::ReportNote::Kind::info, what, {file.path, 0, c.path}});
  }
  file.notes.push_back(
      {sources::ReportNote::Kind::decision,
       "against the stored framework '" + f.id + "': " + std::to_string(counts[0]) +
           " wording(s) changed, " + std::to_string(counts[1]) + " row(s) added, " +
           std::to_string(counts[2]) + " removed" +
           (changes.size() > kListed ? " (the first " + std::to_string(kListed) + " listed)" : ""),
       {file.path, 0, ""}});
}

}  // namespace

ImportReport import_files(store::Store& store, const std::vector<std::string>& paths,
                          std::optional<sources::Format> forced, const ImportProgress& progress) {
  if (paths.empty())
    throw Error(ErrorCode::invalid_argument, "no files to import");
  ImportReport report;
  std::vector<model::Document> documents;
  std::vector<size_t> owner;  // documents[i] came from report.files[owner[i]]
  // ESCO's files make one framework together (skills, occupations and their relations): they
  // are read as they come and parsed as one set, reported on the first of them.
  std::vector<sources::EscoFile> esco;
  std::optional<size_t> esco_report;
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto& path = paths[i];
    FileImport file;
    file.path = path;
    // ESCO's files and spreadsheets may be larger than a document.
    const bool csv = (path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0) ||
                     (path.size() >= 5 && path.compare(path.size() - 5, 5, ".xlsx") == 0);
    sources::SourceText source = sources::read_source_file(
        path, forced == sources::Format::esco_csv || csv ? sources::esco_max_file_bytes
                                                         : sources::kMaxSourceBytes);
    file.notes = std::move(source.notes);
    file.format = forced ? *forced : sources::detect_format(source.text, path);
    if (file.format == sources::Format::esco_csv) {
      esco.push_back({path, std::move(source.text)});
      if (!esco_report)
        esco_report = report.files.size();
      report.files.push_back(std::move(file));
      if (progress)
        progress(i + 1, paths.size(), path);
      continue;
    }
    sources::ParseResult parsed = sources::parse_document(source.text, file.format, path);
    file.notes.insert(file.notes.end(), parsed.notes.begin(), parsed.notes.end());
    std::vector<std::string> texts;
    for (const auto& doc : parsed.documents) {
      for (const auto t : model::statement_texts(doc))
        texts.emplace_back(t);
    }
    auto lint = sources::lint_typos(texts, path);
    file.notes.insert(file.notes.end(), lint.begin(), lint.end());
    for (auto& doc : parsed.documents) {
      if (auto* f = std::get_if<model::Framework>(&doc)) {
        complete_framework(store, *f, file);
        report_sheet_changes(store, *f, file);
      }
      documents.push_back(std::move(doc));
      owner.push_back(report.files.size());
    }
    report.files.push_back(std::move(file));
    if (progress)
      progress(i + 1, paths.size(), path);
  }
  if (!esco.empty()) {
    sources::ParseResult parsed = sources::parse_esco_files(esco);
    auto& file = report.files[*esco_report];
    file.notes.insert(file.notes.end(), parsed.notes.begin(), parsed.notes.end());
    for (auto& doc : parsed.documents) {
      documents.push_back(std::move(doc));
      owner.push_back(*esco_report);
    }
  }
  std::vector<store::PutResult> results = store.put_documents(documents);
  for (size_t i = 0; i < results.size(); ++i)
    report.files[owner[i]].results.push_back(std::move(results[i]));
  return report;
}

}  // namespace vakkaart::catalog
