#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalog/import_service.h"
#include "sources/format.h"
#include "store/store.h"

namespace vakkaart::catalog {

/// What became of one file of a folder.
enum class FolderStatus {
  imported,  // stored: something was created or replaced
  present,   // every document in it was stored already, exactly so
  refused,   // read or parsed with an error (named in `detail`), or the store refused it
  skipped,   // not a document vakkaart reads (a README, an image …)
};

const char* to_string(FolderStatus status);

struct FolderEntry {
  std::string path;
  FolderStatus status = FolderStatus::skipped;
  std::optional<sources::Format> format;  // when recognised
  std::string detail;                     // the reason of a refusal or skip
  FileImport file;                        // documents and notes, when read
};

struct FolderReport {
  std::vector<FolderEntry> entries;  // in path order
  bool dry_run = false;
  std::size_t count(FolderStatus status) const;
};

struct FolderImportOptions {
  std::optional<sources::Format> forced;
  /// Reads, parses and compares with the store as a real import would, then writes nothing.
  bool dry_run = false;
  /// A folder of more files than this is refused before any is read (a mistyped path such as /).
  std::size_t max_files = 10'000;
};

/// Imports every file under `dir` (sub-folders too; hidden files and folders left out) that
/// vakkaart recognises, one transaction per file, so that one bad file costs only itself.
/// Error(not_found / invalid_argument) when `dir` is no folder or holds too many files.
FolderReport import_folder(store::Store& store, const std::string& dir,
                           const FolderImportOptions& options = {},
                           const ImportProgress& progress = {});

/// The files of `paths` as one transaction (import_files), or with `dry_run` read and compared
/// with the store without writing.
ImportReport import_files_checked(store::Store& store, const std::vector<std::string>& paths,
                                  std::optional<sources::Format> forced, bool dry_run,
                                  const ImportProgress& progress = {});

}  // namespace vakkaart::catalog
