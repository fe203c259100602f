#pragma once

#include <string>

#include <httplib.h>

#include "server/transport/request_head.h"

namespace vakkaart::server::transport {

// The answers the transport gives before any route runs (a body or head over its limit, a
// Host not served here, a method a path does not take, too many connections), in the same
// form as every other error: a problem+json for the API, the HTML error page for pages.

/// "Request Header Fields Too Large", … for a status.
const char* reason_phrase(int status);

/// The problem code of a transport status: "too_large" (413), "headers_too_large" (431),
/// "misdirected_request" (421), "method_not_allowed" (405), …
const char* transport_code(int status);

/// Writes the error response for `status` into `res`: a problem object for API requests and
/// an error page for pages, as kind_of_unrouted() tells them apart.
void send_transport_error(const httplib::Request& req, httplib::Response& res, int status,
                          const std::string& detail);

/// The whole response (status line, headers with the security headers and "Connection:
/// close", body) for a refusal the connection layer writes itself, to a request known only by
/// its head. `extra_headers` are "Name: value\r\n" lines.
std::string refusal_bytes(const Head& head, int status, const std::string& detail,
                          const std::string& extra_headers = "");

}  // namespace vakkaart::server::transport
