#include "sources/source_file.h"

#include <filesystem>
#include <fstream>
#include <istream>
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

Error source_too_large(const std::string& path, const std::string& what, std::size_t max_bytes) {
  return Error(ErrorCode::too_large,
               what + "; the largest source accepted is " + megabytes(max_bytes), {path, 0, ""});
}

/// Everything `in` holds, up to max_bytes (more is refused): read until the end rather than
/// trusting the size the file system reported (`expected`, which only reserves room).
std::string read_to_end(std::istream& in, const std::string& path, std::size_t expected,
                        std::size_t max_bytes) {
  std::string bytes;
  bytes.reserve(expected);
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes)
      throw source_too_large(path, "the file is larger than " + megabytes(max_bytes), max_bytes);
  }
  if (in.bad())
    throw Error(ErrorCode::io_error, "could not read the whole file", {path, 0, ""});
  return bytes;
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
  // The size a regular file reports refuses a big one before reading it; the read below is
  // capped as well, for files whose size says nothing (procfs reports 0, a pipe has none).
  std::uintmax_t size = 0;
  if (fs::is_regular_file(status)) {
    size = fs::file_size(path, ec);
    if (ec)
      throw Error(ErrorCode::io_error, "cannot read the file size: " + ec.message(), {path, 0, ""});
    if (size > max_bytes)
      throw source_too_large(path, "the file is " + megabytes(size), max_bytes);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::io_error, "cannot open the file for reading", {path, 0, ""});
  std::string bytes = read_to_end(in, path, static_cast<std::size_t>(size), max_bytes);
  // A workbook (XLSX) is a zip: it is kept as its bytes, and its reader decodes cell by cell.
  // So is a file that claims to be one, so that a damaged workbook is called that.
  if (!bytes.empty() && claims_xlsx(bytes, path))
    return {std::move(bytes), {}};
  return decode_source_bytes(std::move(bytes), path);
}

}  // namespace vakkaart::sources
