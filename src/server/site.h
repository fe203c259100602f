#pragma once

#include <chrono>

#include "auth/account_service.h"
#include "auth/rate_limiter.h"
#include "server/site_config.h"

namespace vakkaart::server {

/// What the request pipeline keeps for the whole server besides the store: the configuration and
/// the rate limiters (in memory: a restart forgets them, which only ever lets a client try again
/// sooner). Every limiter tracks at most 100,000 keys.
struct Site {
  explicit Site(SiteConfig c)
      : config(std::move(c)),
        analyse(static_cast<std::size_t>(config.analyse_per_minute), std::chrono::seconds(60)),
        search(static_cast<std::size_t>(config.search_per_minute), std::chrono::seconds(60)) {}

  SiteConfig config;
  /// Failed sign-ins: after 10 within 15 minutes for one account or one client address, further
  /// tries wait (429 with Retry-After).
  auth::RateLimiter failed_sign_ins_by_account{10, std::chrono::minutes(15)};
  auth::RateLimiter failed_sign_ins_by_address{10, std::chrono::minutes(15)};
  /// POST /api/analyse and /analyse, and search (API and page), per client address.
  auth::RateLimiter analyse;
  auth::RateLimiter search;

  auth::SessionPolicy session_policy() const {
    auth::SessionPolicy p;
    p.idle = std::chrono::hours(config.session_idle_hours);
    p.lifetime = std::chrono::hours(24 * config.session_lifetime_days);
    return p;
  }
};

}  // namespace vakkaart::server
