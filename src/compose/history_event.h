#pragma once

#include <map>
#include <string>
#include <vector>

#include "compose/edit.h"
#include "core/json.h"
#include "model/function_profile.h"

namespace vakkaart::compose {

/// One thing a saved change did, in words a person knows (block titles, not "b4"), so a UI can
/// say it in its own language: "An verwijderde blok Communiceren om 14:05". The history keeps
/// these beside its English summary line.
struct HistoryEvent {
  /// create | duplicate | import | replace | set_title | set_organisation | set_purpose |
  /// set_context | set_status | add_block | add_own_block | remove_block | move_block |
  /// rename_block | set_weight | clear_weight | set_cluster | clear_cluster | select | add_item |
  /// remove_item | move_item | reword | revert | take_change | leave_change | restore
  std::string op;
  /// What the sentence names: block, title, value, weight, cluster, count, of, to, text.
  std::map<std::string, std::string> params = {};
};

/// What `edit` did to `before`, which became `after`: usually one event, a set_block of title
/// and weight two. Texts are cut to 120 characters (the history is a list, not the document).
std::vector<HistoryEvent> describe_edit(const Edit& edit, const model::FunctionProfile& before,
                                        const model::FunctionProfile& after);

/// The events as the history stores them: a JSON array, in canonical form.
std::string events_to_text(const std::vector<HistoryEvent>& events);

/// The stored events as JSON for the API; an empty array for entries saved before events were
/// kept (their text is "") and for text that is not such an array.
vakkaart::Json events_json(const std::string& text);

}  // namespace vakkaart::compose
