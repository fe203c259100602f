#include "server/request_auth.h"

#include "auth/account_service.h"
#include "auth/secrets.h"
#include "core/error.h"
#include "exchange/function_sheet.h"

namespace vakkaart::server {

namespace {

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos)
    return "";
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c + 32);
  return s;
}

/// "scheme://host[:port]" of a URL, lower case, without a default port; "" when not absolute.
std::string origin_of(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    return "";
  const std::string scheme = lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https")
    return "";
  const auto host_start = scheme_end + 3;
  const auto host_end = url.find_first_of("/?#", host_start);
  std::string host = lower(url.substr(host_start, host_end - host_start));
  if (host.empty() || host.find('@') != std::string::npos)
    return "";
  const std::string default_port = scheme == "https" ? ":443" : ":80";
  if (host.size() > default_port.size() && host.ends_with(default_port))
    host.resize(host.size() - default_port.size());
  return scheme + "://" + host;
}

/// Whether `origin` is this site: the configured public URL, or (without one) the Host the
/// request was sent to (already checked against the allowed hosts before routing).
bool same_site(const std::string& origin, const httplib::Request& req, const SiteConfig& config) {
  if (origin.empty())
    return false;
  if (!config.public_url.empty())
    return origin == origin_of(config.public_url);
  const std::string host = lower(req.get_header_value("Host"));
  return !host.empty() &&
         (origin == origin_of("http://" + host) || origin == origin_of("https://" + host));
}

std::string csrf_sent(const httplib::Request& req) {
  if (req.has_header(kCsrfHeader))
    return req.get_header_value(kCsrfHeader);
  if (req.is_multipart_form_data())
    return req.has_file("csrf_token") ? req.get_file_value("csrf_token").content : "";
  return req.get_param_value("csrf_token");
}

}  // namespace

void take_rate(auth::RateLimiter& limiter, const std::string& key, const std::string& what) {
  if (const long long wait = limiter.acquire(key); wait > 0)
    throw RateLimited(
        "too many " + what + " from your address; try again in " + std::to_string(wait) + " s",
        wait);
}

std::string client_address(const httplib::Request& req, const SiteConfig& config) {
  if (config.trust_forwarded_for && req.has_header("X-Forwarded-For")) {
    const std::string chain = req.get_header_value("X-Forwarded-For");
    const std::string last = trim(chain.substr(chain.rfind(',') + 1));
    if (!last.empty() && last.size() <= 64)
      return last;
  }
  return req.remote_addr;
}

std::string session_cookie(const std::string& secret, const SiteConfig& config,
                           long long max_age_seconds) {
  std::string cookie =
      std::string(kSessionCookie) + "=" + secret +
      "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (lower(config.public_url).rfind("https://", 0) == 0)
    cookie += "; Secure";
  return cookie;
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const auto count = req.get_header_value_count("Cookie");
  for (std::size_t i = 0; i < count; ++i) {
    const std::string header = req.get_header_value("Cookie", i);
    std::size_t pos = 0;
    while (pos < header.size()) {
      auto end = header.find(';', pos);
      if (end == std::string::npos)
        end = header.size();
      const std::string pair = trim(header.substr(pos, end - pos));
      const auto eq = pair.find('=');
      if (eq != std::string::npos && pair.compare(0, eq, name) == 0 && eq == name.size())
        return pair.substr(eq + 1);
      pos = end + 1;
    }
  }
  return "";
}

auth::Identity identify(const httplib::Request& req, StorePool& pool, const Site& site) {
  const std::string authorization = req.get_header_value("Authorization");
  const std::string session = cookie_value(req, kSessionCookie);
  if (authorization.empty() && session.empty())
    return {};
  // Resolving may write (last use, an expired session removed): a writable store.
  auto lease = pool.borrow_writable();
  auth::AccountService accounts(*lease, site.session_policy());
  if (!authorization.empty()) {
    const bool bearer = authorization.size() > 7 && lower(authorization.substr(0, 7)) == "bearer ";
    auth::Identity who =
        bearer ? accounts.resolve_token(trim(authorization.substr(7))) : auth::Identity{};
    if (!who.signed_in())
      throw Error(ErrorCode::unauthenticated,
                  "the Authorization header holds no valid API token (Bearer …)",
                  {"", 0, "Authorization"});
    return who;
  }
  return accounts.resolve_session(session);
}

