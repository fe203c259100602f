#pragma once

#include <string>
#include <vector>

#include "compose/function_service.h"

namespace vakkaart::compose {

/// A new function that holds `sources` (main activities "PROFILE:CLUSTER:N", competences
/// "BK-xxxx-v:N") as blocks: `service.create(spec)` (with the learning-professional core),
/// then one change of `add_block` edits, so every block is built the way the composer builds
/// it and the history says what was taken. A source the core already holds is not taken
/// twice. Two versions are written: call it inside a transaction to get both or neither.
/// Errors as create() and edit() (an unknown source: Error(not_found), field
/// "edits[N].source").
model::FunctionProfile create_with_sources(FunctionService& service, const NewFunction& spec,
                                           const std::vector<std::string>& sources,
                                           const std::string& author);

}  // namespace vakkaart::compose
