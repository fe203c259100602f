#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sources/format.h"
#include "sources/parse_result.h"
#include "store/store.h"

namespace vakkaart::catalog {

/// What importing one file did.
struct FileImport {
  std::string path;
  sources::Format format = sources::Format::json;
  std::vector<sources::ReportNote> notes;  // from reading and parsing
  std::vector<store::PutResult> results;   // one per document in the file
};

struct ImportReport {
  std::vector<FileImport> files;
};

/// Called after each file is parsed: (done, total, path).
using ImportProgress = std::function<void(size_t, size_t, const std::string&)>;

/// Reads, parses and stores the files as one transaction: if any file fails to read or parse,
/// or the store refuses, a vakkaart::Error naming the file (and line) is thrown and nothing is
/// written. `forced` skips format detection.
ImportReport import_files(store::Store& store, const std::vector<std::string>& paths,
                          std::optional<sources::Format> forced = std::nullopt,
                          const ImportProgress& progress = {});

}  // namespace vakkaart::catalog
