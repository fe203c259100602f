#pragma once

#include <string>
#include <string_view>

#include "core/json.h"
#include "model/function_profile.h"

namespace vakkaart::exports {

/// `{kind:"function", id, organisation, title, purpose, context, status, version, created,
/// updated, framework, next_id, blocks:[{id, layer, cluster, title, weight, source, items,
/// decided_changes}]}`: everything a function holds, so reading it back restores it exactly.
Json function_to_json(const model::FunctionProfile& function);

/// Reads a function from its canonical JSON. Texts are kept exactly as written. Throws
/// Error(parse_error) naming the file and the JSON path of what is missing or mistyped.
model::FunctionProfile function_from_json(const Json& json, const std::string& file_name);
model::FunctionProfile parse_function_json(std::string_view text, const std::string& file_name);

/// Cheap sniff: canonical JSON whose kind is "function".
bool looks_like_function_json(std::string_view text);

}  // namespace vakkaart::exports
