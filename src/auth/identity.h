#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "store/account_store.h"

namespace vakkaart::auth {

/// Who is acting, and for which organisation with which role: what every authorization decision
/// reads. Anonymous when `user` is empty.
struct Identity {
  enum class Via { anonymous, session, token, operator_cli };
  Via via = Via::anonymous;
  std::optional<store::User> user;
  /// The organisation acted for ("" when the user belongs to none) and the role held there.
  std::string org_slug;
  std::string org_name;
  std::optional<Role> role;
  /// Every active membership, for the organisation picker.
  std::vector<store::Membership> memberships;
  /// A read-only API token: reads only, whatever the role.
  bool read_only = false;
  /// Session only: the CSRF token its forms and scripts must send, and the session's hash.
  std::string csrf_token;
  std::string session_hash;

  bool signed_in() const { return user.has_value(); }
  bool site_admin() const { return user && user->site_admin; }
  /// Whether the caller holds at least `needed` in the organisation acted for.
  bool holds(Role needed) const { return role && at_least(*role, needed); }
  /// The name written into history and decisions: the user's email ("" when anonymous).
  std::string actor() const { return user ? user->email : std::string(); }
};

}  // namespace vakkaart::auth
