#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vakkaart::auth {

/// A member's role in an organisation; each includes the ones before it.
///   reader:  reads the organisation's functions and exports them
///   editor:  also creates, edits, deletes and imports functions
///   curator: also decides crosswalks (and, later, edits frameworks)
///   admin:   also manages the organisation's members and sees its audit log
enum class Role { reader = 1, editor = 2, curator = 3, admin = 4 };

std::string_view role_name(Role role);
/// "reader", "editor", "curator", "admin"; nullopt for anything else.
std::optional<Role> role_from_name(std::string_view name);
/// The role, or Error(invalid_argument) naming the allowed ones (field "role").
Role parse_role(std::string_view name);
inline bool at_least(Role held, Role needed) {
  return static_cast<int>(held) >= static_cast<int>(needed);
}

}  // namespace vakkaart::auth
