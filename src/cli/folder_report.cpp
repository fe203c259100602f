#include "cli/folder_report.h"

#include <algorithm>
#include <ostream>

namespace vakkaart::cli {

namespace {

// What the row says after its result: the documents stored, or why not.
std::string folder_row_detail(const catalog::FolderEntry& e) {
  if (!e.detail.empty())
    return e.detail;
  std::string out;
  for (const auto& r : e.file.results) {
    if (!out.empty())
      out += ", ";
    out += r.kind + " " + r.id;
    if (r.outcome == store::PutOutcome::replaced)
      out += " (new version)";
  }
  return out;
}

// Padding by characters, not bytes (file names and reasons are Dutch).
std::string padded(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : s)
    chars += (c & 0xC0) != 0x80;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

}  // namespace

// Wide enough for the longest format name, "bk-dossier-export".
constexpr std::size_t kFormatWidth = 19;

void print_folder_report(std::ostream& out, const catalog::FolderReport& report, const Style& s) {
  std::size_t path_width = 4;
  for (const auto& e : report.entries)
    path_width = std::max(path_width, std::min<std::size_t>(e.path.size(), 60));
  out << s.bold(padded("FILE", path_width + 2) + padded("FORMAT", kFormatWidth) +
                padded("RESULT", 17) + "DETAIL")
      << "\n";
  for (const auto& e : report.entries) {
    const std::string result = catalog::to_string(e.status);
    std::string shown = padded(result, 17);
    if (e.status == catalog::FolderStatus::refused)
      shown = s.warn(shown);
    else if (e.status == catalog::FolderStatus::imported)
      shown = s.good(shown);
    out << padded(e.path, path_width + 2)
        << padded(e.format ? sources::to_string(*e.format) : "-", kFormatWidth) << shown
        << folder_row_detail(e) << "\n";
  }
  using catalog::FolderStatus;
  out << report.count(FolderStatus::imported) << " imported, "
      << report.count(FolderStatus::present) << " already present, "
      << report.count(FolderStatus::refused) << " refused, " << report.count(FolderStatus::skipped)
      << " skipped" << (report.dry_run ? " (dry run: nothing was written)" : "") << "\n";
}

vakkaart::Json folder_report_json(const catalog::FolderReport& report) {
  vakkaart::Json files = vakkaart::Json::array();
  for (const auto& e : report.entries) {
    vakkaart::Json docs = vakkaart::Json::array();
    for (const auto& r : e.file.results)
      docs.push_back({{"kind", r.kind}, {"id", r.id}});
    files.push_back({{"path", e.path},
                     {"format", e.format ? sources::to_string(*e.format) : ""},
                     {"result", catalog::to_string(e.status)},
                     {"detail", e.detail},
                     {"documents", docs}});
  }
  using catalog::FolderStatus;
  return {{"files", files},
          {"dry_run", report.dry_run},
          {"imported", report.count(FolderStatus::imported)},
          {"present", report.count(FolderStatus::present)},
          {"refused", report.count(FolderStatus::refused)},
          {"skipped", report.count(FolderStatus::skipped)}};
}

}  // namespace vakkaart::cli
