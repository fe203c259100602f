#include "analysis/batch/common.h"

#include <cerrno>
#include <cstdio>

namespace vakkaart::analysis::batch {

std::string batch_hex64(std::uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
  return buffer;
}

Error batch_io_error(const std::string& what, const std::string& path) {
  return Error(ErrorCode::io_error, what + " " + path + ": " + std::strerror(errno), {path, 0, ""});
}

std::int64_t batch_mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

}  // namespace vakkaart::analysis::batch
