#pragma once

#include <vector>

#include "core/json.h"
#include "store/account_store.h"

namespace vakkaart::auth {

/// Audit entries as JSON objects (id, at, actor, organisation, action, object, detail, client):
/// the one shape of `vakkaart audit --json` and GET /api/audit.
vakkaart::Json audit_entries_json(const std::vector<store::AuditEntry>& entries);

}  // namespace vakkaart::auth
