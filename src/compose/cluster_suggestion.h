#pragma once

#include <string>
#include <vector>

#include "model/framework.h"

namespace vakkaart::compose {

/// The cluster of a framework whose profiles' statements share the most vocabulary (cosine of
/// analyzer stem counts) with the given texts: where a qualification competence taken into a
/// function belongs in the ring model. Empty when the framework has no clusters.
std::string suggest_cluster(const model::Framework& framework_with_profiles,
                            const std::vector<std::string>& texts);

}  // namespace vakkaart::compose
