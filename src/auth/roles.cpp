#include "auth/roles.h"

#include "core/error.h"

namespace vakkaart::auth {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::reader:
      return "reader";
    case Role::editor:
      return "editor";
    case Role::curator:
      return "curator";
    case Role::admin:
      return "admin";
  }
  return "reader";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (Role r : {Role::reader, Role::editor, Role::curator, Role::admin})
    if (role_name(r) == name)
      return r;
  return std::nullopt;
}

Role parse_role(std::string_view name) {
  auto role = role_from_name(name);
  if (!role)
    throw Error(ErrorCode::invalid_argument,
                "role must be reader, editor, curator or admin, not '" + std::string(name) + "'",
                {"", 0, "role"});
  return *role;
}

}  // namespace vakkaart::auth
