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

struct Rgb {
  double r, g, b;  // 0..255
};

/// ColorBrewer "Blues": sequential, readable in greyscale and by the common colour-blind.
const Rgb kScale[] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239},
                      {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
                      {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};
constexpr std::size_t kScaleSize = sizeof kScale / sizeof kScale[0];
/// Pure black and white: at the crossing point of the scale the better of the two still reaches
/// a contrast of 4.58, above WCAG AA's 4.5 for normal text; a softer black would not.
const Rgb kDarkText = {0, 0, 0};
const Rgb kLightText = {255, 255, 255};

/// Longer labels are cut (the full label stays in their tooltip) so the map keeps its shape.
constexpr std::size_t kMaxLabelChars = 32;
constexpr double kCharWidth = 6.6;  // average advance of 12 px sans-serif
constexpr int kMinCellForValue = 28;
constexpr double kSin45 = 0.70710678118654752;

Rgb colour_at(double v) {
  const double position = std::clamp(v, 0.0, 1.0) * static_cast<double>(kScaleSize - 1);
  const auto i = std::min(static_cast<std::size_t>(position), kScaleSize - 2);
  const double t = position - static_cast<double>(i);
  const Rgb &a = kScale[i], &b = kScale[i + 1];
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string hex(const Rgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buffer;
}

/// WCAG 2 relative luminance.
double luminance(const Rgb& c) {
  auto channel = [](double v) {
    v /= 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast(const Rgb& a, const Rgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// Whichever of dark or white text reads better on the fill.
const Rgb& text_colour_on(const Rgb& fill) {
  return contrast(fill, kDarkText) >= contrast(fill, kLightText) ? kDarkText : kLightText;
}

/// "0,42" in Dutch, "0.42" in English; attributes always use svg_number's point.
std::string display_number(double v, int decimals, bool english) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  std::string s = buffer;
  if (!english)
    std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// The label cut to kMaxLabelChars code points, with an ellipsis when cut.
std::string short_label(const std::string& label) {
  if (code_points(label) <= kMaxLabelChars)
    return label;
  std::size_t kept = 0, end = 0;
  while (end < label.size()) {
    if ((label[end] & 0xC0) != 0x80 && ++kept > kMaxLabelChars - 1)
      break;
    ++end;
  }
  return std::string(text::trim(label.substr(0, end))) + "…";
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
  const std::string shown = short_label(label);
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
    longest = std::max(longest, code_points(short_label(label)));
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
      const Rgb fill = colour_at(v);
      const double x = left + cell * static_cast<double>(j);
      const double y = top + cell * static_cast<double>(i);
      svg << "<rect class=\"cell\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y)
          << "\" width=\"" << svg_number(cell) << "\" height=\"" << svg_number(cell) << "\" fill=\""
          << hex(fill) << "\" data-row=\"" << i << "\" data-col=\"" << j << "\" data-value=\""
          << svg_number(v) << "\"><title>"
          << text::escape_markup(labels[i] + " × " + labels[j] + ": " +
                                 display_number(v, 2, english))
          << "</title></rect>";
      if (cell >= kMinCellForValue) {
        svg << "<text class=\"v\" x=\"" << svg_number(x + cell / 2) << "\" y=\""
            << svg_number(y + cell / 2 + 4) << "\" text-anchor=\"middle\" fill=\""
            << hex(text_colour_on(fill)) << "\" aria-hidden=\"true\">"
            << display_number(v, 2, english) << "</text>";
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
        << svg_number(swatch) << "\" height=\"12\" fill=\"" << hex(colour_at(v))
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
