#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "analysis/batch/common.h"
#include "analysis/batch/dir_walker.h"
#include "analysis/batch/jsonl_reader.h"

namespace vakkaart::analysis::batch {

/// Reads records from either kind of input: the lines of a JSONL file, or the files of a
/// directory (each read whole, with a running hash of the names, sizes and mtimes done so far,
/// which a checkpoint keeps to notice a changed directory).
class BatchSource {
 public:
  BatchSource(const std::string& input, bool dir, const std::filesystem::path& exclude);

  void seek_jsonl(std::uint64_t offset, std::uint64_t line, std::uint64_t records) {
    jsonl_->seek(offset, line, records);
  }

  /// Skips the first `records` files of a directory, checking they are the ones the checkpoint
  /// saw: the hash of their names, sizes and mtimes must be `expected`.
  void skip_dir(std::uint64_t records, std::uint64_t expected, const std::string& input);

  /// The next record; `read` false only walks (for skipping).
  bool next(BatchRecord& r, bool read = true);

 private:
  bool dir_;
  std::unique_ptr<BatchDirWalker> walker_;
  std::unique_ptr<BatchJsonlReader> jsonl_;
  std::uint64_t records_ = 0;
  BatchHash hash_;
};

}  // namespace vakkaart::analysis::batch
