#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// Longest text we accept for one item, title or field: a job text is read by people.
constexpr std::size_t kMaxItemChars = 2000;
constexpr std::size_t kMaxFieldChars = 20000;

/// Applies one edit to a function in memory and returns a one-line account of it for the
/// history. Edits are JSON objects with an "op":
///   set            {field: title|purpose|context|organisation|status, value}
///   add_block      {source: "PROFILE:CLUSTER:N" | "BK-xxxx-v:N", items?: [1-based], cluster?, at?}
///   add_own_block  {title, cluster, items?: [text], at?}
///   remove_block   {block}          move_block {block, to}
///   set_block      {block, title?, weight?: number|null, cluster?}
///   select         {block, items: [1-based positions in the source]}
///   add_item       {block, text, at?}      remove_item {item}      move_item {item, to}
///   reword         {item, text: string|null (null: back to the original)}
///   take_change    {change}         leave_change {change}
/// Throws Error(invalid_argument / not_found / too_large) naming the field; the function may
/// then be half-edited, so callers apply edits to a copy.
std::string apply_edit(store::Store& store, model::FunctionProfile& function,
                       const nlohmann::ordered_json& edit);

/// Takes a block from a source: the learning-professional core of a new function, `add_block`.
model::FunctionBlock take_block(store::Store& store, model::FunctionProfile& function,
                                const std::string& source_ref, const std::vector<int>& positions,
                                const std::string& cluster_override);

}  // namespace vakkaart::compose
