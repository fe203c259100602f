#include "auth/audit_json.h"

namespace vakkaart::auth {

vakkaart::Json audit_entries_json(const std::vector<store::AuditEntry>& entries) {
  vakkaart::Json out = vakkaart::Json::array();
  for (const auto& e : entries)
    out.push_back({{"id", e.id},
                   {"at", e.at},
                   {"actor", e.actor},
                   {"organisation", e.org_slug},
                   {"action", e.action},
                   {"object", e.object},
                   {"detail", e.detail},
                   {"client", e.client}});
  return out;
}

}  // namespace vakkaart::auth
