#pragma once

#include <vector>

#include "formats/canonical_json.h"
#include "store/store.h"

namespace vakkaart::catalog {

// The JSON of the store's lists, one shape for `vakkaart list --json` and the API's list routes
// (documented as FrameworkSummary, ProfileSummary, QualificationSummary in openapi.yaml).

formats::Json frameworks_summary_json(const std::vector<store::FrameworkSummary>& items);
formats::Json profiles_summary_json(const std::vector<store::ProfileSummary>& items);
formats::Json qualifications_summary_json(const std::vector<store::QualificationSummary>& items);

}  // namespace vakkaart::catalog
