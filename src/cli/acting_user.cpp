#include "cli/acting_user.h"

#include <cstdlib>

#include "auth/clock.h"
#include "core/error.h"

namespace vakkaart::cli {

Acting acting_as(store::Store& store, const std::string& as_email, const std::string& author,
                 auth::Role needed) {
  std::string email = as_email;
  if (email.empty())
    if (const char* env = std::getenv("VAKKAART_AS"))
      email = env;
  Acting out;
  out.actor.client = "cli";
  if (store.accounts().count_users() == 0) {
    // No accounts yet: the operator acts, under the name they give.
    const char* user = std::getenv("USER");
    out.author = !author.empty() ? author : (user ? user : "");
    out.actor.email = "operator";
    return out;
  }
  if (email.empty())
    throw Error(ErrorCode::invalid_argument,
                "this database has users: say who makes the change with --as EMAIL "
                "(or $VAKKAART_AS)",
                {"", 0, "--as"});
  if (!author.empty())
    throw Error(ErrorCode::invalid_argument,
                "--author is for databases without users; the change is made as " + email,
                {"", 0, "--author"});
  auth::AccountService accounts(store);
  const store::User user = accounts.user_by_email(email);
  if (user.disabled)
    throw Error(ErrorCode::forbidden, email + " is disabled", {"", 0, "--as"});
  const auth::Identity who = accounts.identity_of(user, "");
  if (!who.site_admin() && !who.holds(needed))
    throw Error(ErrorCode::forbidden,
                email + " needs the role " + std::string(auth::role_name(needed)) +
                    (who.org_slug.empty() ? " in an organisation" : " in " + who.org_slug),
                {"", 0, "--as"});
  out.author = user.email;
  out.actor.email = user.email;
  out.org = who.org_slug;
  if (!who.site_admin())
    out.scope = who.org_slug;
  if (!who.org_slug.empty())
    out.owner = who.org_slug;
  return out;
}

void audit_cli(store::Store& store, const Acting& who, const std::string& action,
               const std::string& object, const std::string& detail) {
  store.accounts().append_audit(
      {0, auth::iso_now(), who.actor.email, who.org, action, object, detail, who.actor.client});
}

}  // namespace vakkaart::cli
