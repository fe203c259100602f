#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vakkaart::server::transport {

// A request's head (request line and header lines) as it arrives on a connection, checked
// before any of it reaches the HTTP library: the connection layer buffers a head up to these
// limits and no further, so a client sending endless headers costs a bounded buffer, never
// memory in proportion to what it sends.

/// What a head may hold.
struct HeadLimits {
  std::size_t max_request_line = 8192;  // the HTTP library's own limit on the request target
  std::size_t max_header_count = 100;
  std::size_t max_header_bytes = 32 * 1024;  // the header lines together, line ends included
  std::size_t max_body_bytes = std::size_t{8} * 1024 * 1024;
};

/// How the body of a request is delimited.
enum class Framing { none, length, chunked };

/// The verdict on the bytes buffered so far.
struct Head {
  enum class State { incomplete, complete, refused };
  State state = State::incomplete;
  /// complete: bytes of the head, the blank line included (the body starts after them).
  std::size_t length = 0;
  /// refused: the status to answer (400, 413, 414, 415, 431, 501) and why.
  int status = 0;
  std::string reason;
  Framing framing = Framing::none;
  std::uint64_t content_length = 0;
  /// From the request line and headers, for answering a refusal in the client's terms (as
  /// far as they could be read).
  std::string method;
  std::string target;
  std::string accept;
};

/// Examines the bytes a connection has received for its next request. Refuses as soon as a
/// limit is crossed, even before the head is complete: 414 for a request line over the limit,
/// 431 for too many or too large header lines; on a complete head, 413 for a Content-Length
/// over the body limit, 415 for a compressed body (Content-Encoding other than identity: it
/// could inflate past any limit), 501 for a Transfer-Encoding other than chunked, 400 for a
/// Content-Length that is not a number or conflicts with another or with Transfer-Encoding.
Head examine_head(std::string_view received, const HeadLimits& limits);

}  // namespace vakkaart::server::transport
