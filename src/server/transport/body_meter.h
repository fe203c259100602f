#pragma once

#include <cstddef>
#include <cstdint>

#include "server/transport/request_head.h"

namespace vakkaart::server::transport {

/// Follows a request body as its bytes pass from the connection to the HTTP library, without
/// keeping them: it says how many more bytes belong to the body, counts the data of a chunked
/// body (its framing decoded on the fly) against the body limit, and tells when the body has
/// ended. The library itself would read a chunked body of any size into memory; this is what
/// stops it at the limit.
class BodyMeter {
 public:
  enum class Verdict { ok, too_large, malformed };

  BodyMeter(Framing framing, std::uint64_t content_length, std::size_t max_body_bytes);

  /// At most how many bytes the library may still read for this body: the rest of a
  /// Content-Length, 0 once a body (or a request without one) has ended, and for a chunked
  /// body as many as it asks for until its last chunk has passed.
  std::uint64_t allowance() const;
  /// Takes the next bytes of the body as the library reads them.
  Verdict feed(const char* data, std::size_t n);
  /// Whether the whole body has been read (so the connection is at the next request).
  bool complete() const;
  /// Body data so far (chunk framing not counted).
  std::uint64_t data_bytes() const { return data_; }

 private:
  // Where a chunked body is: in a size line (hex digits, maybe ";extension"), in chunk data,
  // in the CRLF after the data, in the CRLF after the last (empty) chunk, or past its end.
  enum class Chunk { size_line, data, data_end, last_end, done };

  Verdict feed_chunked(char c);

  Framing framing_;
  std::uint64_t length_;
  std::size_t max_;
  std::uint64_t data_ = 0;
  std::uint64_t read_ = 0;
  Chunk chunk_ = Chunk::size_line;
  std::uint64_t chunk_left_ = 0;
  bool size_digits_ = false;
  bool in_extension_ = false;
  std::size_t line_bytes_ = 0;
  bool malformed_ = false;
};

}  // namespace vakkaart::server::transport
