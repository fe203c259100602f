#pragma once

#include <vector>

#include "core/json.h"
#include "store/store.h"

namespace vakkaart::catalog {

// The JSON of the store's lists, one shape for `vakkaart list --json` and the API's list routes
// (documented as FrameworkSummary, ProfileSummary, QualificationSummary in openapi.yaml).

vakkaart::Json frameworks_summary_json(const std::vector<store::FrameworkSummary>& items);
vakkaart::Json profiles_summary_json(const std::vector<store::ProfileSummary>& items);
vakkaart::Json qualifications_summary_json(const std::vector<store::QualificationSummary>& items);

}  // namespace vakkaart::catalog
