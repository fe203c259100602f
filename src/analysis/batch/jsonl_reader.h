#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/batch/common.h"

namespace vakkaart::analysis::batch {

/// Reads a JSONL file record by record (non-blank lines) through one buffer: a line is copied
/// once, into its record; a line too long to accept is skipped without being held.
class BatchJsonlReader {
 public:
  /// Opens the file; Error not_found or io_error when it cannot.
  explicit BatchJsonlReader(const std::string& path);
  ~BatchJsonlReader();
  BatchJsonlReader(const BatchJsonlReader&) = delete;
  BatchJsonlReader& operator=(const BatchJsonlReader&) = delete;

  /// Continues after a checkpoint: `offset` is where record `records` + 1 starts (or blank lines
  /// before it), on line `line` + 1.
  void seek(std::uint64_t offset, std::uint64_t line, std::uint64_t records);

  /// The next record (a non-blank line, or a too-long line as an error); false at the end.
  bool next(BatchRecord& r);

 private:
  void fill();

  std::string path_;
  int fd_ = -1;
  std::vector<char> buf_;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t offset_ = 0;  // file offset of buf_[0]
  bool eof_ = false;
  std::uint64_t line_ = 0;
  std::uint64_t records_ = 0;
};

/// Non-blank lines of a JSONL file, counted the way BatchJsonlReader reads them; stops early
/// (with a partial count) once `stop` is set.
std::uint64_t batch_count_lines(const std::string& path, const std::atomic<bool>& stop);

}  // namespace vakkaart::analysis::batch
