// The account API for scripts: who am I, my API tokens, an organisation's members and audit log.
#include "auth/clock.h"
#include "core/error.h"
#include "server/request_input.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/views/account_view.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

Json tokens_json(store::Store& store, int64_t user_id) {
  Json out = Json::array();
  for (const auto& t : store.accounts().tokens_of(user_id))
    out.push_back({{"id", t.id},
                   {"name", t.name},
                   {"organisation", t.org_slug},
                   {"read_only", t.read_only},
                   {"created", t.created},
                   {"last_used", t.last_used},
                   {"revoked", t.revoked}});
  return {{"tokens", out}};
}

void create_token_json(Context& c) {
  Json body = json_body(c.req);
  const std::string name = json_string_member(body, "name", true);
  const auto ro = body.find("read_only");
  const bool read_only = ro == body.end() || !ro->is_boolean() || ro->get<bool>();
  const std::string secret =
      c.accounts().create_token(*c.caller.user, name, read_only, c.caller.org_slug, c.actor());
  c.res.status = 201;
  send_json(c.res, {{"token", secret}, {"name", name}, {"read_only", read_only}});
  c.res.status = 201;
}

/// The organisation an API request manages: the caller's, or ?org= for a site admin.
std::string api_org(const Context& c) {
  const std::string named = c.req.get_param_value("org");
  if (!named.empty() && named != c.caller.org_slug) {
    if (!c.caller.site_admin())
      throw Error(ErrorCode::forbidden, "you manage only your own organisation", {"", 0, "org"});
    return named;
  }
  return c.caller.org_slug;
}

void set_member_json(Context& c) {
  Json body = json_body(c.req);
  const std::string org = api_org(c);
  const std::string email = json_string_member(body, "email", true);
  const auth::Role role = auth::parse_role(json_string_member(body, "role", true));
  auto accounts = c.accounts();
  c.store().in_transaction([&] {
    if (!c.store().accounts().find_user_by_email(auth::normalise_email(email)))
      accounts.add_user(email, json_string_member(body, "display_name", false), "", false,
                        c.actor());
    accounts.set_role(email, org, role, c.actor());
  });
  send_json(c.res, {{"email", auth::normalise_email(email)},
                    {"organisation", org},
                    {"role", auth::role_name(role)}});
}

Json members_json(store::Store& store, const std::string& org) {
  Json out = Json::array();
  for (const auto& m : store.accounts().members_of(org))
    out.push_back({{"email", m.user.email},
                   {"display_name", m.user.display_name},
                   {"role", m.role},
                   {"disabled", m.disabled || m.user.disabled}});
  return {{"organisation", org}, {"members", out}};
}

}  // namespace

void add_account_api(RouteTable& table) {
  uncached_route(table, Method::get, "/api/me", Effect::none, Access::signed_in, Kind::api,
                 [](Context& c) { send_json(c.res, identity_json(c.caller)); });
  uncached_route(table, Method::get, "/api/tokens", Effect::read, Access::signed_in, Kind::api,
                 [](Context& c) { send_json(c.res, tokens_json(c.store(), c.caller.user->id)); });
  uncached_route(table, Method::post, "/api/tokens", Effect::write, Access::signed_in, Kind::api,
                 create_token_json);
  uncached_route(table, Method::del, R"(/api/tokens/(\d+))", Effect::write, Access::signed_in,
                 Kind::api, [](Context& c) {
                   c.accounts().revoke_token(
                       c.caller, whole_number(c.capture(1), "token", 1, 1LL << 62), c.actor());
                   c.res.status = 204;
                 });
  uncached_route(table, Method::get, "/api/organisation/members", Effect::read, Access::org_admin,
                 Kind::api,
                 [](Context& c) { send_json(c.res, members_json(c.store(), api_org(c))); });
  uncached_route(table, Method::post, "/api/organisation/members", Effect::write, Access::org_admin,
                 Kind::api, set_member_json);
  uncached_route(table, Method::get, "/api/audit", Effect::read, Access::org_admin, Kind::api,
                 [](Context& c) {
                   store::AuditFilter filter;
                   filter.org_slug = api_org(c);
                   filter.since = auth::since_bound(c.req.get_param_value("since"), "since");
                   filter.limit = static_cast<int>(size_param(c.req, "limit", 1000, 10000));
                   send_json(c.res, audit_json(c.store(), filter));
                 });
}

}  // namespace vakkaart::server
