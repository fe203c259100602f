#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::sources {

/// What the XLSX reader accepts at most.
struct XlsxLimits {
  std::size_t max_part_bytes = 64u << 20;  // each unzipped part read (sheet, shared strings)
  std::size_t max_entries = 10000;         // entries of the zip
  std::size_t max_rows = 500000;
  std::size_t max_columns = 64;  // a cell further right is an error
  std::size_t max_cells = 4000000;
};

/// One row of the first worksheet: its number (1-based, as the sheet says) and its cells as
/// text, column A first; a missing cell is empty.
struct XlsxRow {
  std::size_t number = 0;
  std::vector<std::string> cells;
};

/// True when the bytes are a zip with an xl/workbook.xml (an OOXML workbook).
bool looks_like_xlsx(std::string_view bytes);

/// True when the bytes are meant as a workbook, whole or not: they start as a zip does, or
/// the file is named *.xlsx. Such a file is read as a workbook (its reader then says what is
/// wrong with it: "not an XLSX workbook: …"), never as text, where a damaged one would only
/// be "binary data".
bool claims_xlsx(std::string_view bytes, std::string_view file_name);

/// Reads the first worksheet of an XLSX workbook (libzip + pugixml): shared strings, inline
/// strings, formula results and numbers as their text; Excel's _xHHHH_ escapes decoded. Rows
/// without any text are left out. Errors (Error(parse_error) or too_large) name the file, the
/// part ("xl/worksheets/sheet1.xml") and the row or cell ("cell C7").
std::vector<XlsxRow> read_xlsx_first_sheet(std::string_view bytes, const std::string& file_name,
                                           const XlsxLimits& limits = {});

}  // namespace vakkaart::sources