void authorize(const RouteSpec& route, const auth::Identity& caller) {
  if (route.access == Access::public_read)
    return;
  if (!caller.signed_in())
    throw Error(ErrorCode::unauthenticated,
                "sign in (or send an API token) to use " + route.pattern, {"", 0, ""});
  if (caller.read_only && route.method != Method::get)
    throw Error(ErrorCode::forbidden, "this API token is read-only", {"", 0, "Authorization"});
  if (caller.site_admin())
    return;
  auto need = [&](auth::Role role, const std::string& what) {
    if (!caller.holds(role))
      throw Error(ErrorCode::forbidden,
                  what + " needs the role " + std::string(auth::role_name(role)) +
                      (caller.org_slug.empty() ? " in an organisation" : " in " + caller.org_name),
                  {"", 0, "role"});
  };
  switch (route.access) {
    case Access::org_read:
      need(auth::Role::reader, "reading functions");
      return;
    case Access::org_write:
      need(auth::Role::editor, "changing functions");
      return;
    case Access::curator:
      need(auth::Role::curator, "deciding crosswalks");
      return;
    case Access::org_admin:
      need(auth::Role::admin, "managing members");
      return;
    case Access::site_admin:
      throw Error(ErrorCode::forbidden, "only a site admin may manage organisations",
                  {"", 0, "role"});
    case Access::signed_in:
      return;
    case Access::public_read:
    case Access::undeclared:
      break;
  }
  throw Error(ErrorCode::internal, "route " + route.pattern + " declares no access rule");
}

void check_cookie_write_origin(const httplib::Request& req, const SiteConfig& config) {
  const std::string origin = req.has_header("Origin") ? origin_of(req.get_header_value("Origin"))
                                                      : origin_of(req.get_header_value("Referer"));
  if (!same_site(origin, req, config))
    throw Error(ErrorCode::forbidden,
                "this request did not come from a page of this site (Origin/Referer)",
                {"", 0, "Origin"});
}

void check_cookie_write(const httplib::Request& req, const auth::Identity& caller,
                        const SiteConfig& config) {
  if (caller.via != auth::Identity::Via::session || req.method == "GET" || req.method == "HEAD")
    return;
  check_cookie_write_origin(req, config);
  if (!auth::equal_in_constant_time(csrf_sent(req), caller.csrf_token))
    throw Error(ErrorCode::forbidden,
                "the CSRF token is missing or wrong: reload the page and try again",
                {"", 0, "csrf_token"});
}

void check_json_write(const httplib::Request& req, const RouteSpec& route) {
  if (route.kind != Kind::api || route.effect != Effect::write || route.method == Method::get ||
      route.method == Method::del)
    return;
  const std::string media = body_media(req);
  const bool sheet =
      route.body == Body::json_or_sheet && exchange::sheet_format_from_media(media).has_value();
  if (media != "application/json" && !sheet)
    throw Error(ErrorCode::unsupported_media,
                std::string("this endpoint takes Content-Type: application/json") +
                    (route.body == Body::json_or_sheet
                         ? std::string(", text/csv or ") +
                               exchange::sheet_media_type(exchange::SheetFormat::xlsx)
                         : "") +
                    ", not '" + media + "'",
                {"", 0, "Content-Type"});
}

std::string body_media(const httplib::Request& req) {
  // A loop rather than find(';'): GCC 12 sees an impossible bound in the inlined memchr here.
  std::string media;
  for (char ch : lower(req.get_header_value("Content-Type"))) {
    if (ch == ';')
      break;
    media += ch;
  }
  return trim(media);
}

}  // namespace vakkaart::server
