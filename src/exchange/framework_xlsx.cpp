#include "exchange/framework_xlsx.h"

#include <xlsxwriter.h>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "text/utf8.h"

namespace vakkaart::exchange {

namespace {

/// A temporary file that is removed when it goes out of scope (libxlsxwriter 1.1 writes files
/// only).
struct XlsxTempFile {
  std::string path;
  XlsxTempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vakkaart-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0)
      throw Error(ErrorCode::io_error, "cannot make a temporary file for the XLSX workbook");
    close(fd);
    path = pattern;
  }
  ~XlsxTempFile() { std::remove(path.c_str()); }
};

void xlsx_check(lxw_error e, std::size_t row) {
  if (e == LXW_NO_ERROR)
    return;
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    throw Error(ErrorCode::too_large, "a text over the 32,767 characters an XLSX cell holds",
                {"", static_cast<int>(row + 1), ""});
  throw Error(ErrorCode::internal, std::string("writing the XLSX workbook: ") + lxw_strerror(e));
}

}  // namespace

std::string rows_to_xlsx(const std::vector<sources::SheetRow>& rows) {
  XlsxTempFile file;
  lxw_workbook* workbook = workbook_new(file.path.c_str());
  if (!workbook)
    throw Error(ErrorCode::internal, "cannot start the XLSX workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "vakkaart");
  lxw_format* text = workbook_add_format(workbook);
  format_set_num_format(text, "@");
  worksheet_set_column(sheet, 0, 0, 48, nullptr);
  worksheet_set_column(sheet, 1, 1, 14, nullptr);
  worksheet_set_column(sheet, 4, 4, 90, nullptr);
  const std::vector<std::string> languages = sheet_languages(rows);
  const auto header = sheet_header(languages);
  for (std::size_t c = sources::sheet_columns().size(); c < header.size(); ++c)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 90, nullptr);
  lxw_error failed = LXW_NO_ERROR;
  std::size_t failed_row = 0;
  for (std::size_t c = 0; c < header.size() && !failed; ++c)
    failed = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), text);
  for (std::size_t r = 0; r < rows.size() && !failed; ++r) {
    const std::vector<std::string> cells = sheet_cells(rows[r], languages);
    for (std::size_t c = 0; c < cells.size() && !failed; ++c) {
      if (cells[c].empty())
        continue;
      // XML cannot carry some characters a source may hold (text/utf8.h); Excel would refuse
      // the whole file for one of them.
      const std::string cell = text::without_forbidden_characters(cells[c]);
      failed = worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1),
                                      static_cast<lxw_col_t>(c), cell.c_str(), text);
      failed_row = r + 1;
    }
  }
  lxw_error closed = workbook_close(workbook);
  xlsx_check(failed, failed_row);
  xlsx_check(closed, 0);
  std::ifstream in(file.path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace vakkaart::exchange
