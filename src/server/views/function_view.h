#pragma once

#include <string>

#include "compose/compose_json.h"  // function_view_json, shared with the CLI
#include "compose/coverage.h"
#include "core/json.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::server {

// What the API answers about function profiles, built once for the API routes and the
// composer page alike.

/// `{functions:[{id, title, organisation, status, version, updated, blocks}]}`
/// The functions `scope` sees (one organisation's; every one when unset).
vakkaart::Json function_list_json(store::Store& store, const std::optional<std::string>& scope);

/// The coverage of a function against every stored profile, as JSON or as an SVG chart.
vakkaart::Json function_coverage_json(const compose::CoverageIndex& index,
                                      const model::FunctionProfile& function);
std::string function_coverage_svg(const compose::CoverageIndex& index,
                                  const model::FunctionProfile& function, const std::string& lang);

}  // namespace vakkaart::server
