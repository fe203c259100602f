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
/// The grey of a cell off the scale.
constexpr const char* kOffScaleFill = "#d9d9d9";

std::string short_label_of(const std::string& label) {
  return short_label(label, kMaxLabelChars);
}

void check_shape(const std::vector<std::string>& labels,
                 const std::vector<std::vector<HeatmapCell>>& cells,
                 const HeatmapOptions& options) {
  if (cells.size() != labels.size())
    throw Error(ErrorCode::invalid_argument, "a heat map needs one row of values per label");
  for (const auto& row : cells) {
    if (row.size() != labels.size())
      throw Error(ErrorCode::invalid_argument, "a heat map needs one value per label in each row");
    for (const auto& cell : row) {
      if (!std::isfinite(cell.value))
        throw Error(ErrorCode::invalid_argument, "heat map values must be finite numbers");
    }
  }
  if (!options.links.empty() && options.links.size() != labels.size())
    throw Error(ErrorCode::invalid_argument, "a heat map needs no links or one per label");
  if (!options.label_langs.empty() && options.label_langs.size() != labels.size())
    throw Error(ErrorCode::invalid_argument,
                "a heat map needs no label languages or one per label");
}

/// The lang attribute of label `i` with a space after it, or nothing when none is given.
std::string label_lang(const HeatmapOptions& options, std::size_t i) {
  return options.label_langs.empty()
             ? ""
             : "lang=\"" + text::escape_markup(options.label_langs[i]) + "\" ";
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

/// Where the parts of the map go.
struct HeatmapLayout {
  double cell, left, top, legend_y, width, height;
};

/// The legends differ in height and width: the sequential one is a row of six swatches between
/// "low" and "high", the ratio one five labelled swatches under a title with a note beside.
HeatmapLayout layout_of(const std::vector<std::string>& labels, const HeatmapOptions& options) {
  HeatmapLayout l{};
  l.cell = std::max(options.cell_size, 8);
  std::size_t longest = 1;
  for (const auto& label : labels)
    longest = std::max(longest, code_points(short_label_of(label)));
  const double label_width = static_cast<double>(longest) * kCharWidth + 8;
  // Column labels rise at 45°: they need that much room above and run past the last column.
  l.left = label_width + 8;
  l.top = label_width * kSin45 + 12;
  const double grid = l.cell * static_cast<double>(labels.size());
  const double right = std::max(0.0, label_width * kSin45 - l.cell / 2) + 8;
  const bool ratio = options.scale == HeatmapScale::log_ratio;
  l.legend_y = l.top + grid + (ratio ? 20 : 16);
  const double legend_width = ratio ? 5 * 44 + 220 : 40 + 28 * 6 + 40 + 8;
  l.width = std::max(l.left + grid + right, l.left + legend_width);
  l.height = l.legend_y + (ratio ? 52 : 38);
  return l;
}

std::string fill_of(const HeatmapCell& cell, HeatmapScale scale) {
  if (cell.off_scale)
    return kOffScaleFill;
  return scale == HeatmapScale::log_ratio ? ratio_fill(cell.value) : scale_fill(cell.value);
}

std::string ink_of(const HeatmapCell& cell, HeatmapScale scale) {
  if (cell.off_scale)
    return "#000000";
  return scale == HeatmapScale::log_ratio ? text_on_ratio(cell.value) : text_on_scale(cell.value);
}

void write_cells(std::ostringstream& svg, const std::vector<std::string>& labels,
                 const std::vector<std::vector<HeatmapCell>>& cells, const HeatmapLayout& l,
                 const HeatmapOptions& options) {
  const bool english = options.lang == "en";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    for (std::size_t j = 0; j < cells[i].size(); ++j) {
      const auto& c = cells[i][j];
      const double x = l.left + l.cell * static_cast<double>(j);
      const double y = l.top + l.cell * static_cast<double>(i);
      const std::string shown = c.shown.empty() ? display_number(c.value, 2, english) : c.shown;
      svg << "<rect class=\"cell\" x=\"" << svg_number(x) << "\" y=\"" << svg_number(y)
          << "\" width=\"" << svg_number(l.cell) << "\" height=\"" << svg_number(l.cell)
          << "\" fill=\"" << fill_of(c, options.scale) << "\" data-row=\"" << i << "\" data-col=\""
          << j << "\"";
      if (c.data.empty())
        svg << " data-value=\"" << svg_number(c.value) << "\"";
      for (const auto& [name, value] : c.data)
        svg << " data-" << name << "=\"" << text::escape_markup(value) << "\"";
      svg << "><title>"
          << text::escape_markup(c.tip.empty() ? labels[i] + " × " + labels[j] + ": " + shown
                                               : c.tip)
          << "</title></rect>";
      if (l.cell >= kMinCellForValue) {
        svg << "<text class=\"v\" x=\"" << svg_number(x + l.cell / 2) << "\" y=\""
            << svg_number(y + l.cell / 2 + 4) << "\" text-anchor=\"middle\" fill=\""
            << ink_of(c, options.scale) << "\"" << (c.off_scale ? " font-style=\"italic\"" : "")
            << " aria-hidden=\"true\">" << text::escape_markup(shown) << "</text>";
      }
      svg << "\n";
    }
  }
}

