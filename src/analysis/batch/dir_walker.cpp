#include "analysis/batch/dir_walker.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <system_error>

#include "text/utf8.h"

namespace vakkaart::analysis::batch {

namespace fs = std::filesystem;

namespace {

/// The file's name as UTF-8: bytes that are not are replaced by '?', so every output stays
/// valid JSON and CSV.
std::string batch_utf8_name(std::string name) {
  if (text::is_valid_utf8(name))
    return name;
  for (auto& c : name) {
    if (static_cast<unsigned char>(c) >= 0x80)
      c = '?';
  }
  return name;
}

/// Extensions of the files a directory input reads.
bool batch_supported_file(const fs::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty())
    return false;
  for (auto& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kSupported[] = {".txt",   ".text", ".md",   ".markdown",
                                           ".mdown", ".mkd",  ".html", ".htm",
                                           ".xhtml", ".docx", ".pdf"};
  return std::any_of(std::begin(kSupported), std::end(kSupported),
                     [&](const char* s) { return ext == s; });
}

}  // namespace

BatchDirWalker::BatchDirWalker(const fs::path& root, fs::path exclude)
    : exclude_(std::move(exclude)) {
  push(root, "");
}

bool BatchDirWalker::next(BatchDirEntry& out) {
  if (!pending_error_.empty()) {
    out = {pending_dir_, pending_rel_, pending_error_};
    pending_error_.clear();
    return true;
  }
  while (!stack_.empty()) {
    auto& level = stack_.back();
    if (level.next == level.entries.size()) {
      stack_.pop_back();
      continue;
    }
    const auto entry = level.entries[level.next++];
    const std::string rel = level.rel.empty() ? entry.name : level.rel + "/" + entry.name;
    const fs::path path = level.dir / entry.raw;
    if (entry.dir) {
      push(path, rel);
      if (!pending_error_.empty()) {
        out = {pending_dir_, pending_rel_, pending_error_};
        pending_error_.clear();
        return true;
      }
      continue;
    }
    out = {path, rel, ""};
    return true;
  }
  return false;
}

void BatchDirWalker::push(const fs::path& dir, const std::string& rel) {
  Level level{dir, rel, {}, 0};
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& e = *it;
    const std::string raw = e.path().filename().string();
    if (raw.empty() || raw[0] == '.')
      continue;
    std::error_code sec;
    const auto link = e.symlink_status(sec);
    if (sec)
      continue;
    if (fs::is_directory(link)) {
      std::error_code xec;
      if (!exclude_.empty() && fs::equivalent(e.path(), exclude_, xec))
        continue;
      level.entries.push_back({e.path().filename(), batch_utf8_name(raw), true});
    } else if (fs::is_regular_file(e.status(sec)) && !sec && batch_supported_file(e.path())) {
      level.entries.push_back({e.path().filename(), batch_utf8_name(raw), false});
    }
  }
  if (ec) {
    pending_dir_ = dir;
    pending_rel_ = rel.empty() ? "." : rel;
    pending_error_ = "cannot list the directory: " + ec.message();
    return;
  }
  std::sort(level.entries.begin(), level.entries.end(),
            [](const Entry& a, const Entry& b) { return a.raw.native() < b.raw.native(); });
  stack_.push_back(std::move(level));
}

}  // namespace vakkaart::analysis::batch
