#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vakkaart::analysis::batch {

/// One step of a directory walk: a supported file, or a directory that could not be listed.
struct BatchDirEntry {
  std::filesystem::path path;
  std::string rel;    // relative to the input, '/'-separated, UTF-8
  std::string error;  // a directory that could not be listed
};

/// Walks a directory depth first, each directory's entries in byte order of their names, so
/// the order is the same on every run and every file system; hidden entries, symbolic links to
/// directories, unsupported files and `exclude` (the report directory) are skipped. Holds one
/// listing per level of the current path, never the whole tree.
class BatchDirWalker {
 public:
  BatchDirWalker(const std::filesystem::path& root, std::filesystem::path exclude);

  /// The next file (or unlistable directory); false at the end.
  bool next(BatchDirEntry& out);

 private:
  struct Entry {
    std::filesystem::path raw;
    std::string name;
    bool dir = false;
  };
  struct Level {
    std::filesystem::path dir;
    std::string rel;
    std::vector<Entry> entries;
    std::size_t next = 0;
  };

  void push(const std::filesystem::path& dir, const std::string& rel);

  std::filesystem::path exclude_;
  std::vector<Level> stack_;
  std::filesystem::path pending_dir_;
  std::string pending_rel_, pending_error_;
};

}  // namespace vakkaart::analysis::batch
