#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compare/similarity.h"

namespace vakkaart::render {

/// A heat map (heatmap_svg, sequential scale) per measure of a similarity, in measure order,
/// labelled with the item titles. link_of gives each item's label a link; leave it empty for
/// plain labels.
std::vector<std::string> similarity_heatmaps_svg(
    const compare::Similarity& similarity, const std::string& lang = "nl",
    const std::function<std::string(const compare::ItemInfo&)>& link_of = {});

}  // namespace vakkaart::render
