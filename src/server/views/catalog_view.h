#pragma once

#include <string>

#include "core/json.h"
#include "search/searcher.h"
#include "store/store.h"

namespace vakkaart::server {

// What the JSON API answers, built in one place: the API routes send it and the web pages render
// it, so a page never shows data the API would not give.

vakkaart::Json health_json(store::Store& store);
vakkaart::Json frameworks_json(store::Store& store);
/// Throws Error(not_found) for an unknown id, as do the other lookups.
vakkaart::Json framework_json(store::Store& store, const std::string& id);
/// Profile summaries; `framework` empty for all.
vakkaart::Json profiles_json(store::Store& store, const std::string& framework = "");
vakkaart::Json qualifications_json(store::Store& store);

/// A profile as the API gives it, with the record it was made from (for drawing).
struct ProfileData {
  store::ProfileRecord record;
  vakkaart::Json json;
};
ProfileData profile_data(store::Store& store, const std::string& id);

/// A qualification as the API gives it: the canonical shape plus `versions` of its code.
vakkaart::Json qualification_json(store::Store& store, const std::string& id);

/// A search over the store's index (rebuilt first when stale), as compact JSON text.
std::string search_json_text(store::Store& store, const std::string& index_dir,
                             const search::SearchRequest& request);

}  // namespace vakkaart::server
