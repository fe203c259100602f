#pragma once

#include <memory>

#include <httplib.h>

#include "server/transport/transport_settings.h"

namespace vakkaart::server::transport {

struct Connection;

/// The HTTP library's server with connections handled here instead of one thread each.
///
/// The library gives every connection a thread from its pool for as long as it stays open,
/// so 130 idle or slow clients stalled everyone. Here a poller thread (epoll) holds every
/// connection while it is idle or its request head is still arriving, reads the head into a
/// buffer capped by the head limits (431, 414), and only then hands the connection to a worker,
/// which runs the library's request processing (routing, handlers, response) for that one
/// request through a ConnectionStream and gives the connection back. Idle connections cost a
/// descriptor and a few hundred bytes, never a thread. On top: a cap per client address and in
/// all (429, 503), the read, request, keep-alive and write timeouts, and a limit of requests
/// per connection.
class ConnectionServer : public httplib::Server {
 public:
  explicit ConnectionServer(TransportSettings settings);
  ~ConnectionServer() override;
  ConnectionServer(const ConnectionServer&) = delete;
  ConnectionServer& operator=(const ConnectionServer&) = delete;

  /// Starts the poller and the workers: before listen_after_bind().
  void start_transport();
  /// Closes every connection and joins the threads: after listen_after_bind() returned.
  void stop_transport();

  const TransportSettings& settings() const;

 private:
  struct State;

  // Called by the library's accept loop for each new connection (through a task queue that
  // runs it at once): registers the connection with the poller, or refuses it over a cap.
  bool process_and_close_socket(socket_t sock) override;

  void poll_loop();
  void on_readable(Connection& c);
  void sweep();
  void work_loop();
  void serve(Connection& c);
  void to_poller(Connection& c, bool idle);
  void refuse(Connection& c, const std::string& bytes);
  void close_connection(Connection& c);

  std::unique_ptr<State> state_;
};

}  // namespace vakkaart::server::transport
