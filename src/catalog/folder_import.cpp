#include "catalog/folder_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "sources/esco_csv.h"

namespace vakkaart::catalog {

namespace {

namespace fs = std::filesystem;

/// Thrown inside the transaction of a dry run so that the store rolls back what it wrote.
struct DryRunRollback {};

bool hidden_part(const fs::path& relative) {
  for (const auto& part : relative)
    if (!part.empty() && part.native().front() == '.')
      return true;
  return false;
}

std::vector<std::string> files_under(const std::string& dir, std::size_t max_files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorCode::not_found, "not a folder", {dir, 0, ""});
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path relative = fs::relative(it->path(), dir, ec);
    if (hidden_part(relative)) {
      if (it->is_directory())
        it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file())
      continue;
    if (out.size() == max_files)
      throw Error(ErrorCode::invalid_argument,
                  "more than " + std::to_string(max_files) + " files: import a smaller folder",
                  {dir, 0, ""});
    out.push_back(it->path().string());
  }
  if (ec)
    throw Error(ErrorCode::io_error, "cannot read the folder: " + ec.message(), {dir, 0, ""});
  std::sort(out.begin(), out.end());
  return out;
}

bool all_unchanged(const FileImport& file) {
  return std::all_of(file.results.begin(), file.results.end(), [](const store::PutResult& r) {
    return r.outcome == store::PutOutcome::unchanged;
  });
}

/// A .csv file whose header row is one of ESCO's (or any .csv when ESCO is forced): these are
/// imported together, as one framework.
bool folder_esco_file(const std::string& path, std::optional<sources::Format> forced) {
  if (path.size() < 4 || path.compare(path.size() - 4, 4, ".csv") != 0)
    return false;
  if (forced)
    return forced == sources::Format::esco_csv;
  std::ifstream in(path, std::ios::binary);
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return sources::looks_like_esco_csv(head);
}

std::string where_text(const Error& e) {
  std::string out;
  if (e.where().line > 0)
    out += "line " + std::to_string(e.where().line) + ": ";
  if (!e.where().field.empty())
    out += e.where().field + ": ";
  return out + e.message();
}

}  // namespace

const char* to_string(FolderStatus status) {
  switch (status) {
    case FolderStatus::imported:
      return "imported";
    case FolderStatus::present:
      return "already present";
    case FolderStatus::refused:
      return "refused";
    case FolderStatus::skipped:
      return "skipped";
  }
  return "";
}

std::size_t FolderReport::count(FolderStatus status) const {
  return static_cast<std::size_t>(std::count_if(
      entries.begin(), entries.end(), [&](const FolderEntry& e) { return e.status == status; }));
}

ImportReport import_files_checked(store::Store& store, const std::vector<std::string>& paths,
                                  std::optional<sources::Format> forced, bool dry_run,
                                  const ImportProgress& progress) {
  if (!dry_run)
    return import_files(store, paths, forced, progress);
  ImportReport report;
  try {
    store.in_transaction([&] {
      report = import_files(store, paths, forced, progress);
      throw DryRunRollback{};
    });
  } catch (const DryRunRollback&) {
    // Rolled back: the report says what the import would have done.
  }
  return report;
}

FolderReport import_folder(store::Store& store, const std::string& dir,
                           const FolderImportOptions& options, const ImportProgress& progress) {
  FolderReport report;
  report.dry_run = options.dry_run;
  const auto all = files_under(dir, options.max_files);
  if (all.empty())
    throw Error(ErrorCode::invalid_argument, "the folder holds no file to import", {dir, 0, ""});
  // Every file is one entry, except ESCO's CSV files: they make one framework together, so
  // they are one entry (one transaction), named by the first of them.
  std::vector<std::vector<std::string>> entries;
  std::optional<std::size_t> esco_entry;
  for (const auto& path : all) {
    if (folder_esco_file(path, options.forced)) {
      if (!esco_entry) {
        esco_entry = entries.size();
        entries.push_back({});
      }
      entries[*esco_entry].push_back(path);
    } else {
      entries.push_back({path});
    }
  }
  std::vector<std::string> paths;
  for (const auto& e : entries)
    paths.push_back(e.size() == 1 ? e.front()
                                  : e.front() + " (and " + std::to_string(e.size() - 1) +
                                        " more ESCO files)");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    FolderEntry entry;
    entry.path = paths[i];
    try {
      auto one = import_files_checked(store, entries[i], options.forced, options.dry_run);
      entry.file = std::move(one.files.at(0));
      entry.format = entry.file.format;
      entry.status = all_unchanged(entry.file) ? FolderStatus::present : FolderStatus::imported;
    } catch (const Error& e) {
      // Not one of our layouts at all is no fault of the file; anything else is a refusal.
      entry.status =
          e.code() == ErrorCode::unsupported_format ? FolderStatus::skipped : FolderStatus::refused;
      entry.detail = e.code() == ErrorCode::unsupported_format ? "not a document vakkaart reads"
                                                               : where_text(e);
    }
    report.entries.push_back(std::move(entry));
    if (progress)
      progress(i + 1, paths.size(), paths[i]);
  }
  return report;
}

}  // namespace vakkaart::catalog
