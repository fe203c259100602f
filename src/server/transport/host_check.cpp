#include "server/transport/host_check.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace vakkaart::server::transport {

namespace {

std::optional<int> port_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 5 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int port = 0;
  for (char c : digits)
    port = port * 10 + (c - '0');
  if (port < 1 || port > 65535)
    return std::nullopt;
  return port;
}

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
}

bool is_ipv4(const std::string& host) {
  in_addr a{};
  return ::inet_pton(AF_INET, host.c_str(), &a) == 1;
}

bool is_bracketed_ipv6(const std::string& host) {
  if (host.size() < 3 || host.front() != '[' || host.back() != ']')
    return false;
  in6_addr a{};
  return ::inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &a) == 1;
}

bool is_wildcard(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]";
}

}  // namespace

std::optional<HostPort> parse_host_port(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  HostPort out;
  std::string_view rest;
  if (!lower.empty() && lower.front() == '[') {
    const auto close = lower.find(']');
    if (close == std::string::npos)
      return std::nullopt;
    out.host = lower.substr(0, close + 1);
    if (!is_bracketed_ipv6(out.host))
      return std::nullopt;
    rest = std::string_view(lower).substr(close + 1);
  } else {
    const auto colon = lower.find(':');
    out.host = lower.substr(0, colon);
    if (colon != std::string::npos)
      rest = std::string_view(lower).substr(colon);
    if (!out.host.empty() && out.host.back() == '.')
      out.host.pop_back();
    if (out.host.empty() || !std::all_of(out.host.begin(), out.host.end(), name_char))
      return std::nullopt;
  }
  if (!rest.empty()) {
    if (rest.front() != ':')
      return std::nullopt;
    const auto port = port_number(rest.substr(1));
    if (!port)
      return std::nullopt;
    out.port = *port;
  }
  return out;
}

std::optional<HostPort> public_url_host(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0)
    rest = url.substr(8);
  else if (url.rfind("http://", 0) == 0)
    rest = url.substr(7);
  else
    return std::nullopt;
  const auto end = rest.find_first_of("/?#");
  const auto authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos)
    return std::nullopt;
  const auto tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (std::any_of(tail.begin(), tail.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }))
    return std::nullopt;
  return parse_host_port(authority);
}

HostCheck::HostCheck(const std::string& bound_host, int port, const std::string& public_url,
                     const std::vector<std::string>& extra)
    : port_(port) {
  for (const char* local : {"127.0.0.1", "localhost", "[::1]"})
    allowed_.push_back({local, port});
  std::string bound = bound_host;
  if (bound.find(':') != std::string::npos && bound.front() != '[')
    bound = "[" + bound + "]";  // an IPv6 address as a Host header writes it
  if (is_wildcard(bound))
    any_ip_literal_ = true;
  else if (auto h = parse_host_port(bound))
    allowed_.push_back({h->host, port});
  if (auto h = public_url_host(public_url))
    allowed_.push_back({h->host, 0});
  for (const auto& entry : extra)
    if (auto h = parse_host_port(entry))
      allowed_.push_back(*h);
}

bool HostCheck::allows(std::string_view host_header) const {
  const auto h = parse_host_port(host_header);
  if (!h)
    return false;
  const int port = h->port == 0 ? 80 : h->port;
  for (const auto& a : allowed_)
    if (a.host == h->host && (a.port == 0 || a.port == port))
      return true;
  return any_ip_literal_ && port == port_ && (is_ipv4(h->host) || is_bracketed_ipv6(h->host));
}

std::string HostCheck::describe() const {
  std::string out;
  for (const auto& a : allowed_) {
    if (!out.empty())
      out += ", ";
    out += a.host + (a.port ? ":" + std::to_string(a.port) : "");
  }
  if (any_ip_literal_)
    out += ", any IP address:" + std::to_string(port_);
  return out;
}

}  // namespace vakkaart::server::transport
