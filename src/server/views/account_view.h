#pragma once

#include <string>

#include "core/json.h"
#include "server/views/page.h"

namespace vakkaart::server {

// The account pages' views: sign-in, the user's own account, the organisation's members and
// audit log, and the site admin's list of organisations. Text from users (names, emails, token
// names) goes into the templates as values, which mustache escapes.

Page sign_in_page(Context& c, const std::string& error, const std::string& email,
                  const std::string& next);
/// `new_token`: a token just created, shown once.
Page account_page(Context& c, const std::string& notice, const std::string& new_token);
/// `link`: a one-time sign-in link for a member just added.
Page organisation_page(Context& c, const std::string& org_slug, const std::string& notice,
                       const std::string& link);
Page audit_page(Context& c, const std::string& org_slug);
Page organisations_page(Context& c, const std::string& notice);

/// The audit log as JSON ({"entries": [...]}), newest first.
vakkaart::Json audit_json(store::Store& store, const store::AuditFilter& filter);
/// The caller as JSON: user, organisation, role, memberships (GET /api/me).
vakkaart::Json identity_json(const auth::Identity& who);

}  // namespace vakkaart::server
