#include "sources/source_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

std::string megabytes(std::uintmax_t bytes) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
  return out.str();
}

/// Binary data has NUL bytes or many control characters; text has neither.
bool looks_binary(const std::string& bytes) {
  size_t sample = std::min<size_t>(bytes.size(), size_t{64} * 1024);
  size_t control = 0;
  for (size_t i = 0; i < sample; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0)
      return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
      ++control;
  }
  return sample > 0 && control * 100 > sample;
}

}  // namespace

SourceText decode_source_bytes(std::string bytes, const std::string& name) {
  SourceText out;
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    throw Error(ErrorCode::encoding_error, "UTF-16 text is not supported: save it as UTF-8",
                {name, 1, ""});
  if (looks_binary(bytes))
    throw Error(ErrorCode::encoding_error, "binary data, not a text document", {name, 0, ""});
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.erase(0, 3);
  if (!text::is_valid_utf8(bytes)) {
    bytes = text::windows1252_to_utf8(bytes);
    out.notes.push_back({ReportNote::Kind::warning,
                         "not valid UTF-8: read as Windows-1252 (Latin-1) and converted",
                         {name, 0, ""}});
  }
  std::string lf;
  lf.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
        continue;
      lf.push_back('\n');  // old Mac line ending
    } else {
      lf.push_back(bytes[i]);
    }
  }
  out.text = text::nfc(lf);
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
  return decode_source_bytes(std::move(bytes), path);
}

}  // namespace vakkaart::sources
