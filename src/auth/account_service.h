#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.h"
#include "auth/roles.h"
#include "store/store.h"

namespace vakkaart::auth {

/// How long sessions and sign-in links live.
struct SessionPolicy {
  std::chrono::seconds idle{std::chrono::hours(12)};
  std::chrono::seconds lifetime{std::chrono::hours(24 * 7)};
  std::chrono::seconds sign_in_link{std::chrono::minutes(15)};
};

/// Where a change comes from, for the audit log.
struct Actor {
  std::string email;   // "operator" for the CLI without --as
  std::string client;  // the client address, or "cli"
};

/// A new session: the secret goes into the cookie, and only there.
struct NewSession {
  std::string secret;
  Identity identity;
};

/// Accounts: organisations, users, roles, sessions, tokens, sign-in links, and the audit entry of
/// every change. Used by the server and the CLI alike; errors are vakkaart::Error. Every change
/// and its audit entry are one transaction.
class AccountService {
 public:
  explicit AccountService(store::Store& store, SessionPolicy policy = {})
      : store_(store), accounts_(store.accounts()), policy_(policy) {}

  // Organisations and members.
  store::Organisation add_organisation(const std::string& slug, const std::string& name,
                                       const Actor& actor);
  /// A new user; `password` may be empty (the user then signs in by link until one is set).
  store::User add_user(const std::string& email, const std::string& display_name,
                       const std::string& password, bool site_admin, const Actor& actor);
  /// Gives `email` the role in `org_slug` (adding the membership when needed). Error(conflict)
  /// when it would take the organisation's last active admin away (see keep_an_admin).
  void set_role(const std::string& email, const std::string& org_slug, Role role,
                const Actor& actor);
  /// Disables (or enables) a member in one organisation; disabling the last active admin is
  /// refused like a demotion.
  void set_member_disabled(const std::string& email, const std::string& org_slug, bool disabled,
                           const Actor& actor);
  /// Disables (or enables) a user everywhere; disabling ends their sessions.
  void set_user_disabled(const std::string& email, bool disabled, const Actor& actor);
  store::User user_by_email(const std::string& email);
  store::Organisation organisation(const std::string& slug);

  // Signing in. Both failures answer the same Error(unauthorized) "wrong email or password",
  // after the same work (an unknown email is checked against a decoy hash).
  store::User check_password(const std::string& email, const std::string& password);
  /// A session for `user` acting for their first organisation (or `org_slug`).
  NewSession start_session(const store::User& user, const std::string& client,
                           const std::string& user_agent, const std::string& org_slug = "");
  /// The identity of a session cookie's secret; anonymous when it is unknown, expired (then it
  /// is removed), or its user is disabled.
  Identity resolve_session(const std::string& secret);
  /// Switches the session to another of the user's organisations.
  void switch_organisation(const Identity& who, const std::string& org_slug);
  void end_session(const std::string& session_hash);
  /// The user's sessions, newest first.
  std::vector<store::SessionRecord> sessions_of(int64_t user_id);
  /// Ends one of the user's own sessions (by the hash shown on the account page).
  void end_own_session(const Identity& who, const std::string& session_hash);
  /// Checks the old password, stores the new one and ends every session of the user.
  void change_password(const Identity& who, const std::string& old_password,
                       const std::string& new_password, const Actor& actor);

  // API tokens.
  /// A new token for the user, acting for `org_slug` ("" = the user's first organisation);
  /// returns the secret, shown once.
  std::string create_token(const store::User& user, const std::string& name, bool read_only,
                           const std::string& org_slug, const Actor& actor);
  Identity resolve_token(const std::string& secret);
  void revoke_token(const Identity& who, int64_t token_id, const Actor& actor);

  // One-time sign-in links.
  std::string create_sign_in_link(const store::User& user);
  /// The user of an unused, unexpired link, which is used up; Error(unauthorized) otherwise.
  store::User consume_sign_in_link(const std::string& secret);

  /// Appends to the audit log (outside any other change: the sign-in, say).
  void audit(const Actor& actor, const std::string& org_slug, const std::string& action,
             const std::string& object, const std::string& detail);

  /// The identity of `user` acting for `org_slug` ("" = their first active organisation).
  Identity identity_of(const store::User& user, const std::string& org_slug);

 private:
  /// Refuses (Error conflict) to take `user_id`'s admin role in `org_slug` away when no other
  /// active admin is left: nobody in the organisation could then manage its members, and an
  /// admin demoting themselves by mistake locks their organisation out until a site admin
  /// steps in. Disabling a user everywhere (`user disable`, the operator cutting off an account)
  /// is not refused: that must always work.
  void keep_an_admin(const std::string& org_slug, int64_t user_id);

  store::Store& store_;
  store::AccountStore& accounts_;
  SessionPolicy policy_;
};

/// "name@example.org" in lower case; Error(invalid_argument) on anything that is not an address.
std::string normalise_email(const std::string& email);
/// Organisation slugs: 2 to 40 of a-z, 0-9 and '-'.
void check_slug(const std::string& slug);

}  // namespace vakkaart::auth
