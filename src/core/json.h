#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace vakkaart {

/// JSON whose keys keep the order we write them in: every shape vakkaart writes (canonical
/// documents, functions, API answers) is ordered, so the same value always prints the same bytes.
using Json = nlohmann::ordered_json;

/// The one serialisation of canonical JSON: 2-space indent, UTF-8 as is, final newline. Export
/// -> import -> export is byte-identical because of this.
std::string dump_canonical(const Json& json);

}  // namespace vakkaart
