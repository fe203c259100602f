#include "cli/output_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace vakkaart::cli {

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out)
      throw Error(ErrorCode::io_error, "cannot write the file", {path, 0, ""});
    out << content;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw Error(ErrorCode::io_error, "writing failed", {path, 0, ""});
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    throw Error(ErrorCode::io_error, "cannot write the file: " + ec.message(), {path, 0, ""});
  }
}

}  // namespace vakkaart::cli
