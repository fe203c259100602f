#include <filesystem>
#include <iostream>

#include "catalog/folder_import.h"
#include "catalog/import_service.h"
#include "cli/commands.h"
#include "cli/folder_report.h"
#include "cli/progress.h"
#include "core/error.h"
#include "core/json.h"
#include "search/search_service.h"

namespace vakkaart::cli {

namespace {

const char* outcome_name(store::PutOutcome o) {
  switch (o) {
    case store::PutOutcome::created:
      return "created";
    case store::PutOutcome::unchanged:
      return "unchanged (already stored)";
    case store::PutOutcome::replaced:
      return "replaced the stored version";
  }
  return "";
}

vakkaart::Json report_json(const catalog::ImportReport& report) {
  vakkaart::Json files = vakkaart::Json::array();
  for (const auto& f : report.files) {
    vakkaart::Json notes = vakkaart::Json::array();
    for (const auto& n : f.notes)
      notes.push_back({{"kind", sources::to_string(n.kind)},
                       {"message", n.message},
                       {"line", n.where.line},
                       {"field", n.where.field}});
    vakkaart::Json docs = vakkaart::Json::array();
    for (const auto& r : f.results)
      docs.push_back({{"kind", r.kind},
                      {"id", r.id},
                      {"outcome", r.outcome == store::PutOutcome::created     ? "created"
                                  : r.outcome == store::PutOutcome::unchanged ? "unchanged"
                                                                              : "replaced"},
                      {"notes", r.notes}});
    files.push_back({{"path", f.path},
                     {"format", sources::to_string(f.format)},
                     {"documents", docs},
                     {"notes", notes}});
  }
  return {{"files", files}};
}

void print_report(const catalog::ImportReport& report, const Context& ctx) {
  Style s{ctx.color};
  for (const auto& f : report.files) {
    std::cout << s.bold(f.path) << "  "
              << s.dim(std::string("(") + sources::to_string(f.format) + ")") << "\n";
    for (const auto& r : f.results) {
      std::cout << "  " << r.kind << " " << s.accent(r.id) << ": "
                << s.good(outcome_name(r.outcome)) << "\n";
      for (const auto& n : r.notes)
        std::cout << "    " << n << "\n";
    }
    for (const auto& n : f.notes) {
      std::string label = sources::to_string(n.kind);
      if (n.kind == sources::ReportNote::Kind::warning)
        label = s.warn(label);
      std::cout << "  " << label << ": ";
      if (n.where.line > 0)
        std::cout << "line " << n.where.line << ": ";
      if (!n.where.field.empty())
        std::cout << n.where.field << ": ";
      std::cout << n.message << "\n";
    }
  }
}

// Keeps the search index in step with what was imported (a no-op when nothing changed). The
// index is derived data: the import is committed whatever happens here, and a stale index is
// rebuilt from the store by the next search, so a failure is a warning, not a failed import.
void refresh_index(store::Store& store, const Context& ctx) {
  try {
    search::open_fresh_index(store, search::index_dir_for(ctx.db_path),
                             index_progress(ctx.stderr_tty));
  } catch (const Error& e) {
    std::cerr << "vakkaart: warning: the search index was not updated (the next search "
                 "rebuilds it): "
              << e.what() << "\n";
  }
}

// A folder: one transaction per file, a summary table, a non-zero exit when a file was refused
// (skipped files, which are no source document at all, are not a failure).
void import_folder_command(store::Store& store, const Context& ctx, const std::string& dir,
                           std::optional<sources::Format> forced,
                           const catalog::ImportProgress& progress, bool dry_run, bool as_json) {
  catalog::FolderImportOptions options;
  options.forced = forced;
  options.dry_run = dry_run;
  auto report = catalog::import_folder(store, dir, options, progress);
  if (!options.dry_run && report.count(catalog::FolderStatus::imported) > 0)
    refresh_index(store, ctx);
  if (as_json)
    std::cout << vakkaart::dump_canonical(folder_report_json(report));
  else
    print_folder_report(std::cout, report, Style{ctx.color});
  const auto refused = report.count(catalog::FolderStatus::refused);
  if (refused > 0)
    throw Error(ErrorCode::unsupported_format,
                std::to_string(refused) + " of " + std::to_string(report.entries.size()) +
                    " files refused (see the table)",
                {dir, 0, ""});
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("import", "Import source documents (all or nothing) and report");
  static std::vector<std::string> files;
  static std::string format_name;
  static bool as_json = false;
  static bool dry_run = false;
  cmd->add_option(
         "files", files,
         "Source files (sociare-note, akov-bk, a CASE CFPackage, ESCO CSV files or canonical "
         "JSON), or "
         "one folder: every "
         "file in it that vakkaart recognises, one transaction per file")
      ->required();
  cmd->add_option("--format", format_name,
                  "Force a format: sociare-note | akov-bk | json | case | esco | csv | xlsx | "
                  "bk-decree-annex | bk-dossier-export");
  cmd->add_flag("--json", as_json, "Print the import report as JSON");
  cmd->add_flag("--dry-run", dry_run, "Read, check and compare with the store; write nothing");
  cmd->callback([&ctx] {
    std::optional<sources::Format> forced;
    if (!format_name.empty()) {
      forced = sources::format_from_name(format_name);
      if (!forced)
        throw Error(ErrorCode::invalid_argument,
                    "unknown format '" + format_name +
                        "' (sociare-note, akov-bk, json, case, esco, csv, xlsx, bk-decree-annex, "
                        "bk-dossier-export)",
                    {"", 0, "--format"});
    }
    auto store = ctx.open_store(store::OpenMode::read_write);
    catalog::ImportProgress progress;
    const bool folder = std::filesystem::is_directory(files.front());
    if (ctx.stderr_tty && (files.size() > 1 || folder)) {
      progress = [](size_t done, size_t total, const std::string& path) {
        std::cerr << "\r\033[K[" << done << "/" << total << "] " << path << std::flush;
        if (done == total)
          std::cerr << "\r\033[K" << std::flush;
      };
    }
    if (folder) {
      if (files.size() > 1)
        throw Error(ErrorCode::invalid_argument,
                    "import a folder on its own, not with other files or folders",
                    {files.front(), 0, ""});
      import_folder_command(*store, ctx, files.front(), forced, progress, dry_run, as_json);
      return;
    }
    auto report = catalog::import_files_checked(*store, files, forced, dry_run, progress);
    // Keep the search index in step with what was imported (a no-op when nothing changed). The
    // index is derived data: the import is committed whatever happens here, and a stale index
    // is rebuilt from the store by the next search, so a failure is a warning, not a failed import.
    if (!dry_run)
      refresh_index(*store, ctx);
    if (as_json) {
      std::cout << vakkaart::dump_canonical(report_json(report));
    } else {
      print_report(report, ctx);
    }
  });
}

}  // namespace vakkaart::cli
