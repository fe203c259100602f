#pragma once

#include <string>

#include "core/json.h"
#include "store/store.h"

namespace vakkaart::catalog {

/// What an id names.
enum class IdKind { framework, profile, qualification };

/// Finds what an id names: a framework, a profile, or a qualification (versioned "BK-0338-3" or
/// a code "BK-0338" for its current version). Throws Error(not_found) otherwise.
IdKind resolve_id(store::Store& store, const std::string& id);

/// The canonical JSON of whatever the id names. Throws Error(not_found) for unknown ids.
vakkaart::Json export_json(store::Store& store, const std::string& id);

}  // namespace vakkaart::catalog
