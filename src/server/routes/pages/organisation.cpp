// An organisation's admin pages (members and their roles, the audit log) and the site admin's
// list of organisations. A site admin may open any organisation's page with ?org=SLUG.
#include "core/error.h"
#include "server/routes/routes.h"
#include "server/views/account_view.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

/// The organisation a request manages: the caller's own, or for a site admin the one named.
std::string managed_org(const Context& c) {
  const std::string named = c.req.get_param_value("org");
  if (named.empty() || named == c.caller.org_slug) {
    if (c.caller.org_slug.empty())
      throw Error(ErrorCode::invalid_argument, "name the organisation (?org=SLUG)", {"", 0, "org"});
    return c.caller.org_slug;
  }
  if (!c.caller.site_admin())
    throw Error(ErrorCode::forbidden, "you manage only your own organisation", {"", 0, "org"});
  auto accounts = c.accounts();
  return accounts.organisation(named).slug;
}

std::string back_to(const Context& c, const std::string& org) {
  return c.caller.site_admin() && org != c.caller.org_slug ? "/organisation?org=" + org
                                                           : "/organisation";
}

void add_member(Context& c) {
  const std::string org = managed_org(c);
  const std::string email = c.req.get_param_value("email");
  const auth::Role role = auth::parse_role(c.req.get_param_value("role"));
  auto accounts = c.accounts();
  std::string link;
  c.store().in_transaction([&] {
    std::optional<store::User> user =
        c.store().accounts().find_user_by_email(auth::normalise_email(email));
    if (!user) {
      user = accounts.add_user(email, c.req.get_param_value("display_name"), "", false, c.actor());
      // A new member signs in by a one-time link and then sets a password.
      link = accounts.create_sign_in_link(*user);
    }
    accounts.set_role(user->email, org, role, c.actor());
  });
  const std::string base = c.site.config.public_url.empty()
                               ? "http://" + c.req.get_header_value("Host")
                               : c.site.config.public_url;
  send_page(c, organisation_page(c, org, "", link.empty() ? "" : base + "/sign-in/link/" + link));
}

/// Applies a change to a member and goes back to the members; a change the organisation's last
/// active admin may not undergo (AccountService::set_role) is the members page again, saying
/// why in the reader's language (409), rather than an error page.
template <typename Change>
void change_member(Context& c, Change change) {
  const std::string org = managed_org(c);
  try {
    change(org);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::conflict)
      throw;
    Page page = organisation_page(c, org, web::ui_texts(c.lang)["account"]["last_admin"], "");
    page.status = 409;
    send_page(c, std::move(page));
    return;
  }
  c.res.set_redirect(back_to(c, org), 303);
}

void change_role(Context& c) {
  change_member(c, [&](const std::string& org) {
    c.accounts().set_role(c.req.get_param_value("email"), org,
                          auth::parse_role(c.req.get_param_value("role")), c.actor());
  });
}

void change_state(Context& c) {
  change_member(c, [&](const std::string& org) {
    c.accounts().set_member_disabled(c.req.get_param_value("email"), org,
                                     c.req.get_param_value("disabled") == "1", c.actor());
  });
}

void add_organisation(Context& c) {
  auto accounts = c.accounts();
  const auto org = accounts.add_organisation(c.req.get_param_value("slug"),
                                             c.req.get_param_value("name"), c.actor());
  c.res.set_redirect("/organisation?org=" + org.slug, 303);
}

}  // namespace

void add_organisation_pages(RouteTable& table) {
  uncached_route(table, Method::get, "/organisation", Effect::read, Access::org_admin, Kind::page,
                 [](Context& c) { send_page(c, organisation_page(c, managed_org(c), "", "")); });
  uncached_route(table, Method::post, "/organisation/members", Effect::write, Access::org_admin,
                 Kind::page, add_member);
  uncached_route(table, Method::post, "/organisation/members/role", Effect::write,
                 Access::org_admin, Kind::page, change_role);
  uncached_route(table, Method::post, "/organisation/members/state", Effect::write,
                 Access::org_admin, Kind::page, change_state);
  uncached_route(table, Method::get, "/organisation/audit", Effect::read, Access::org_admin,
                 Kind::page, [](Context& c) { send_page(c, audit_page(c, managed_org(c))); });
  uncached_route(table, Method::get, "/organisations", Effect::read, Access::site_admin, Kind::page,
                 [](Context& c) { send_page(c, organisations_page(c, "")); });
  uncached_route(table, Method::post, "/organisations", Effect::write, Access::site_admin,
                 Kind::page, add_organisation);
}

}  // namespace vakkaart::server
