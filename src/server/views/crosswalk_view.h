#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "model/alignment.h"
#include "server/pipeline.h"
#include "store/store.h"

namespace vakkaart::server {

/// The alignments `filter` selects, computed on the store's current content: when the page's
/// (read-only) store holds stale ones, they are recomputed through a writable store first.
std::vector<model::Alignment> page_crosswalks(const Context& r,
                                              const store::AlignmentFilter& filter);

/// The profiles the main-activity ends of a page's alignments name, each loaded once, so those
/// ends show their labels in the reader's language (issue 18).
class CrosswalkProfiles {
 public:
  explicit CrosswalkProfiles(store::Store& store) : store_(store) {}
  /// The profile with its framework, or nullptr when there is none by that id.
  const store::ProfileRecord* find(const std::string& id);

 private:
  store::Store& store_;
  std::map<std::string, std::optional<store::ProfileRecord>> loaded_;
};

/// One alignment as web/templates/crosswalk_list.mustache shows it: both ends with links to
/// their pages, the type and status in the page's language, and the decision form's fields
/// (`back` is where the no-JavaScript form returns to).
/// With `profiles`, a main-activity end's title, profile title and cluster title are shown in
/// the reader's language where a label exists (model::shown_text; `title_lang` and
/// `context_parts` [{text, lang, sep}] say in which); without, they are Dutch.
vakkaart::Json crosswalk_row(const model::Alignment& a, const Context& r, const std::string& back,
                             CrosswalkProfiles* profiles = nullptr);

/// The scores each type starts at, as placeholders of a UI text: {exact}, {close}, {related}
/// ("75%", ...), from the computation's own settings so the words never drift from them.
std::vector<std::pair<std::string, std::string>> crosswalk_thresholds();

/// What the types mean, with the scores they start at (the computation's own thresholds):
/// the hover hint of a type, and the key beside the compare page's cluster rows.
std::string crosswalk_type_hint(const std::string& lang);

/// A decision as a client names it: "confirmed" (or "confirm"), "rejected" (or "reject"), or
/// "none" (take the decision back); Error naming the field `decision` otherwise.
model::AlignmentStatus crosswalk_decision(const std::string& value);

/// The texts and asset URLs every crosswalk section needs (merged into the page's view).
void add_crosswalk_assets(vakkaart::Json& view);

}  // namespace vakkaart::server
