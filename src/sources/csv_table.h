#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::sources {

/// One record of a CSV file: its fields and the line it starts on (1-based; a quoted field
/// may span several lines).
struct CsvRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// A CSV file read as a header row and records.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  /// The index of a header column, or npos.
  std::size_t column(std::string_view name) const;
};

/// What a CSV reader accepts at most.
struct CsvLimits {
  std::size_t max_rows = 500000;
  std::size_t max_fields = 64;  // per record
};

/// Reads RFC 4180 CSV (comma-separated, "-quoted fields with "" for a quote, line breaks inside
/// quoted fields, CRLF or LF; a UTF-8 byte order mark is skipped) through libcsv in strict
/// mode. Field text is kept exactly (no trimming). The first record is the header; blank
/// lines are skipped. Errors (Error(parse_error) or too_large) name the file, the line and the
/// column: a quote inside an unquoted field, text after a closing quote, an unterminated
/// quoted field, a record with more fields than the header, more rows or fields than
/// `limits` allows.
CsvTable read_csv(std::string_view text, const std::string& file_name,
                  const CsvLimits& limits = {});

/// The header row only (up to the first line break outside quotes), for format detection;
/// empty when the text does not start with a parsable record.
std::vector<std::string> csv_header(std::string_view text);

}  // namespace vakkaart::sources
