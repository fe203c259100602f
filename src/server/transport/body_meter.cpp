#include "server/transport/body_meter.h"

#include <algorithm>
#include <limits>

#include "text/text_utils.h"

namespace vakkaart::server::transport {

namespace {

// A chunk size line is a hex number and maybe an extension; nobody needs a kilobyte for that.
constexpr std::size_t kMaxChunkLine = 1024;

}  // namespace

BodyMeter::BodyMeter(Framing framing, std::uint64_t content_length, std::size_t max_body_bytes)
    : framing_(framing), length_(content_length), max_(max_body_bytes) {}

std::uint64_t BodyMeter::allowance() const {
  switch (framing_) {
    case Framing::none:
      return 0;
    case Framing::length:
      return length_ - read_;
    case Framing::chunked:
      return chunk_ == Chunk::done || malformed_ ? 0 : std::numeric_limits<std::uint64_t>::max();
  }
  return 0;
}

bool BodyMeter::complete() const {
  switch (framing_) {
    case Framing::none:
      return true;
    case Framing::length:
      return read_ == length_;
    case Framing::chunked:
      return chunk_ == Chunk::done;
  }
  return false;
}

BodyMeter::Verdict BodyMeter::feed(const char* data, std::size_t n) {
  if (framing_ != Framing::chunked) {
    read_ += n;
    data_ += n;
    return read_ > length_ ? Verdict::malformed : Verdict::ok;
  }
  for (std::size_t i = 0; i < n;) {
    if (malformed_)
      return Verdict::malformed;
    if (chunk_ == Chunk::data) {
      // Chunk data passes in runs, not byte by byte.
      const auto run = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_left_, n - i));
      chunk_left_ -= run;
      data_ += run;
      i += run;
      if (chunk_left_ == 0)
        chunk_ = Chunk::data_end;
      continue;
    }
    const Verdict v = feed_chunked(data[i++]);
    if (v != Verdict::ok)
      return v;
  }
  return malformed_ ? Verdict::malformed : Verdict::ok;
}

BodyMeter::Verdict BodyMeter::feed_chunked(char c) {
  switch (chunk_) {
    case Chunk::size_line: {
      if (++line_bytes_ > kMaxChunkLine) {
        malformed_ = true;
        return Verdict::malformed;
      }
      if (c == '\n') {
        if (!size_digits_) {
          malformed_ = true;
          return Verdict::malformed;
        }
        chunk_ = chunk_left_ == 0 ? Chunk::last_end : Chunk::data;
        line_bytes_ = 0;
        size_digits_ = in_extension_ = false;
        return Verdict::ok;
      }
      const int v = in_extension_ ? -1 : text::hex_digit_value(c);
      if (v < 0) {
        in_extension_ = true;  // ";name=value", or the CR before the LF
        return Verdict::ok;
      }
      size_digits_ = true;
      chunk_left_ = chunk_left_ * 16 + static_cast<std::uint64_t>(v);
      // Refused when the size is read, before any of its data is: a chunk announced as 1 GB
      // costs nothing.
      if (chunk_left_ > max_ || data_ + chunk_left_ > max_)
        return Verdict::too_large;
      return Verdict::ok;
    }
    case Chunk::data_end:
    case Chunk::last_end:
      // "\r\n" after each chunk's data, and after the last (empty) chunk: no trailer fields,
      // which the HTTP library does not read either.
      if (line_bytes_ == 0 && c == '\r') {
        line_bytes_ = 1;
        return Verdict::ok;
      }
      if (line_bytes_ == 1 && c == '\n') {
        chunk_ = chunk_ == Chunk::last_end ? Chunk::done : Chunk::size_line;
        line_bytes_ = 0;
        return Verdict::ok;
      }
      malformed_ = true;
      return Verdict::malformed;
    case Chunk::data:
    case Chunk::done:
      break;
  }
  malformed_ = true;  // a byte after the body ended
  return Verdict::malformed;
}

}  // namespace vakkaart::server::transport
