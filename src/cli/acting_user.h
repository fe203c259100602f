#pragma once

#include <optional>
#include <string>

#include "auth/account_service.h"
#include "store/store.h"

namespace vakkaart::cli {

/// Who a CLI command that changes a function or decides a crosswalk acts as. The CLI works on the
/// database as the machine's operator; once the database has users, a change must name one
/// (`--as EMAIL`, or $VAKKAART_AS), so history, decisions and the audit log name real users.
/// Without users, the operator's --author (else $USER) is written, as before accounts existed.
struct Acting {
  std::string author;                // the name written into history and decisions
  std::optional<std::string> scope;  // whose functions are visible (nullopt: every one)
  std::optional<std::string> owner;  // the organisation new functions belong to
  std::string org;                   // the organisation audit entries are filed under
  auth::Actor actor;                 // for the audit log
};

/// Resolves --as (`as_email`, else $VAKKAART_AS) and --author. Errors: --as naming no user, a
/// disabled user, or no --as on a database with users (invalid_argument, field "--as");
/// `needed` is the role the change needs in the user's organisation (forbidden without it).
Acting acting_as(store::Store& store, const std::string& as_email, const std::string& author,
                 auth::Role needed);

/// Appends an audit entry for a change made by `who` from the command line.
void audit_cli(store::Store& store, const Acting& who, const std::string& action,
               const std::string& object, const std::string& detail = "");

}  // namespace vakkaart::cli
