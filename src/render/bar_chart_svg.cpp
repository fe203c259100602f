#include "render/bar_chart_svg.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/error.h"
#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::render {
namespace {

constexpr double kBarCharWidth = 7.2;  // advance of 12 px sans-serif, with room for wide fonts
constexpr double kBarValueRoom = 130;  // px after the longest bar for its value text

}  // namespace

std::string bar_chart_svg(const std::vector<Bar>& bars, const BarChartOptions& options) {
  double max_value = options.max_value;
  std::size_t longest = 1;
  for (const auto& bar : bars) {
    if (!std::isfinite(bar.value) || bar.value < 0)
      throw Error(ErrorCode::invalid_argument, "bar chart values must be finite and not negative");
    max_value = options.max_value > 0 ? max_value : std::max(max_value, bar.value);
    longest = std::max(longest, code_points(short_label(bar.label, options.max_label_chars)));
  }
  const double label_width = static_cast<double>(longest) * kBarCharWidth + 8;
  const double left = label_width + 8;
  const double width = std::max(static_cast<double>(options.width), left + kBarValueRoom + 120);
  const double room = width - left - kBarValueRoom;
  const double row = options.bar_height + 6;
  const double top = 6;
  const double height = top + row * static_cast<double>(bars.size()) + 6;

  std::ostringstream svg;
  const std::string caption = text::escape_markup(options.caption);
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\""
      << text::escape_markup(options.css_class) << "\" viewBox=\"0 0 " << svg_number(width) << " "
      << svg_number(height) << "\" width=\"" << svg_number(width) << "\" height=\""
      << svg_number(height) << "\" role=\"img\" aria-label=\"" << caption << "\">\n";
  svg << "<title>" << caption << "</title>\n<desc>";
  for (std::size_t i = 0; i < bars.size(); ++i)
    svg << (i ? "; " : "") << text::escape_markup(bars[i].label + ": " + bars[i].value_text);
  svg << "</desc>\n";
  svg << "<style>text{font:12px sans-serif;fill:#1a1a1a}.bar:hover rect{opacity:.8}</style>\n";
  svg << "<line x1=\"" << svg_number(left) << "\" y1=\"" << svg_number(top - 3) << "\" x2=\""
      << svg_number(left) << "\" y2=\"" << svg_number(height - 3)
      << "\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& bar = bars[i];
    const double y = top + row * static_cast<double>(i);
    const double length = max_value > 0 ? room * std::min(bar.value / max_value, 1.0) : 0;
    const std::string shown = short_label(bar.label, options.max_label_chars);
    const std::string tooltip =
        bar.tooltip.empty() ? bar.label + ": " + bar.value_text : bar.tooltip;
    svg << "<g class=\"bar\" data-value=\"" << svg_number(bar.value) << "\"><title>"
        << text::escape_markup(tooltip) << "</title>";
    svg << "<text x=\"" << svg_number(left - 6) << "\" y=\""
        << svg_number(y + options.bar_height / 2.0 + 4) << "\" text-anchor=\"end\">"
        << text::escape_markup(shown) << "</text>";
    svg << "<rect x=\"" << svg_number(left) << "\" y=\"" << svg_number(y) << "\" width=\""
        << svg_number(length) << "\" height=\"" << options.bar_height << "\" fill=\""
        << text::escape_markup(options.fill) << "\"/>";
    svg << "<text x=\"" << svg_number(left + length + 6) << "\" y=\""
        << svg_number(y + options.bar_height / 2.0 + 4) << "\">"
        << text::escape_markup(bar.value_text) << "</text></g>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace vakkaart::render
