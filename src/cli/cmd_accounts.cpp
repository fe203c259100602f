// `vakkaart org …`, `user …`, `token …` and `audit`: the machine's operator manages accounts on
// the database directly (no server needed). Changes are audited as the operator, from "cli".
#include <iostream>
#include <string>

#include "auth/account_service.h"
#include "auth/audit_json.h"
#include "auth/clock.h"
#include "auth/roles.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/json.h"

namespace vakkaart::cli {

namespace {

const auth::Actor kOperator{"operator", "cli"};

/// A password from stdin: the first line, without its line end (nothing on a command line,
/// where `ps` and shell history would show it).
std::string read_password_stdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  if (line.empty())
    throw Error(ErrorCode::invalid_argument, "no password on stdin", {"", 0, "password"});
  return line;
}

struct AccountOptions {
  std::string slug, name, email, org, role, display_name, token_name, since;
  bool password_stdin = false, read_only = false, json = false, site_admin = false;
};

AccountOptions& aopts() {
  static AccountOptions o;
  return o;
}

void add_org(CLI::App& app, Context& ctx) {
  auto& o = aopts();
  auto* org = app.add_subcommand("org", "Organisations (they own function profiles)");
  org->require_subcommand(1);
  auto* add = org->add_subcommand("add", "Add an organisation");
  add->add_option("slug", o.slug, "Short name: 2-40 of a-z, 0-9, '-'")->required();
  add->add_option("--name", o.name, "Its name, e.g. \"Vormingplus Gent\"")->required();
  add->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService(*store).add_organisation(o.slug, o.name, kOperator);
    std::cout << o.slug << "\n";
  });
  auto* list = org->add_subcommand("list", "List organisations");
  list->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    for (const auto& org : store->accounts().list_organisations())
      std::cout << org.slug << "\t" << org.name << "\n";
  });
}

void add_user(CLI::App& app, Context& ctx) {
  auto& o = aopts();
  auto* user = app.add_subcommand("user", "Users and their roles");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Add a user, member of an organisation");
  add->add_option("email", o.email, "Email address (the sign-in name)")->required();
  add->add_option("--org", o.org, "Organisation slug")->required();
  add->add_option("--role", o.role, "reader, editor, curator or admin")
      ->required()
      ->check(CLI::IsMember({"reader", "editor", "curator", "admin"}));
  add->add_option("--name", o.display_name, "Display name (default: the part before @)");
  add->add_flag("--password-stdin", o.password_stdin, "Read the password from stdin");
  add->add_flag("--site-admin", o.site_admin, "Also a site admin (manages organisations)");
  add->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService accounts(*store);
    const std::string password = o.password_stdin ? read_password_stdin() : "";
    accounts.organisation(o.org);  // before creating anyone
    store->in_transaction([&] {
      accounts.add_user(o.email, o.display_name, password, o.site_admin, kOperator);
      accounts.set_role(o.email, o.org, auth::parse_role(o.role), kOperator);
    });
    std::cout << auth::normalise_email(o.email) << "\n";
  });
  auto* list = user->add_subcommand("list", "List users with their memberships");
  list->add_flag("--json", o.json, "JSON output");
  list->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    Json out = Json::array();
    for (const auto& u : store->accounts().list_users()) {
      Json memberships = Json::array();
      std::string text;
      for (const auto& m : store->accounts().memberships_of(u.id)) {
        memberships.push_back(
            {{"organisation", m.org_slug}, {"role", m.role}, {"disabled", m.disabled}});
        text += (text.empty() ? "" : ", ") + m.org_slug + ":" + m.role +
                (m.disabled ? " (disabled)" : "");
      }
      out.push_back({{"email", u.email},
                     {"display_name", u.display_name},
                     {"disabled", u.disabled},
                     {"site_admin", u.site_admin},
                     {"memberships", memberships}});
      if (!o.json)
        std::cout << u.email << "\t" << u.display_name << "\t" << text
                  << (u.site_admin ? "\tsite admin" : "") << (u.disabled ? "\tDISABLED" : "")
                  << "\n";
    }
    if (o.json)
      std::cout << out.dump(2) << "\n";
  });
  auto* disable = user->add_subcommand("disable", "Disable a user: sessions end, tokens revoked");
  disable->add_option("email", o.email)->required();
  disable->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService(*store).set_user_disabled(o.email, true, kOperator);
  });
  auto* link = user->add_subcommand(
      "link", "Print a one-time sign-in link path for a user (valid 15 minutes)");
  link->add_option("email", o.email)->required();
  link->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService accounts(*store);
    // Made before anything is printed: on an unknown user stdout stays empty, so that
    // `link=$(vakkaart user link …)` captures nothing rather than half a path.
    const std::string secret = accounts.create_sign_in_link(accounts.user_by_email(o.email));
    std::cout << "/sign-in/link/" << secret << "\n";
  });
  auto* role = user->add_subcommand("role", "Give a user a role in an organisation");
  role->add_option("email", o.email)->required();
  role->add_option("--org", o.org, "Organisation slug")->required();
  role->add_option("--role", o.role, "reader, editor, curator or admin")
      ->required()
      ->check(CLI::IsMember({"reader", "editor", "curator", "admin"}));
  role->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService(*store).set_role(o.email, o.org, auth::parse_role(o.role), kOperator);
  });
}

void add_token(CLI::App& app, Context& ctx) {
  auto& o = aopts();
  auto* token = app.add_subcommand("token", "API tokens (Authorization: Bearer …)");
  token->require_subcommand(1);
  auto* create = token->add_subcommand("create", "Create a token for a user; prints it alone");
  create->add_option("email", o.email)->required();
  create->add_option("--name", o.token_name, "What the token is for")->required();
  create->add_option("--org", o.org, "Organisation it acts for (default: the user's first)");
  create->add_flag("--read-only", o.read_only, "Reads only");
  create->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auth::AccountService accounts(*store);
    const auto user = accounts.user_by_email(o.email);
    std::cout << accounts.create_token(user, o.token_name, o.read_only, o.org, kOperator) << "\n";
  });
}

void add_audit(CLI::App& app, Context& ctx) {
  auto& o = aopts();
  auto* audit = app.add_subcommand("audit", "Show the audit log, newest first");
  audit->add_option("--org", o.org, "Only this organisation");
  audit->add_option("--since", o.since, "From this date or time on (ISO 8601, e.g. 2026-12-01)");
  audit->add_flag("--json", o.json, "JSON output");
  audit->callback([&ctx, &o] {
    store::AuditFilter filter;
    filter.since = auth::since_bound(o.since, "--since");
    auto store = ctx.open_store(store::OpenMode::read_only);
    if (!o.org.empty())
      filter.org_slug = o.org;
    filter.limit = 100000;
    const auto entries = store->accounts().list_audit(filter);
    if (o.json) {
      std::cout << Json{{"entries", auth::audit_entries_json(entries)}}.dump(2) << "\n";
      return;
    }
    for (const auto& e : entries)
      std::cout << e.at << "\t" << e.actor << "\t" << (e.org_slug.empty() ? "-" : e.org_slug)
                << "\t" << e.action << "\t" << e.object << "\t" << e.detail << "\t" << e.client
                << "\n";
  });
}

}  // namespace

void add_account_commands(CLI::App& app, Context& ctx) {
  add_org(app, ctx);
  add_user(app, ctx);
  add_token(app, ctx);
  add_audit(app, ctx);
}

}  // namespace vakkaart::cli
