#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The largest source document we accept; real ones are under 100 kB.
inline constexpr std::size_t kMaxSourceBytes = std::size_t{16} * 1024 * 1024;

/// A source document as text the parsers can read, and what was done to get there.
struct SourceText {
  std::string text;  // UTF-8, NFC, LF line endings, no BOM
  std::vector<ReportNote> notes;
};

/// Reads a source file. Errors (vakkaart::Error naming the file): missing (not_found), a
/// directory (invalid_argument), larger than max_bytes (too_large), empty or binary
/// (encoding_error). Text that is not UTF-8 is read as Windows-1252 and a note says so. An XLSX
/// workbook is returned as its bytes (its reader decodes each cell).
SourceText read_source_file(const std::string& path, std::size_t max_bytes = kMaxSourceBytes);

/// The same checks and conversions for bytes that did not come from a file (uploads, tests).
SourceText decode_source_bytes(std::string bytes, const std::string& name);

}  // namespace vakkaart::sources
