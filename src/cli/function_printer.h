#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "cli/context.h"
#include "compose/coverage.h"
#include "compose/source_changes.h"
#include "compose/validation.h"
#include "model/framework.h"
#include "model/function_profile.h"

namespace vakkaart::cli {

/// A function as a tree: its fields, then ring → cluster → block → items, each with the ids
/// and source positions the other function commands take; reworded items show their original.
void print_function(std::ostream& out, const model::FunctionProfile& function,
                    const std::optional<model::Framework>& framework,
                    const std::vector<compose::Warning>& warnings,
                    const std::vector<compose::SourceChange>& changes, const Style& s);

/// The profiles a function resembles, best first, with bars and the coverage per ring.
void print_coverage(std::ostream& out, const compose::FunctionCoverage& coverage, const Style& s);

}  // namespace vakkaart::cli
