#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vakkaart::analysis::batch {

/// An output file written through a buffer; `size` counts what is buffered too.
class BatchOutput {
 public:
  /// Fresh: truncated and started with `header`. Resumed: cut back to `size` bytes.
  BatchOutput(const std::string& path, bool fresh, std::uint64_t size, std::string_view header);
  ~BatchOutput();
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  void append(std::string_view s) {
    buf_ += s;
    size_ += s.size();
    if (buf_.size() >= (1 << 20))
      flush();
  }
  void flush();
  /// Flushed and on disk: a checkpoint may then name this size.
  void sync();
  std::uint64_t size() const { return size_; }

 private:
  std::string path_;
  int fd_ = -1;
  std::string buf_;
  std::uint64_t size_ = 0;
};

/// Writes `bytes` to `path` through a temporary file in the same directory, synced, then
/// renamed over it: a reader sees the old file or the new one, never half of one.
void write_batch_file(const std::string& path, std::string_view bytes);

}  // namespace vakkaart::analysis::batch
