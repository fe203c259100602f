#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vakkaart::server {

// What an operator configures about the site as it is reached from the network: the address
// users type (public URL), the host names it answers to, and the limits that keep one client
// from exhausting it. `vakkaart serve` fills it from its options; tests set it directly.

/// The name of the session cookie (HttpOnly, SameSite=Lax, Path=/).
inline constexpr const char* kSessionCookie = "vakkaart_session";
/// The header a script sends the session's CSRF token in (forms use the field `csrf_token`).
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct SiteConfig {
  /// The URL users reach the site at, e.g. "https://vakkaart.sociare.be" behind a TLS proxy;
  /// empty: the address the server listens on. An https URL marks cookies Secure.
  std::string public_url;
  /// Host header values (host or host:port) the server answers to; empty: the listening
  /// address, "localhost" and the public URL's host. Anything else is refused (DNS rebinding).
  std::vector<std::string> allowed_hosts;

  // Transport limits (see docs/security.md).
  std::size_t max_body_bytes = std::size_t{8} * 1024 * 1024;  // also for chunked bodies: 413
  std::size_t max_header_count = 100;                         // more: 431
  std::size_t max_header_bytes = 32 * 1024;                   // all header lines together: 431
  int read_timeout_seconds = 10;                              // a request must arrive within this
  int keep_alive_timeout_seconds = 2;  // an idle keep-alive connection is closed after this
  std::size_t max_connections_per_address = 32;
  std::size_t response_cache_bytes = std::size_t{64} * 1024 * 1024;

  // Sessions.
  int session_idle_hours = 12;
  int session_lifetime_days = 7;

  /// Behind a reverse proxy every request comes from the proxy: when set, the client address is
  /// the last entry of X-Forwarded-For (which the proxy appends), for rate limits and the audit.
  bool trust_forwarded_for = false;

  // Rate limits per client address, per minute (0 = unlimited).
  int analyse_per_minute = 30;
  int search_per_minute = 300;

  // Transport limits added with the connection layer (server/transport/); see docs/security.md.
  std::size_t max_connections = 1024;  // all clients together (capped by the open-file limit): 503
  int request_timeout_seconds = 60;    // a whole request, body included, must arrive within this
  int write_timeout_seconds = 10;      // a client that takes none of a response for this long
  std::size_t keep_alive_max_requests = 1000;  // requests on one connection before it is closed
};

}  // namespace vakkaart::server
