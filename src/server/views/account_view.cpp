#include "server/views/account_view.h"

#include "auth/audit_json.h"
#include "server/views/audit_text.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

using vakkaart::Json;

namespace {

std::string role_label(const Json& t, const std::string& role) {
  return t["account"]["roles"].value(role, role);
}

Json role_options(const Json& t, const std::string& selected) {
  Json out = Json::array();
  for (const char* r : {"reader", "editor", "curator", "admin"})
    out.push_back({{"value", r}, {"label", role_label(t, r)}, {"selected", selected == r}});
  return out;
}

}  // namespace

Page sign_in_page(Context& c, const std::string& error, const std::string& email,
                  const std::string& next) {
  const Json& t = web::ui_texts(c.lang);
  Json view = {{"error", error}, {"email", email}, {"next", next}};
  return Page{"sign_in", t["account"]["sign_in_title"], view};
}

Page account_page(Context& c, const std::string& notice, const std::string& new_token) {
  const Json& t = web::ui_texts(c.lang);
  const auth::Identity& who = c.caller;
  auto& accounts = c.store().accounts();
  Json view;
  view["notice"] = notice;
  view["new_token"] = new_token;
  Json memberships = Json::array();
  for (const auto& m : who.memberships)
    memberships.push_back({{"slug", m.org_slug},
                           {"name", m.org_name},
                           {"role_label", role_label(t, m.role)},
                           {"current", m.org_slug == who.org_slug}});
  view["memberships"] = memberships;
  view["has_memberships"] = !memberships.empty();
  view["is_org_admin"] = who.holds(auth::Role::admin);
  view["site_admin"] = who.site_admin();
  Json tokens = Json::array();
  for (const auto& tok : accounts.tokens_of(who.user->id))
    tokens.push_back(
        {{"id", tok.id},
         {"name", tok.name},
         {"org", tok.org_slug},
         {"access",
          tok.read_only ? t["account"]["token_access_read"] : t["account"]["token_access_write"]},
         {"revoked", tok.revoked},
         {"last_used", tok.last_used.empty() ? t["account"]["token_never_used"].get<std::string>()
                                             : tok.last_used}});
  view["tokens"] = tokens;
  Json sessions = Json::array();
  for (const auto& s : accounts.sessions_of(who.user->id))
    sessions.push_back({{"id", s.id_hash},
                        {"created", s.created},
                        {"last_seen", s.last_seen},
                        {"client", s.client},
                        {"agent", s.user_agent.substr(0, 60)},
                        {"current", s.id_hash == who.session_hash}});
  view["sessions"] = sessions;
  return Page{"account", t["account"]["account_title"], view};
}

Page organisation_page(Context& c, const std::string& org_slug, const std::string& notice,
                       const std::string& link) {
  const Json& t = web::ui_texts(c.lang);
  auto& accounts = c.store().accounts();
  const auto org = accounts.find_organisation(org_slug);
  Json members = Json::array();
  int index = 0;
  for (const auto& m : accounts.members_of(org_slug))
    members.push_back({{"index", ++index},
                       {"email", m.user.email},
                       {"name", m.user.display_name},
                       {"disabled", m.disabled || m.user.disabled},
                       {"roles", role_options(t, m.role)}});
  Json view = {
      {"org_name", org ? org->name : org_slug}, {"org_slug", org_slug}, {"members", members},
      {"new_roles", role_options(t, "reader")}, {"notice", notice},     {"link", link}};
  return Page{"organisation",
              t["account"]["org_title"].get<std::string>() + " " + (org ? org->name : org_slug),
              view};
}

Json audit_json(store::Store& store, const store::AuditFilter& filter) {
  return {{"entries", auth::audit_entries_json(store.accounts().list_audit(filter))}};
}

Page audit_page(Context& c, const std::string& org_slug) {
  const Json& t = web::ui_texts(c.lang);
  store::AuditFilter filter;
  filter.org_slug = org_slug;
  filter.limit = 500;
  Json entries = audit_json(c.store(), filter)["entries"];
  for (auto& e : entries) {
    const std::string action = e.value("action", "");
    e["detail"] = audit_detail_text(t, action, e.value("detail", ""));
    e["action"] = audit_action_text(t, action);
  }
  const auto org = c.store().accounts().find_organisation(org_slug);
  Json view = {{"entries", entries},
               {"has_entries", !entries.empty()},
               {"org_name", org ? org->name : org_slug}};
  return Page{"audit", t["account"]["audit_title"], view};
}

Page organisations_page(Context& c, const std::string& notice) {
  const Json& t = web::ui_texts(c.lang);
  Json orgs = Json::array();
  for (const auto& o : c.store().accounts().list_organisations())
    orgs.push_back({{"slug", o.slug}, {"name", o.name}});
  return Page{"organisations",
              t["account"]["organisations_title"],
              {{"organisations", orgs}, {"notice", notice}}};
}

Json identity_json(const auth::Identity& who) {
  Json memberships = Json::array();
  for (const auto& m : who.memberships)
    memberships.push_back({{"organisation", m.org_slug}, {"name", m.org_name}, {"role", m.role}});
  return {{"email", who.user->email},
          {"display_name", who.user->display_name},
          {"site_admin", who.site_admin()},
          {"organisation", who.org_slug},
          {"role", who.role ? std::string(auth::role_name(*who.role)) : ""},
          {"via", who.via == auth::Identity::Via::token ? "token" : "session"},
          {"read_only", who.read_only},
          {"memberships", memberships}};
}

}  // namespace vakkaart::server
