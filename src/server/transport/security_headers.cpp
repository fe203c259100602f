#include "server/transport/security_headers.h"

#include <array>
#include <utility>

namespace vakkaart::server::transport {

namespace {

const std::array<std::pair<const char*, const char*>, 4> kSecurityHeaders = {{
    {"Content-Security-Policy", kContentSecurityPolicy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
}};

}  // namespace

void add_security_headers(httplib::Response& res) {
  for (const auto& [name, value] : kSecurityHeaders)
    if (!res.has_header(name))
      res.set_header(name, value);
}

std::string security_header_lines() {
  std::string out;
  for (const auto& [name, value] : kSecurityHeaders)
    out += std::string(name) + ": " + value + "\r\n";
  return out;
}

}  // namespace vakkaart::server::transport
