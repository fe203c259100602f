#pragma once

#include <string>
#include <string_view>

#include "core/json.h"
#include "model/framework.h"
#include "model/qualification.h"
#include "sources/parse_result.h"

namespace vakkaart::sources {

/// `{kind:"profile", id, title, framework, definition, clusters:[...]}`: every cluster of the
/// framework in model order, empty ones included.
Json profile_to_json(const model::Framework& framework, const model::Profile& profile);

/// `{kind:"framework", id, title, date, layers, clusters, profiles:[profile...]}`.
Json framework_to_json(const model::Framework& framework);

/// `{kind:"qualification", id, code, version, current, title, ...}`.
Json qualification_to_json(const model::Qualification& qualification);

/// Reads canonical JSON: one framework, qualification or profile object, or an array of them.
/// Profiles without their framework are gathered into a framework rebuilt from their clusters
/// (a decision note says so; its title is left empty for the caller to fill in).
ParseResult parse_canonical_json(std::string_view text, const std::string& file_name);

/// Cheap sniff for format detection: the text starts with '{' or '[' and names a "kind".
bool looks_like_canonical_json(std::string_view text);

}  // namespace vakkaart::sources
