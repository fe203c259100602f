#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <httplib.h>

#include "server/transport/body_meter.h"
#include "server/transport/request_head.h"
#include "server/transport/transport_settings.h"

namespace vakkaart::server::transport {

using Clock = std::chrono::steady_clock;

/// A client connection as the connection layer keeps it between and during requests.
struct Connection {
  /// Where it is: waiting for (the rest of) a request head in the poller, busy in a worker,
  /// or lingering (a refusal was sent; what the client still sends is read and dropped so the
  /// refusal is not lost to a reset).
  enum class Phase { waiting, busy, lingering };

  std::uint64_t id = 0;
  int fd = -1;
  std::string peer;  // peer_key(), what its slot is counted under
  std::string remote_ip;
  int remote_port = 0;
  std::string local_ip;
  int local_port = 0;

  Phase phase = Phase::waiting;
  Clock::time_point deadline;
  /// Idle between requests: the first byte of the next one starts its head deadline.
  bool awaiting_first_byte = false;
  /// The head of the request about to be served (complete).
  Head head;
  std::size_t served = 0;
  std::uint64_t lingered = 0;

  /// Received bytes from `pos` on are not consumed yet (the rest of a head, body bytes, or a
  /// pipelined next request).
  std::string in;
  std::size_t pos = 0;

  std::string_view unread() const { return std::string_view(in).substr(pos); }
  void consume(std::size_t n);
  /// Receives what the socket has (non-blocking, at most `max` bytes): the bytes received,
  /// 0 at end of stream, -1 when nothing is there yet (EAGAIN), -2 on an error.
  long receive(std::size_t max);
};

/// One request's view of its connection for the HTTP library. It serves the buffered head,
/// then body bytes only as far as the body's framing goes (so the library never reads into the
/// next request, nor waits for a body a request does not have), with the read and request
/// deadlines; it meters the body against the limit. When the body is too large, malformed or
/// late it refuses the request: reads fail, what the library then writes is dropped, and the
/// connection layer answers with the refusal's status instead (413, 400, 408).
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(Connection& c, const TransportSettings& settings,
                   const std::atomic<bool>& stopping);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override;

  /// The status the request was refused with (0: not refused) and why.
  int refusal() const { return refusal_; }
  const std::string& refusal_reason() const { return reason_; }
  /// Whether the library read the whole head and body, so the next bytes are the next request.
  bool consumed() const { return head_left_ == 0 && meter_.complete(); }
  /// The client went away or stopped reading.
  bool failed() const { return failed_; }

 private:
  bool fill();
  void refuse(int status, std::string reason);
  int ms_until(Clock::time_point deadline) const;

  Connection& c_;
  const TransportSettings& settings_;
  const std::atomic<bool>& stopping_;
  std::size_t head_left_;
  BodyMeter meter_;
  Clock::time_point request_deadline_;
  int refusal_ = 0;
  std::string reason_;
  bool failed_ = false;
};

/// Sends as much of `bytes` as the socket takes now, without waiting: for the short refusals
/// written on a connection that has sent nothing else.
void send_now(int fd, std::string_view bytes);

}  // namespace vakkaart::server::transport
