#include "render/heatmap_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.h"
#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::render {
namespace {

/// Longer labels are cut (the full label stays in their tooltip) so the map keeps its shape.
constexpr std::size_t kMaxLabelChars = 32;
constexpr double kCharWidth = 6.6;  // average advance of 12 px sans-serif
constexpr int kMinCellForValue = 28;
constexpr double kSin45 = 0.70710678118654752;

std::string short_label_of(const std::string& label) {
  return short_label(label, kMaxLabelChars);
}

void check_shape(const std::vector<std::string>& labels,
                 const std::vector<std::vector<double>>& values, const HeatmapOptions& options) {
  if (values.size() != labels.size())
    throw Error(ErrorCode::invalid_argument, "a heat map needs one row of values per label");
  for (const auto& row : values) {
    if (row.size() != labels.size())
      throw Error(ErrorCode::invalid_argument, "a heat map needs one value per label in each row");
    for (double v : row) {
      if (!std::isfinite(v))
        throw Error(ErrorCode::invalid_argument, "heat map values must be finite numbers");
    }
  }
  if (!options.links.empty() && options.links.size() != labels.size())
    throw Error(ErrorCode::invalid_argument, "a heat map needs no links or one per label");
}

/// A label as SVG text, inside a link when there is one; `place` holds its position attributes.
void write_label(std::ostringstream& svg, const std::string& label, const std::string& link,
                 const std::string& place) {
  const std::string shown = short_label_of(label);
  if (!link.empty())
    svg << "<a href=\"" << text::escape_markup(link) << "\">";
  svg << "<text class=\"label\" " << place << ">";
  if (shown != label)
    svg << "<title>" << text::escape_markup(label) << "</title>";
  svg << text::escape_markup(shown) << "</text>";
  if (!link.empty())
    svg << "</a>";
  svg << "\n";
}

}  // namespace

std::string heatmap_svg(const std::vector<std::string>& labels,
                        const std::vector<std::vector<double>>& values,
                        const HeatmapOptions& options) {
  check_shape(labels, values, options);
  const bool english = options.lang == "en";
  const std::size_t n = labels.size();
  const double cell = std::max(options.cell_size, 8);
  std::size_t longest = 1;
  for (const auto& label : labels)
    longest = std::max(longest, code_points(short_label_of(label)));
  const double label_width = static_cast<double>(longest) * kCharWidth + 8;
  // Column labels rise at 45°: they need that much room above and run past the last column.
  const double left = label_width + 8;
  const double top = label_width * kSin45 + 12;
  const double grid = cell * static_cast<double>(n);
  const double right = std::max(0.0, label_width * kSin45 - cell / 2) + 8;
  const double legend_y = top + grid + 16;
  const double swatch = 28;
  const int steps = 6;  // 0, 0.2, ..., 1
  const double legend_width = 40 + swatch * steps + 40;
  const double width = std::max(left + grid + right, left + legend_width + 8);
  const double height = legend_y + 12 + 18 + 8;

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" data-measure=\""
      << text::escape_markup(options.measure) << "\" viewBox=\"0 0 " << svg_number(width) << " "
      << svg_number(height) << "\" width=\"" << svg_number(width) << "\" height=\""
      << svg_number(height) << "\" role=\"group\" aria-label=\""
      << text::escape_markup(options.caption) << "\">\n";
  svg << "<title>" << text::escape_markup(options.caption) << "</title>\n";
  svg << "<style>.heatmap text{font:12px sans-serif}.heatmap .label{fill:#1a1a1a}.heatmap a "
         ".label{fill:#0b5394;text-decoration:underline}.heatmap .cell{stroke:#fff;stroke-width:1}"
         ".heatmap .cell:hover{stroke:#1a1a1a;stroke-width:2}.heatmap .v{font-size:11px;"
         "pointer-events:none}</style>\n";

  svg << "<g class=\"col-labels\">\n";
  for (std::size_t j = 0; j < n; ++j) {
    const double x = left + cell * static_cast<double>(j) + cell / 2;
    write_label(
        svg, labels[j], options.links.empty() ? "" : options.links[j],
        "transform=\"translate(" + svg_number(x) + "," + svg_number(top - 6) + ") rotate(-45)\"");
  }
  svg << "</g>\n<g class=\"row-labels\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const double y = top + cell * static_cast<double>(i) + cell / 2 + 4;
    write_label(
        svg, labels[i], options.links.empty() ? "" : options.links[i],
        "x=\"" + svg_number(left - 6) + "\" y=\"" + svg_number(y) + "\" text-anchor=\"end\"");
  }
  svg << "</g>\n<g class=\"cells\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double v = std::clamp(values[i][j], 0.0, 1.0);
      const double fill = v;
      const double x = left + cell * static_cast<double>(j);
      const double y = top + cell * static_cast<double>(i);
      svg << "<rect class=\"cell\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y)
          << "\" width=\"" << svg_number(cell) << "\" height=\"" << svg_number(cell) << "\" fill=\""
          << scale_fill(fill) << "\" data-row=\"" << i << "\" data-col=\"" << j
          << "\" data-value=\"" << svg_number(v) << "\"><title>"
          << text::escape_markup(labels[i] + " × " + labels[j] + ": " +
                                 display_number(v, 2, english))
          << "</title></rect>";
      if (cell >= kMinCellForValue) {
        svg << "<text class=\"v\" x=\"" << svg_number(x + cell / 2) << "\" y=\""
            << svg_number(y + cell / 2 + 4) << "\" text-anchor=\"middle\" fill=\""
            << text_on_scale(fill) << "\" aria-hidden=\"true\">" << display_number(v, 2, english)
            << "</text>";
      }
      svg << "\n";
    }
  }
  svg << "</g>\n<g class=\"legend\" aria-hidden=\"true\">\n";
  const double legend_x = left;
  svg << "<text class=\"label\" x=\"" << svg_number(legend_x + 34) << "\" y=\""
      << svg_number(legend_y + 10) << "\" text-anchor=\"end\">" << (english ? "low" : "laag")
      << "</text>\n";
  for (int k = 0; k < steps; ++k) {
    const double v = static_cast<double>(k) / (steps - 1);
    const double x = legend_x + 40 + swatch * k;
    svg << "<rect x=\"" << svg_number(x) << "\" y=\"" << svg_number(legend_y) << "\" width=\""
        << svg_number(swatch) << "\" height=\"12\" fill=\"" << scale_fill(v)
        << "\"/><text class=\"label\" x=\"" << svg_number(x + swatch / 2) << "\" y=\""
        << svg_number(legend_y + 26) << "\" text-anchor=\"middle\">"
        << display_number(v, 1, english) << "</text>\n";
  }
  svg << "<text class=\"label\" x=\"" << svg_number(legend_x + 46 + swatch * steps) << "\" y=\""
      << svg_number(legend_y + 10) << "\">" << (english ? "high" : "hoog") << "</text>\n";
  svg << "</g>\n</svg>\n";
  return svg.str();
}

}  // namespace vakkaart::render
