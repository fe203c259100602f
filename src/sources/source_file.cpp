#include "sources/source_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "sources/xlsx_sheet.h"
#include "text/decode.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

std::string megabytes(std::uintmax_t bytes) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
  return out.str();
}

}  // namespace

SourceText decode_source_bytes(std::string bytes, const std::string& name) {
  // Sources are converted from Windows-1252 and the report says so (see text/decode.h).
  text::DecodedText decoded = text::decode_text(bytes, name, {.allow_windows_1252 = true});
  SourceText out;
  out.text = std::move(decoded.text);
  if (decoded.converted_from_windows_1252)
    out.notes.push_back({ReportNote::Kind::warning,
                         "not valid UTF-8: read as Windows-1252 (Latin-1) and converted",
                         {name, 0, ""}});
  if (text::trim(out.text).empty())
    throw Error(ErrorCode::encoding_error, "the file is empty", {name, 0, ""});
  return out;
}

SourceText read_source_file(const std::string& path, std::size_t max_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw Error(ErrorCode::not_found, "no such file", {path, 0, ""});
  if (fs::is_directory(status))
    throw Error(ErrorCode::invalid_argument, "is a directory, not a source document",
                {path, 0, ""});
  auto size = fs::file_size(path, ec);
  if (ec)
    throw Error(ErrorCode::io_error, "cannot read the file size: " + ec.message(), {path, 0, ""});
  if (size > max_bytes)
    throw Error(ErrorCode::too_large,
                "the file is " + megabytes(size) + "; the largest source accepted is " +
                    megabytes(max_bytes),
                {path, 0, ""});
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::io_error, "cannot open the file for reading", {path, 0, ""});
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size)
    throw Error(ErrorCode::io_error, "could not read the whole file", {path, 0, ""});
  // A workbook (XLSX) is a zip: it is kept as its bytes, and its reader decodes cell by cell.
  // So is a file that claims to be one, so that a damaged workbook is called that.
  if (!bytes.empty() && claims_xlsx(bytes, path))
    return {std::move(bytes), {}};
  return decode_source_bytes(std::move(bytes), path);
}

}  // namespace vakkaart::sources
