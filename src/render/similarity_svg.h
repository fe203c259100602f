#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compare/similarity.h"
#include "model/labels.h"

namespace vakkaart::render {

/// A heat map (heatmap_svg, sequential scale) per measure of a similarity, in measure order,
/// labelled with the item titles. link_of gives each item's label a link; leave it empty for
/// plain labels. `titles`, when not empty, holds one title per item as shown (issue 18: a
/// profile's label in the reader's language or its Dutch), each label then marked with its lang.
std::vector<std::string> similarity_heatmaps_svg(
    const compare::Similarity& similarity, const std::string& lang = "nl",
    const std::function<std::string(const compare::ItemInfo&)>& link_of = {},
    const std::vector<model::ShownText>& titles = {});

}  // namespace vakkaart::render
