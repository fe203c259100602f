#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <zip.h>

// A ZIP archive read from memory with the limits a job-text reader needs against zip bombs.
// The limits are checked twice: on the central directory before anything is inflated, and again
// while inflating (the directory can lie), reading in chunks and stopping at the cap.
namespace vakkaart::analysis::input_detail {

/// The caps on a zipped document (DOCX). docs: README "Reading job texts".
struct ZipLimits {
  /// All entries together, uncompressed (directory sizes, and bytes actually inflated).
  std::uint64_t max_total_bytes = std::uint64_t{64} * 1024 * 1024;
  /// Entries in the directory.
  std::uint64_t max_entries = 10'000;
  /// Uncompressed : compressed, for any entry above `ratio_floor_bytes` uncompressed.
  std::uint64_t max_ratio = 100;
  std::uint64_t ratio_floor_bytes = std::uint64_t{1024} * 1024;
};

class ZipArchive {
 public:
  /// Opens `bytes` (which must outlive the archive) and checks the directory against `limits`.
  /// Throws Error naming `file_name`: parse_error for a damaged archive, too_large for one
  /// beyond the limits.
  ZipArchive(std::string_view bytes, const std::string& file_name, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// True if the archive holds an entry of that name.
  bool contains(const std::string& name) const;

  /// The inflated entry, or nullopt if there is none. Throws too_large when inflating it would
  /// pass a limit (whatever the directory says), parse_error when it cannot be inflated.
  std::optional<std::string> read(const std::string& name);

 private:
  struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  [[noreturn]] void refuse(const std::string& why) const;

  std::unique_ptr<zip_t, ZipDiscard> zip_;
  std::string file_name_;
  ZipLimits limits_;
  std::uint64_t inflated_ = 0;  // bytes inflated so far, all entries
};

}  // namespace vakkaart::analysis::input_detail
