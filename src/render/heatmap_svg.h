#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vakkaart::render {

/// The colour scale of a heat map.
enum class HeatmapScale {
  /// Values in [0, 1] (clamped), light to dark (ColorBrewer "Blues"): a similarity.
  sequential,
  /// Ratios around 1 such as a lift, on a log2 axis from 1/4 to 4 (clamped; 0 and below at the
  /// low end), orange below 1 through grey-white at 1 to purple above (ColorBrewer "PuOr"):
  /// how often two things occur together against chance.
  log_ratio,
};

struct HeatmapOptions {
  std::string measure;      // data-measure attribute of the svg, e.g. "statements"
  std::string caption;      // accessible name and <title> of the whole map
  std::string description;  // <desc> of the map, when not empty
  std::string lang = "nl";  // "nl" or "en": decimal comma or point, legend words
  /// Empty, or one href per label: the row and column labels become links.
  std::vector<std::string> links;
  /// Empty, or one language per label ("en", "nl"): each label's lang attribute (issue 18).
  std::vector<std::string> label_langs;
  int cell_size = 40;  // px; values are printed inside cells of at least 28 px
  HeatmapScale scale = HeatmapScale::sequential;
  std::string css_class = "heatmap";  // class of the svg; its style rules are scoped to it
  std::string role = "group";         // ARIA role of the svg
  /// log_ratio only: the words above the legend's swatches and beside them.
  std::string legend_title, legend_note;
};

/// One cell of a heat map drawn from cells (heatmap_cells_svg).
struct HeatmapCell {
  double value = 0;  // its position on the scale
  /// Printed in the cell; empty: the value with two decimals.
  std::string shown;
  /// Its tooltip; empty: "row label × column label: value".
  std::string tip;
  /// data-* attributes (names without "data-"); empty: data-value with the value.
  std::vector<std::pair<std::string, std::string>> data;
  /// Off the scale, drawn grey with the value in italics: e.g. a count on the diagonal of a
  /// matrix of ratios.
  bool off_scale = false;
};

/// A square matrix of values in [0, 1] (values outside are clamped) as an accessible SVG heat
/// map on the sequential scale (see heatmap_cells_svg for the drawing).
std::string heatmap_svg(const std::vector<std::string>& labels,
                        const std::vector<std::vector<double>>& values,
                        const HeatmapOptions& options = {});

/// A square matrix of cells as an accessible SVG heat map: row labels on the left, the same
/// labels rotated above the columns, one `<rect class="cell" data-row data-col data-…>` per
/// cell with a `<title>` naming the pair and the value, the fill from options.scale with the
/// printed value in a contrasting colour (WCAG), and a legend of the scale. Throws
/// Error(invalid_argument) when cells is not labels.size() square, a value is not finite, or
/// links has another size than labels.
std::string heatmap_cells_svg(const std::vector<std::string>& labels,
                              const std::vector<std::vector<HeatmapCell>>& cells,
                              const HeatmapOptions& options = {});

}  // namespace vakkaart::render
