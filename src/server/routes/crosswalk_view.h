#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "model/alignment.h"
#include "server/routes/page_helpers.h"
#include "store/store.h"

namespace vakkaart::server {

/// The alignments `filter` selects, computed on the store's current content: when the page's
/// (read-only) store holds stale ones, they are recomputed through a writable store first.
std::vector<model::Alignment> page_crosswalks(const PageRequest& r,
                                              const store::AlignmentFilter& filter);

/// One alignment as web/templates/crosswalk_list.mustache shows it: both ends with links to
/// their pages, the type and status in the page's language, and the decision form's fields
/// (`back` is where the no-JavaScript form returns to).
vakkaart::Json crosswalk_row(const model::Alignment& a, const PageRequest& r,
                             const std::string& back);

/// The texts and asset URLs every crosswalk section needs (merged into the page's view).
void add_crosswalk_assets(vakkaart::Json& view);

}  // namespace vakkaart::server
