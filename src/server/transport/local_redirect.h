#pragma once

#include <string>

namespace vakkaart::server::transport {

/// `target` when it is a path on this site to send a browser back to, else `fallback`.
/// Accepted: a path starting with a single "/", without "//" or a backslash anywhere and with
/// printable ASCII only (no control character, tab or space), at most 2,048 bytes. Browsers
/// drop tabs and newlines from a URL and read "\" as "/", so "/\t/evil.example" or
/// "/\\evil.example" would take the user to another site.
std::string local_redirect_target(const std::string& target, const std::string& fallback);

}  // namespace vakkaart::server::transport
