// Signing in and out, one-time sign-in links, and the user's own account page (password, API
// tokens, sessions, organisation picker). Forms post here without JavaScript; every write by a
// signed-in user carries the session's CSRF token (checked by the pipeline).
#include "auth/clock.h"
#include "auth/secrets.h"
#include "core/error.h"
#include "server/request_auth.h"
#include "server/request_input.h"
#include "server/routes/routes.h"
#include "server/transport/local_redirect.h"
#include "server/views/account_view.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

std::string form(const Context& c, const char* name) {
  return c.req.get_param_value(name);
}

long long lifetime_seconds(const Site& site) {
  return static_cast<long long>(site.config.session_lifetime_days) * 24 * 3600;
}

/// Starts a session for `user`: a fresh id (any session the browser held is ended: ids rotate
/// at sign-in), the cookie, and a 303 to `next`.
void sign_in_as(Context& c, const store::User& user, const std::string& next) {
  auto accounts = c.accounts();
  const std::string old = cookie_value(c.req, kSessionCookie);
  if (!old.empty())
    accounts.end_session(auth::hash_secret(old));
  auto session =
      accounts.start_session(user, c.actor().client, c.req.get_header_value("User-Agent"));
  c.res.set_header("Set-Cookie",
                   session_cookie(session.secret, c.site.config, lifetime_seconds(c.site)));
  c.res.set_redirect(transport::local_redirect_target(next, "/"), 303);
}

void clear_session_cookie(Context& c) {
  c.res.set_header("Set-Cookie", session_cookie("", c.site.config, 0));
}

void sign_in_form(Context& c) {
  send_page(c, sign_in_page(c, "", "", transport::local_redirect_target(form(c, "next"), "/")));
}

void sign_in(Context& c) {
  const std::string email = form(c, "email"), password = form(c, "password");
  const std::string next = transport::local_redirect_target(form(c, "next"), "/");
  const std::string address = c.actor().client;
  // Login CSRF: a foreign page must not sign a visitor in as someone else.
  if (c.req.has_header("Origin") || c.req.has_header("Referer"))
    check_cookie_write_origin(c.req, c.site.config);
  std::string account_key = email;
  for (char& ch : account_key)
    if (ch >= 'A' && ch <= 'Z')
      ch = static_cast<char>(ch + 32);
  account_key.resize(std::min<std::size_t>(account_key.size(), 254));  // bounded limiter memory
  const long long wait = std::max(c.site.failed_sign_ins_by_account.retry_after(account_key),
                                  c.site.failed_sign_ins_by_address.retry_after(address));
  if (wait > 0)
    throw RateLimited("too many failed sign-ins; try again in " + std::to_string(wait) + " s",
                      wait);
  auto accounts = c.accounts();
  try {
    const store::User user = accounts.check_password(email, password);
    c.site.failed_sign_ins_by_account.reset(account_key);
    sign_in_as(c, user, next);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::unauthenticated)
      throw;
    c.site.failed_sign_ins_by_account.acquire(account_key);
    c.site.failed_sign_ins_by_address.acquire(address);
    send_page(c, sign_in_page(c, e.message(), email, next));
    c.res.status = 401;
  }
}

void sign_in_by_link(Context& c) {
  auto accounts = c.accounts();
  const store::User user = accounts.consume_sign_in_link(c.capture(1));
  sign_in_as(c, user, "/");
}

void sign_out(Context& c) {
  c.accounts().end_session(c.caller.session_hash);
  clear_session_cookie(c);
  c.res.set_redirect("/", 303);
}

void change_password(Context& c) {
  c.accounts().change_password(c.caller, form(c, "old_password"), form(c, "new_password"),
                               c.actor());
  clear_session_cookie(c);
  c.res.set_redirect("/sign-in", 303);
}

void create_token_from_form(Context& c) {
  const std::string secret = c.accounts().create_token(
      *c.caller.user, form(c, "name"), form(c, "read_only") == "1", c.caller.org_slug, c.actor());
  send_page(c, account_page(c, "", secret));
}

void revoke_token_from_form(Context& c) {
  c.accounts().revoke_token(c.caller, whole_number(c.capture(1), "token", 1, 1LL << 62), c.actor());
  c.res.set_redirect("/account", 303);
}

void end_session(Context& c) {
  c.accounts().end_own_session(c.caller, c.capture(1));
  c.res.set_redirect("/account", 303);
}

void switch_organisation(Context& c) {
  c.accounts().switch_organisation(c.caller, form(c, "org"));
  c.res.set_redirect("/account", 303);
}

}  // namespace

void add_account_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/sign-in",
               .effect = Effect::none,
               .cache = Cache::no_store,
               .access = Access::public_read,
               .kind = Kind::page},
              sign_in_form);
  uncached_route(table, Method::post, "/sign-in", Effect::write, Access::public_read, Kind::page,
                 sign_in);
  table.route({.method = Method::get,
               .pattern = R"(/sign-in/link/([A-Za-z0-9_-]{43}))",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::public_read,
               .kind = Kind::page},
              sign_in_by_link);
  uncached_route(table, Method::post, "/sign-out", Effect::write, Access::signed_in, Kind::page,
                 sign_out);
  table.route({.method = Method::get,
               .pattern = "/account",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::signed_in,
               .kind = Kind::page},
              [](Context& c) { send_page(c, account_page(c, "", "")); });
  uncached_route(table, Method::post, "/account/password", Effect::write, Access::signed_in,
                 Kind::page, change_password);
  uncached_route(table, Method::post, "/account/tokens", Effect::write, Access::signed_in,
                 Kind::page, create_token_from_form);
  uncached_route(table, Method::post, R"(/account/tokens/(\d+)/revoke)", Effect::write,
                 Access::signed_in, Kind::page, revoke_token_from_form);
  uncached_route(table, Method::post, R"(/account/sessions/([0-9a-f]{64})/end)", Effect::write,
                 Access::signed_in, Kind::page, end_session);
  uncached_route(table, Method::post, "/account/organisation", Effect::write, Access::signed_in,
                 Kind::page, switch_organisation);
}

}  // namespace vakkaart::server
