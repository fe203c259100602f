#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::server::transport {

/// A host name or IP literal (IPv6 in brackets) and a port (0: none given), lowercased, any
/// final dot removed.
struct HostPort {
  std::string host;
  int port = 0;
};

/// Reads "host", "host:port", "[v6]" or "[v6]:port" (a Host header value or an
/// --allowed-host entry); nullopt when it is none of these.
std::optional<HostPort> parse_host_port(std::string_view text);

/// The host (and port, if the URL names one) of an http or https URL such as
/// "https://vakkaart.example.org" or "http://10.0.0.5:8080/vakkaart"; nullopt when `url` is
/// not such a URL (another scheme, no host, user info, spaces).
std::optional<HostPort> public_url_host(std::string_view url);

/// Which Host header values the server answers to. A page on another site can make a browser
/// send requests to this server under that site's name (DNS rebinding: the name is pointed at
/// this machine), and then read the answers as its own; refusing names the server was not
/// configured for stops that.
///
/// Allowed: 127.0.0.1, localhost and [::1] with the port listened on; the host listened on
/// with that port; the public URL's host (with any port: a proxy in front may or may not pass
/// its port on); each extra entry (with its port if it names one, else with any port). A
/// server listening on every address (0.0.0.0, ::) also answers to any IP literal with its
/// port: an address cannot be rebound, only a name can.
class HostCheck {
 public:
  HostCheck(const std::string& bound_host, int port, const std::string& public_url,
            const std::vector<std::string>& extra);

  /// Whether a request with this Host header value is served. A Host without a port means
  /// port 80.
  bool allows(std::string_view host_header) const;

  /// The allowed entries, "localhost:8080, example.org", for messages.
  std::string describe() const;

 private:
  std::vector<HostPort> allowed_;
  int port_;
  bool any_ip_literal_ = false;
};

}  // namespace vakkaart::server::transport
