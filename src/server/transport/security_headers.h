#pragma once

#include <string>

#include <httplib.h>

namespace vakkaart::server::transport {

/// The Content-Security-Policy of every response. Scripts only from the site's own files (no
/// inline script, no eval), no plugins, no <base> elsewhere, never framed, forms post only
/// here. Styles allow 'unsafe-inline' because the SVG pictures of render/ carry <style>
/// elements and the analysis page's meters a style attribute (their width); CSS cannot run
/// script, and what would matter, script, stays 'self' only.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/// The security headers of every response (pages, API, errors, static files, cached ones):
/// the policy above, nosniff, Referrer-Policy same-origin, X-Frame-Options DENY. Headers a
/// handler set itself are kept.
void add_security_headers(httplib::Response& res);

/// The same headers as "Name: value\r\n" lines, for the responses the connection layer
/// writes itself.
std::string security_header_lines();

}  // namespace vakkaart::server::transport