void write_sequential_legend(std::ostringstream& svg, const HeatmapLayout& l, bool english) {
  const double swatch = 28;
  const int steps = 6;  // 0, 0.2, ..., 1
  const double legend_x = l.left;
  svg << "<text class=\"label\" x=\"" << svg_number(legend_x + 34) << "\" y=\""
      << svg_number(l.legend_y + 10) << "\" text-anchor=\"end\">" << (english ? "low" : "laag")
      << "</text>\n";
  for (int k = 0; k < steps; ++k) {
    const double v = static_cast<double>(k) / (steps - 1);
    const double x = legend_x + 40 + swatch * k;
    svg << "<rect x=\"" << svg_number(x) << "\" y=\"" << svg_number(l.legend_y) << "\" width=\""
        << svg_number(swatch) << "\" height=\"12\" fill=\"" << scale_fill(v)
        << "\"/><text class=\"label\" x=\"" << svg_number(x + swatch / 2) << "\" y=\""
        << svg_number(l.legend_y + 26) << "\" text-anchor=\"middle\">"
        << display_number(v, 1, english) << "</text>\n";
  }
  svg << "<text class=\"label\" x=\"" << svg_number(legend_x + 46 + swatch * steps) << "\" y=\""
      << svg_number(l.legend_y + 10) << "\">" << (english ? "high" : "hoog") << "</text>\n";
}

void write_ratio_legend(std::ostringstream& svg, const HeatmapLayout& l,
                        const HeatmapOptions& options) {
  const bool english = options.lang == "en";
  const double swatch = 44;
  const double ratios[] = {0.25, 0.5, 1, 2, 4};
  if (!options.legend_title.empty())
    svg << "<text class=\"label\" x=\"" << svg_number(l.left) << "\" y=\""
        << svg_number(l.legend_y - 4) << "\">" << text::escape_markup(options.legend_title)
        << "</text>\n";
  for (std::size_t k = 0; k < 5; ++k) {
    const double x = l.left + swatch * static_cast<double>(k);
    std::string label = display_number(ratios[k], ratios[k] < 1 ? 2 : 0, english);
    if (k == 0)
      label = "≤ " + label;
    if (k == 4)
      label = "≥ " + label;
    svg << "<rect x=\"" << svg_number(x) << "\" y=\"" << svg_number(l.legend_y + 4) << "\" width=\""
        << svg_number(swatch) << "\" height=\"14\" fill=\"" << ratio_fill(ratios[k])
        << "\" stroke=\"#bdbdbd\" stroke-width=\"0.5\"/><text "
        << "class=\"label\" x=\"" << svg_number(x + swatch / 2) << "\" y=\""
        << svg_number(l.legend_y + 32) << "\" text-anchor=\"middle\">" << text::escape_markup(label)
        << "</text>\n";
  }
  if (!options.legend_note.empty())
    svg << "<text class=\"label\" x=\"" << svg_number(l.left + 5 * swatch + 10) << "\" y=\""
        << svg_number(l.legend_y + 15) << "\">" << text::escape_markup(options.legend_note)
        << "</text>\n";
}

}  // namespace

