#pragma once

#include <string>
#include <vector>

#include "compose/edit.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// Longest text we accept for one item, title or field: a job text is read by people.
constexpr std::size_t kMaxItemChars = 2000;
constexpr std::size_t kMaxFieldChars = 20000;

/// Applies one edit to a function in memory and returns a one-line account of it for the
/// history ("took BK-0338-3:1 (9 of 9 statements) as block b4"). Throws Error(invalid_argument
/// / not_found / too_large) naming the field of the edit ("weight", "block"); the function may
/// then be half-edited, so callers apply edits to a copy.
std::string apply_edit(store::Store& store, model::FunctionProfile& function, const Edit& edit);

/// Takes a block from a source: the learning-professional core of a new function, `add_block`.
model::FunctionBlock take_block(store::Store& store, model::FunctionProfile& function,
                                const std::string& source_ref, const std::vector<int>& positions,
                                const std::string& cluster_override);

}  // namespace vakkaart::compose
