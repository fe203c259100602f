#pragma once

#include <string>
#include <vector>

#include "compose/edit.h"
#include "core/json.h"

namespace vakkaart::server {

// The API's edits are JSON objects with an "op"; this is the one place they become typed
// compose::Edit values. Shapes and types are checked here; what the library checks when it
// applies an edit (lengths, ranges, whether a block exists) is left to it.
//   set            {field: title|purpose|context|organisation|status, value}
//   add_block      {source: "PROFILE:CLUSTER:N" | "BK-xxxx-v:N", items?: [1-based], cluster?, at?}
//   add_own_block  {title, cluster?, items?: [text], at?}
//   remove_block   {block}          move_block {block, to}
//   set_block      {block, title?, weight?: number|null, cluster?}
//   select         {block, items: [1-based positions in the source]}
//   add_item       {block, text, at?}      remove_item {item}      move_item {item, to}
//   reword         {item, text: string|null (null: back to the original)}
//   take_change    {change}         leave_change {change}

/// One edit; Error(invalid_argument) whose field is `path` and the member at fault
/// ("edits[2].items"; the member alone when `path` is empty).
compose::Edit edit_from_json(const vakkaart::Json& edit, const std::string& path);

/// The "edits" member of a request: a non-empty array of at most compose::kMaxEditsPerChange
/// edits, each read with edit_from_json under the path "edits[i]".
std::vector<compose::Edit> edits_from_json(const vakkaart::Json& edits);

}  // namespace vakkaart::server
