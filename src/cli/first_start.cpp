#include "cli/first_start.h"

#include "auth/account_service.h"

namespace vakkaart::cli {

std::optional<std::string> first_start_sign_in(store::Store& store) {
  if (store.accounts().count_users() > 0)
    return std::nullopt;
  auth::AccountService accounts(store);
  const auth::Actor actor{"operator", "cli"};
  std::optional<std::string> secret;
  store.in_transaction([&] {
    const auto admin = accounts.add_user(kFirstAdminEmail, "Beheerder", "", true, actor);
    accounts.set_role(admin.email, "demo", auth::Role::admin, actor);
    secret = accounts.create_sign_in_link(admin);
  });
  return secret;
}

}  // namespace vakkaart::cli
