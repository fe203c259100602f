#pragma once

#include <string>

#include <httplib.h>

#include "auth/identity.h"
#include "core/error.h"
#include "server/route_spec.h"
#include "server/site.h"
#include "server/store_pool.h"

namespace vakkaart::server {

// The pipeline's second step, who is asking and whether they may (server/pipeline.h):
// identify() reads a Bearer token or the session cookie, authorize() compares the caller with
// the route's Access, and check_cookie_write() defends cookie-authenticated writes against
// cross-site requests. Each throws vakkaart::Error, which the pipeline answers (401, 403, 415).

/// A rate limit reached: 429 with Retry-After (seconds).
class RateLimited : public Error {
 public:
  RateLimited(const std::string& message, long long retry_after)
      : Error(ErrorCode::rate_limited, message), retry_after_(retry_after) {}
  long long retry_after() const { return retry_after_; }

 private:
  long long retry_after_;
};

/// Counts one request of `key` (a client address) in `limiter`; RateLimited when it is over.
void take_rate(auth::RateLimiter& limiter, const std::string& key, const std::string& what);

/// The client's address: the peer, or behind a trusted proxy the last X-Forwarded-For entry.
std::string client_address(const httplib::Request& req, const SiteConfig& config);

/// The caller: a valid `Authorization: Bearer` token, else a valid session cookie, else
/// anonymous. A malformed Authorization header is a 401 (a script should learn its token is
/// wrong, not be served as anonymous); an unknown or expired cookie is simply anonymous.
auth::Identity identify(const httplib::Request& req, StorePool& pool, const Site& site);

/// Whether `caller` may call `route`: 401 for anonymous callers of anything but public_read,
/// 403 without the role or with a read-only token on a write. Whether a function belongs to
/// the caller's organisation is decided where the function is read (FunctionService scope: 404).
void authorize(const RouteSpec& route, const auth::Identity& caller);

/// For a write (any method but GET) authenticated by the session cookie: the request must come
/// from this site (Origin, else Referer, matching the public URL or the Host) and carry the
/// session's CSRF token (header X-CSRF-Token or form field csrf_token), compared in constant
/// time; 403 otherwise. Bearer-token and anonymous requests are not cookie-authenticated.
void check_cookie_write(const httplib::Request& req, const auth::Identity& caller,
                        const SiteConfig& config);

/// The Origin half of check_cookie_write: 403 unless the request's Origin (else Referer) is
/// this site. Also for the sign-in form, which has no session yet (login CSRF).
void check_cookie_write_origin(const httplib::Request& req, const SiteConfig& config);

/// API writes that change the store take JSON only, or for Body::json_or_sheet also text/csv and
/// an XLSX workbook (415 otherwise): a form or text/plain post, which any web page can send
/// without asking, never reaches them.
void check_json_write(const httplib::Request& req, const RouteSpec& route);

/// The request's Content-Type without its parameters, lower case ("text/csv").
std::string body_media(const httplib::Request& req);

/// The Set-Cookie value of a session: HttpOnly, SameSite=Lax, Path=/, Secure when the public URL
/// is https; an empty secret with max_age 0 removes the cookie.
std::string session_cookie(const std::string& secret, const SiteConfig& config,
                           long long max_age_seconds);

/// The value of cookie `name` in the request's Cookie headers ("" when absent).
std::string cookie_value(const httplib::Request& req, const std::string& name);

}  // namespace vakkaart::server
