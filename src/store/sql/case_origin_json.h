#pragma once

#include <string>

#include "model/case_origin.h"

namespace vakkaart::store {

/// The stored form of a framework's CaseOrigin: '' when empty, else a JSON object
/// {"identifiers": {name: identifier}, "associations": [{identifier, type, origin, destination,
/// destination_uri, destination_title, sequence}]}.
std::string case_origin_to_text(const model::CaseOrigin& origin);
/// Reads what case_origin_to_text wrote; Error(database_error) on anything else.
model::CaseOrigin case_origin_from_text(const std::string& text);

}  // namespace vakkaart::store
