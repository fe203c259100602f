#include "render/coverage_svg.h"

#include <algorithm>
#include <sstream>

#include "core/error.h"
#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::render {

namespace {

constexpr double kLabelWidth = 200;
constexpr double kBarWidth = 140;
constexpr double kCell = 44;
constexpr double kRow = 30;
constexpr double kBandHeight = 22;
constexpr double kHeaderHeight = 110;  // rotated cluster titles
constexpr std::size_t kLabelChars = 28;
constexpr std::size_t kColumnChars = 22;
constexpr double kBandCharWidth = 6.2;  // an average letter of the bands' 11 px sans-serif

// ` lang="xx"` for a text in another language than the chart's; nothing otherwise.
std::string lang_attribute(const std::string& text_lang, const std::string& chart_lang) {
  return text_lang.empty() || text_lang == chart_lang
             ? std::string()
             : " lang=\"" + text::escape_markup(text_lang) + "\"";
}

}  // namespace

std::string coverage_svg(const std::vector<CoverageColumn>& columns,
                         const std::vector<CoverageRow>& rows,
                         const CoverageChartOptions& options) {
  for (const auto& r : rows)
    if (r.cells.size() != columns.size())
      throw Error(ErrorCode::invalid_argument, "a coverage row needs one value per column");
  const bool english = options.lang == "en";
  using text::escape_markup;

  const double grid_x = kLabelWidth + kBarWidth + 16;
  const double top = kBandHeight + kHeaderHeight;
  const double width = grid_x + kCell * static_cast<double>(columns.size()) + 40;
  const double height = top + kRow * static_cast<double>(rows.size()) + 36;

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage-chart\" viewBox=\"0 0 "
      << svg_number(width) << " " << svg_number(height) << "\" width=\"" << svg_number(width)
      << "\" height=\""
      << svg_number(height)
      // A group, not an image: its profile names are links, and an image may not hold any.
      << "\" role=\"group\" aria-label=\"" << escape_markup(options.caption)
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg << "<title>" << escape_markup(options.caption) << "</title>\n";

  // Layer bands above the columns, one per run of columns of the same layer.
  for (std::size_t c = 0; c < columns.size();) {
    std::size_t end = c;
    while (end < columns.size() && columns[end].layer_title == columns[c].layer_title)
      ++end;
    double x = grid_x + kCell * static_cast<double>(c);
    double w = kCell * static_cast<double>(end - c);
    // The first band may reach left over the empty corner above the profile names: a layer of
    // one cluster ("De lerende professional") was cut to "De ler…" in its 44 px.
    if (c == 0) {
      const double needed =
          kBandCharWidth * static_cast<double>(code_points(columns[c].layer_title)) + 12;
      if (needed > w) {
        const double reach = std::min(needed - w, x);
        x -= reach;
        w += reach;
      }
    }
    svg << "<g class=\"layer\"><rect x=\"" << svg_number(x + 1) << "\" y=\"0\" width=\""
        << svg_number(w - 2) << "\" height=\"" << svg_number(kBandHeight - 4)
        << "\" fill=\"#e8eef5\"/><text x=\"" << svg_number(x + w / 2) << "\" y=\"13\" "
        << "text-anchor=\"middle\" font-size=\"11\""
        << lang_attribute(columns[c].layer_lang, options.lang) << "><title>"
        << escape_markup(columns[c].layer_title) << "</title>"
        << escape_markup(
               short_label(columns[c].layer_title, static_cast<std::size_t>(w / kBandCharWidth)))
        << "</text></g>\n";
    c = end;
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double x = grid_x + kCell * (static_cast<double>(c) + 0.5);
    svg << "<text class=\"column\" transform=\"translate(" << svg_number(x + 4) << " "
        << svg_number(top - 6) << ") rotate(-45)\""
        << lang_attribute(columns[c].title_lang, options.lang) << "><title>"
        << escape_markup(columns[c].title) << "</title>"
        << escape_markup(short_label(columns[c].title, kColumnChars)) << "</text>\n";
  }
  svg << "<text x=\"" << svg_number(kLabelWidth) << "\" y=\"" << svg_number(top - 6)
      << "\" font-weight=\"bold\">" << (english ? "Resemblance" : "Gelijkenis") << "</text>\n";

  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const double y = top + kRow * static_cast<double>(r);
    svg << "<g class=\"row\" data-profile=\"" << escape_markup(row.id) << "\">";
    if (!row.link.empty())
      svg << "<a href=\"" << escape_markup(row.link) << "\">";
    svg << "<text x=\"" << svg_number(kLabelWidth - 8) << "\" y=\"" << svg_number(y + 19)
        << "\" text-anchor=\"end\"" << lang_attribute(row.label_lang, options.lang) << "><title>"
        << escape_markup(row.label) << "</title>"
        << escape_markup(short_label(row.label, kLabelChars)) << "</text>";
    if (!row.link.empty())
      svg << "</a>";
    const double bar = kBarWidth * std::clamp(row.resemblance, 0.0, 100.0) / 100.0;
    const std::string value = display_number(row.resemblance, 0, english) + "%";
    svg << "<rect class=\"bar\" x=\"" << svg_number(kLabelWidth) << "\" y=\"" << svg_number(y + 6)
        << "\" width=\"" << svg_number(bar) << "\" height=\"18\" fill=\"#2171b5\" data-value=\""
        << svg_number(row.resemblance) << "\"><title>" << escape_markup(row.label) << ": " << value
        << "</title></rect>";
    svg << "<text x=\"" << svg_number(kLabelWidth + bar + 4) << "\" y=\"" << svg_number(y + 19)
        << "\">" << value << "</text>";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double v = row.cells[c];
      const double x = grid_x + kCell * static_cast<double>(c);
      const std::string shown = display_number(v, 0, english);
      svg << "<rect class=\"cell\" x=\"" << svg_number(x + 1) << "\" y=\"" << svg_number(y + 1)
          << "\" width=\"" << svg_number(kCell - 2) << "\" height=\"" << svg_number(kRow - 2)
          << "\" fill=\"" << scale_fill(v / 100.0) << "\" data-cluster=\""
          << escape_markup(columns[c].id) << "\" data-value=\"" << svg_number(v) << "\"><title>"
          << escape_markup(row.label + " · " + columns[c].title + ": " + shown + "%")
          << "</title></rect><text x=\"" << svg_number(x + kCell / 2) << "\" y=\""
          << svg_number(y + 19) << "\" text-anchor=\"middle\" fill=\"" << text_on_scale(v / 100.0)
          << "\" aria-hidden=\"true\">" << shown << "</text>";
    }
    svg << "</g>\n";
  }
  const double legend_y = top + kRow * static_cast<double>(rows.size()) + 22;
  svg << "<text x=\"" << svg_number(grid_x) << "\" y=\"" << svg_number(legend_y)
      << "\" font-size=\"11\">"
      << (english ? "Cells: % of the profile's activities in that cluster the function holds"
                  : "Cellen: % van de activiteiten van het profiel in die cluster dat de functie "
                    "bevat")
      << "</text>\n</svg>\n";
  return svg.str();
}

}  // namespace vakkaart::render
