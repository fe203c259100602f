#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "formats/parse_result.h"
#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::formats {

/// JSON whose keys keep the order we write them in: the canonical shape is ordered.
using Json = nlohmann::ordered_json;

/// `{kind:"profile", id, title, framework, definition, clusters:[...]}`: every cluster of the
/// framework in model order, empty ones included.
Json profile_to_json(const model::Framework& framework, const model::Profile& profile);

/// `{kind:"framework", id, title, date, layers, clusters, profiles:[profile...]}`.
Json framework_to_json(const model::Framework& framework);

/// `{kind:"qualification", id, code, version, current, title, ...}`.
Json qualification_to_json(const model::Qualification& qualification);

/// The one serialisation of canonical JSON: 2-space indent, UTF-8 as is, final newline. Export
/// -> import -> export is byte-identical because of this.
std::string dump_canonical(const Json& json);

/// Reads canonical JSON: one framework, qualification or profile object, or an array of them.
/// Profiles without their framework are gathered into a framework rebuilt from their clusters
/// (a decision note says so; its title is left empty for the caller to fill in).
ParseResult parse_canonical_json(std::string_view text, const std::string& file_name);

/// Cheap sniff for format detection: the text starts with '{' or '[' and names a "kind".
bool looks_like_canonical_json(std::string_view text);

}  // namespace vakkaart::formats