std::string heatmap_svg(const std::vector<std::string>& labels,
                        const std::vector<std::vector<double>>& values,
                        const HeatmapOptions& options) {
  std::vector<std::vector<HeatmapCell>> cells;
  cells.reserve(values.size());
  for (const auto& row : values) {
    std::vector<HeatmapCell> cell_row;
    cell_row.reserve(row.size());
    for (double v : row) {
      HeatmapCell cell;
      // NaN stays NaN for check_shape to refuse; clamping would hide it.
      cell.value = std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : v;
      cell_row.push_back(std::move(cell));
    }
    cells.push_back(std::move(cell_row));
  }
  return heatmap_cells_svg(labels, cells, options);
}

std::string heatmap_cells_svg(const std::vector<std::string>& labels,
                              const std::vector<std::vector<HeatmapCell>>& cells,
                              const HeatmapOptions& options) {
  check_shape(labels, cells, options);
  const HeatmapLayout l = layout_of(labels, options);
  const std::size_t n = labels.size();
  const std::string css_class = options.css_class.empty() ? "heatmap" : options.css_class;
  const std::string scope = "." + css_class.substr(0, css_class.find(' '));

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" << text::escape_markup(css_class)
      << "\" data-measure=\"" << text::escape_markup(options.measure) << "\" viewBox=\"0 0 "
      << svg_number(l.width) << " " << svg_number(l.height) << "\" width=\"" << svg_number(l.width)
      << "\" height=\"" << svg_number(l.height) << "\" role=\"" << text::escape_markup(options.role)
      << "\" aria-label=\"" << text::escape_markup(options.caption) << "\">\n";
  svg << "<title>" << text::escape_markup(options.caption) << "</title>\n";
  if (!options.description.empty())
    svg << "<desc>" << text::escape_markup(options.description) << "</desc>\n";
  svg << "<style>" << scope << " text{font:12px sans-serif}" << scope << " .label{fill:#1a1a1a}"
      << scope << " a .label{fill:#0b5394;text-decoration:underline}" << scope
      << " .cell{stroke:#fff;stroke-width:1}" << scope
      << " .cell:hover{stroke:#1a1a1a;stroke-width:2}" << scope
      << " .v{font-size:11px;pointer-events:none}</style>\n";

  svg << "<g class=\"col-labels\">\n";
  for (std::size_t j = 0; j < n; ++j) {
    const double x = l.left + l.cell * static_cast<double>(j) + l.cell / 2;
    write_label(svg, labels[j], options.links.empty() ? "" : options.links[j],
                label_lang(options, j) + "transform=\"translate(" + svg_number(x) + "," +
                    svg_number(l.top - 6) + ") rotate(-45)\"");
  }
  svg << "</g>\n<g class=\"row-labels\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const double y = l.top + l.cell * static_cast<double>(i) + l.cell / 2 + 4;
    write_label(svg, labels[i], options.links.empty() ? "" : options.links[i],
                label_lang(options, i) + "x=\"" + svg_number(l.left - 6) + "\" y=\"" +
                    svg_number(y) + "\" text-anchor=\"end\"");
  }
  svg << "</g>\n<g class=\"cells\">\n";
  write_cells(svg, labels, cells, l, options);
  svg << "</g>\n<g class=\"legend\" aria-hidden=\"true\">\n";
  if (options.scale == HeatmapScale::log_ratio)
    write_ratio_legend(svg, l, options);
  else
    write_sequential_legend(svg, l, options.lang == "en");
  svg << "</g>\n</svg>\n";
  return svg.str();
}

}  // namespace vakkaart::render
