#pragma once

#include <string>
#include <vector>

namespace vakkaart::render {

struct HeatmapOptions {
  std::string measure;      // data-measure attribute of the svg, e.g. "statements"
  std::string caption;      // accessible name and <title> of the whole map
  std::string lang = "nl";  // "nl" or "en": decimal comma or point, legend words
  /// Empty, or one href per label: the row and column labels become links.
  std::vector<std::string> links;
  int cell_size = 40;  // px; values are printed inside cells of at least 28 px
};

/// A square matrix of values in [0, 1] (values outside are clamped) as an accessible SVG heat
/// map: row labels on the left, the same labels rotated above the columns, one
/// `<rect class="cell" data-row data-col data-value>` per value with a `<title>` naming the pair
/// and the value, a light-to-dark colour scale with the printed value in a contrasting colour,
/// and a legend. Throws Error(invalid_argument) when values is not labels.size() square, a
/// value is not finite, or links has another size than labels.
std::string heatmap_svg(const std::vector<std::string>& labels,
                        const std::vector<std::vector<double>>& values,
                        const HeatmapOptions& options = {});

}  // namespace vakkaart::render
