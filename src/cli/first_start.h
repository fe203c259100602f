#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace vakkaart::cli {

/// The address the first site admin is created with.
inline constexpr const char* kFirstAdminEmail = "admin@vakkaart.local";

/// On a database without users: creates the first site admin (admin of the demo organisation,
/// no password) and returns a one-time sign-in link's secret, valid 15 minutes. Returns nothing
/// when users exist.
std::optional<std::string> first_start_sign_in(store::Store& store);

}  // namespace vakkaart::cli
