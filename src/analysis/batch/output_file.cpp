#include "analysis/batch/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "analysis/batch/common.h"
#include "core/error.h"

namespace vakkaart::analysis::batch {

BatchOutput::BatchOutput(const std::string& path, bool fresh, std::uint64_t size,
                         std::string_view header)
    : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (fresh ? O_TRUNC : 0), 0644);
  if (fd_ < 0)
    throw batch_io_error("cannot write", path);
  if (fresh) {
    size_ = 0;
    append(header);
    return;
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0)
    throw batch_io_error("cannot read", path);
  if (static_cast<std::uint64_t>(st.st_size) < size) {
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorCode::conflict,
                path + " is shorter than the checkpoint says (" + std::to_string(st.st_size) +
                    " < " + std::to_string(size) + " bytes); start over with --restart",
                {path, 0, ""});
  }
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0 ||
      ::lseek(fd_, static_cast<off_t>(size), SEEK_SET) < 0)
    throw batch_io_error("cannot truncate", path);
  size_ = size;
}

BatchOutput::~BatchOutput() {
  if (fd_ >= 0)
    ::close(fd_);
}

void BatchOutput::flush() {
  std::size_t done = 0;
  while (done < buf_.size()) {
    const auto n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      throw batch_io_error("cannot write", path_);
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

void BatchOutput::sync() {
  flush();
  if (::fdatasync(fd_) != 0)
    throw batch_io_error("cannot sync", path_);
}

void write_batch_file(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(err),
                  {path, 0, ""});
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0)
    throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw Error(ErrorCode::io_error, "cannot rename " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
}

}  // namespace vakkaart::analysis::batch
