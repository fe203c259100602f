#include "server/transport/connection_stream.h"

#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vakkaart::server::transport {

namespace {

constexpr std::size_t kReceiveChunk = 16 * 1024;

}  // namespace

void Connection::consume(std::size_t n) {
  pos += n;
  if (pos >= in.size()) {
    in.clear();
    pos = 0;
  }
}

long Connection::receive(std::size_t max) {
  if (pos > 0 && pos * 2 >= in.size()) {
    in.erase(0, pos);
    pos = 0;
  }
  const std::size_t old = in.size();
  in.resize(old + max);
  for (;;) {
    const ssize_t n = ::recv(fd, in.data() + old, max, 0);
    if (n < 0 && errno == EINTR)
      continue;
    in.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n >= 0)
      return static_cast<long>(n);
    return errno == EAGAIN || errno == EWOULDBLOCK ? -1 : -2;
  }
}

void send_now(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

ConnectionStream::ConnectionStream(Connection& c, const TransportSettings& settings,
                                   const std::atomic<bool>& stopping)
    : c_(c),
      settings_(settings),
      stopping_(stopping),
      head_left_(c.head.length),
      meter_(c.head.framing, c.head.content_length, settings.head.max_body_bytes),
      request_deadline_(Clock::now() + std::chrono::milliseconds(settings.request_timeout_ms)) {}

bool ConnectionStream::is_readable() const {
  return refusal_ == 0 && !failed_;
}

bool ConnectionStream::is_writable() const {
  return !failed_;
}

int ConnectionStream::ms_until(Clock::time_point deadline) const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<long long>(0, left.count()));
}

void ConnectionStream::refuse(int status, std::string reason) {
  if (refusal_ == 0) {
    refusal_ = status;
    reason_ = std::move(reason);
  }
}

// Waits for and receives more bytes of the body: each wait at most the read timeout, all of
// them together within the request deadline.
bool ConnectionStream::fill() {
  const auto deadline = std::min(
      request_deadline_, Clock::now() + std::chrono::milliseconds(settings_.read_timeout_ms));
  for (;;) {
    const long n = c_.receive(kReceiveChunk);
    if (n > 0)
      return true;
    if (n == 0 || n == -2 || stopping_.load()) {
      failed_ = true;
      return false;
    }
    const int wait = ms_until(deadline);
    if (wait == 0) {
      refuse(408, "the request body did not arrive in time");
      return false;
    }
    pollfd p{c_.fd, POLLIN, 0};
    ::poll(&p, 1, wait);
  }
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (refusal_ != 0 || failed_)
    return -1;
  if (head_left_ > 0) {
    // The head is buffered whole: the poller read it before handing the connection over.
    const auto n = std::min({size, head_left_, c_.unread().size()});
    std::memcpy(ptr, c_.unread().data(), n);
    c_.consume(n);
    head_left_ -= n;
    return static_cast<ssize_t>(n);
  }
  const std::uint64_t allowance = meter_.allowance();
  if (allowance == 0)
    return 0;  // the body has ended (or there is none): end of stream for the library
  if (c_.unread().empty() && !fill())
    return -1;
  const auto n =
      static_cast<std::size_t>(std::min<std::uint64_t>({size, allowance, c_.unread().size()}));
  switch (meter_.feed(c_.unread().data(), n)) {
    case BodyMeter::Verdict::too_large:
      refuse(413,
             "the body is larger than " + std::to_string(settings_.head.max_body_bytes) + " bytes");
      return -1;
    case BodyMeter::Verdict::malformed:
      refuse(400, "the chunked body is malformed");
      return -1;
    case BodyMeter::Verdict::ok:
      break;
  }
  std::memcpy(ptr, c_.unread().data(), n);
  c_.consume(n);
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (refusal_ != 0)
    return static_cast<ssize_t>(size);  // dropped: the refusal is sent instead
  if (failed_)
    return -1;
  std::size_t sent = 0;
  auto deadline = Clock::now() + std::chrono::milliseconds(settings_.write_timeout_ms);
  while (sent < size) {
    const ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      deadline = Clock::now() + std::chrono::milliseconds(settings_.write_timeout_ms);
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    const int wait = ms_until(deadline);
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) || wait == 0 || stopping_.load()) {
      failed_ = true;
      return -1;
    }
    pollfd p{c_.fd, POLLOUT, 0};
    ::poll(&p, 1, wait);
  }
  return static_cast<ssize_t>(size);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = c_.remote_ip;
  port = c_.remote_port;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = c_.local_ip;
  port = c_.local_port;
}

socket_t ConnectionStream::socket() const {
  // The library's server reads this only to refuse (500) a descriptor select() cannot watch;
  // this stream waits with poll(), so a descriptor past FD_SETSIZE is no reason to refuse.
  return c_.fd < FD_SETSIZE ? c_.fd : INVALID_SOCKET;
}

}  // namespace vakkaart::server::transport
