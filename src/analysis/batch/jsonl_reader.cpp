#include "analysis/batch/jsonl_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vakkaart::analysis::batch {

namespace {

bool batch_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

}  // namespace

BatchJsonlReader::BatchJsonlReader(const std::string& path) : path_(path), buf_(kBatchReadChunk) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0)
    throw Error(errno == ENOENT ? ErrorCode::not_found : ErrorCode::io_error,
                "cannot open " + path + ": " + std::strerror(errno), {path, 0, ""});
}

BatchJsonlReader::~BatchJsonlReader() {
  ::close(fd_);
}

void BatchJsonlReader::seek(std::uint64_t offset, std::uint64_t line, std::uint64_t records) {
  if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0)
    throw batch_io_error("cannot seek in", path_);
  offset_ = offset;
  begin_ = end_ = 0;
  eof_ = false;
  line_ = line;
  records_ = records;
}

bool BatchJsonlReader::next(BatchRecord& r) {
  bool too_long = false;
  for (;;) {
    char* base = buf_.data();
    const void* nl = begin_ < end_ ? std::memchr(base + begin_, '\n', end_ - begin_) : nullptr;
    std::size_t stop;
    if (nl) {
      stop = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
    } else if (eof_) {
      if (begin_ == end_ && !too_long)
        return false;
      stop = end_;
    } else {
      if (begin_ > 0) {
        std::memmove(base, base + begin_, end_ - begin_);
        offset_ += begin_;
        end_ -= begin_;
        begin_ = 0;
      }
      if (end_ == buf_.size()) {
        if (buf_.size() < kBatchMaxLine) {
          buf_.resize(std::min(buf_.size() * 2, kBatchMaxLine));
        } else {
          too_long = true;  // drop what there is of the line and read on to its end
          offset_ += end_;
          end_ = 0;
        }
      }
      fill();
      continue;
    }
    ++line_;
    const bool first = offset_ + begin_ == 0;
    std::string_view text(base + begin_, stop - begin_);
    begin_ = nl ? stop + 1 : stop;
    if (first && text.starts_with("\xEF\xBB\xBF"))
      text.remove_prefix(3);
    if (!too_long && !text.empty() && text.back() == '\r')
      text.remove_suffix(1);
    if (!too_long && batch_blank(text))
      continue;
    ++records_;
    r.number = records_;
    r.line = line_;
    r.next_offset = offset_ + begin_;
    if (too_long) {
      r.error_code = "too_large";
      r.error =
          "the line is longer than " + std::to_string(kBatchMaxLine / kBatchMiB) + " MB; skipped";
    } else {
      r.data.assign(text);
    }
    return true;
  }
}

void BatchJsonlReader::fill() {
  for (;;) {
    const auto n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      throw batch_io_error("cannot read", path_);
    if (n == 0)
      eof_ = true;
    end_ += static_cast<std::size_t>(n);
    return;
  }
}

std::uint64_t batch_count_lines(const std::string& path, const std::atomic<bool>& stop) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  std::vector<char> buf(kBatchReadChunk);
  std::uint64_t count = 0;
  bool content = false, first = true;
  for (;;) {
    if (stop.load(std::memory_order_relaxed))
      break;
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    std::size_t i = 0;
    if (first && n >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0)
      i = 3;
    first = false;
    const auto size = static_cast<std::size_t>(n);
    while (i < size) {
      if (!content) {
        const char c = buf[i];
        if (c == '\n') {
          ++i;
          continue;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
          content = true;
        ++i;
        continue;
      }
      const void* nl = std::memchr(buf.data() + i, '\n', size - i);
      if (!nl)
        break;
      ++count;
      content = false;
      i = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
    }
  }
  ::close(fd);
  return count + (content ? 1 : 0);
}

}  // namespace vakkaart::analysis::batch
