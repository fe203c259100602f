#pragma once

#include <ostream>

#include "cli/context.h"
#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::cli {

/// Readable trees for `vakkaart show`: rings, clusters, main activities, activities.
void print_framework_tree(std::ostream& out, const model::Framework& framework, const Style& s);
void print_profile_tree(std::ostream& out, const model::Framework& framework,
                        const model::Profile& profile, const Style& s);
void print_qualification_tree(std::ostream& out, const model::Qualification& q,
                              const std::vector<int>& versions, const Style& s);

}  // namespace vakkaart::cli
