#pragma once

#include <cstddef>

#include "server/transport/request_head.h"

namespace vakkaart::server::transport {

/// What the connection layer enforces, in its own units (the server derives it from
/// SiteConfig and ServerOptions).
struct TransportSettings {
  HeadLimits head;
  int read_timeout_ms = 10000;       // a request head, and each wait for body bytes
  int request_timeout_ms = 60000;    // a whole request, body included
  int keep_alive_timeout_ms = 2000;  // an idle connection between requests
  int write_timeout_ms = 10000;      // a response the client takes nothing of
  std::size_t keep_alive_max_requests = 1000;
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_address = 32;
  /// Whether this machine's own address (127.0.0.1, ::1) is held to the per-address cap. It
  /// is not by default: a reverse proxy on this machine passes every client on from there
  /// (capping it would cap everyone), and a local process could read the database anyway.
  bool cap_this_machine = false;
  /// Threads that run requests. A connection holds one only while a request of it is read
  /// (after its head has fully arrived) and answered, never while it is idle.
  int workers = 64;
};

}  // namespace vakkaart::server::transport
