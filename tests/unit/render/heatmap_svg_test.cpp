#include "render/heatmap_svg.h"

#include <cmath>
#include <limits>
#include <regex>

#include <gtest/gtest.h>

#include "core/error.h"
#include "unit/support/count_occurrences.h"

namespace vakkaart::render {
namespace {

using testing::count_occurrences;

/// The markup of the cell at (row, col) up to the end of its printed value, if any.
std::string cell_markup(const std::string& svg, std::size_t row, std::size_t col) {
  const std::string key =
      "data-row=\"" + std::to_string(row) + "\" data-col=\"" + std::to_string(col) + "\"";
  const auto at = svg.find(key);
  if (at == std::string::npos)
    return "";
  const auto start = svg.rfind("<rect", at);
  return svg.substr(start, svg.find('\n', at) - start);
}

/// The first `attribute="#rrggbb"` colour in the markup, as WCAG relative luminance.
double luminance_of(const std::string& markup, const std::string& attribute) {
  std::smatch m;
  const std::regex pattern(attribute + "=\"#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})\"");
  if (!std::regex_search(markup, m, pattern))
    return -1;
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    const double v = std::stoi(m[i + 1].str(), nullptr, 16) / 255.0;
    channels[i] = v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double contrast(double a, double b) {
  return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

const std::vector<std::string> kLabels = {"Gemeenschapswerker", "Campagnewerker", "BK-0338-3"};
const std::vector<std::vector<double>> kValues = {
    {1.0, 0.42, 0.05}, {0.42, 1.0, 0.3}, {0.05, 0.3, 1.0}};

TEST(HeatmapSvg, OneTitledCellPerValue) {
  HeatmapOptions options;
  options.measure = "statements";
  options.caption = "Gedeelde uitspraken";
  const std::string svg = heatmap_svg(kLabels, kValues, options);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\"", 0), 0u);
  EXPECT_NE(svg.find("data-measure=\"statements\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"Gedeelde uitspraken\""), std::string::npos);
  EXPECT_EQ(count_occurrences(svg, "<rect class=\"cell\""), 9u);
  const std::string cell = cell_markup(svg, 0, 1);
  EXPECT_NE(cell.find("data-value=\"0.42\""), std::string::npos);
  // Dutch decimal comma for people, a point in attributes.
  EXPECT_NE(cell.find("<title>Gemeenschapswerker × Campagnewerker: 0,42</title>"),
            std::string::npos);
  EXPECT_NE(cell.find(">0,42</text>"), std::string::npos);
  EXPECT_NE(cell_markup(svg, 2, 0).find("<title>BK-0338-3 × Gemeenschapswerker: 0,05</title>"),
            std::string::npos);
  // Each label once as a row and once as a column.
  for (const auto& label : kLabels)
    EXPECT_EQ(count_occurrences(svg, ">" + label + "</text>"), 2u) << label;
  EXPECT_NE(svg.find("rotate(-45)"), std::string::npos);
  EXPECT_NE(svg.find("class=\"legend\""), std::string::npos);
  EXPECT_EQ(count_occurrences(svg, "<svg"), count_occurrences(svg, "</svg>"));
}

TEST(HeatmapSvg, DarkerForHigherValuesWithReadableText) {
  const std::string svg = heatmap_svg(kLabels, kValues, {});
  const double low = luminance_of(cell_markup(svg, 0, 2), "fill");
  const double middle = luminance_of(cell_markup(svg, 0, 1), "fill");
  const double high = luminance_of(cell_markup(svg, 0, 0), "fill");
  ASSERT_GE(low, 0);
  EXPECT_GT(low, middle);
  EXPECT_GT(middle, high);
  // Printed values meet WCAG AA for normal text (4.5) anywhere on the scale.
  for (int step = 0; step <= 100; ++step) {
    const std::string one = heatmap_svg({"a"}, {{step / 100.0}}, {});
    const std::string cell = cell_markup(one, 0, 0);
    const double fill = luminance_of(cell, "fill");
    const double text = luminance_of(cell.substr(cell.find("<text")), "fill");
    EXPECT_GE(contrast(fill, text), 4.5) << step;
  }
}

TEST(HeatmapSvg, EnglishLinksAndEscaping) {
  HeatmapOptions options;
  options.lang = "en";
  options.caption = "A & B";
  options.links = {"/p?a=1&b=2", "/p/2", "/q/3"};
  const std::vector<std::string> labels = {"Plannen & <organiseren>", "b", "c"};
  const std::string svg = heatmap_svg(labels, kValues, options);
  EXPECT_EQ(svg.find("<organiseren>"), std::string::npos);
  EXPECT_NE(svg.find("Plannen &amp; &lt;organiseren&gt; × b: 0.42"), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"A &amp; B\""), std::string::npos);
  EXPECT_EQ(count_occurrences(svg, "<a href=\"/p?a=1&amp;b=2\">"), 2u);
  EXPECT_EQ(count_occurrences(svg, "<a href="), 6u);
  EXPECT_NE(svg.find(">0.42</text>"), std::string::npos);
  EXPECT_NE(svg.find(">high</text>"), std::string::npos);
}

TEST(HeatmapSvg, EachLabelCarriesItsLanguageWhenGiven) {
  HeatmapOptions options;
  options.label_langs = {"en", "nl"};
  const std::string svg = heatmap_svg({"Worker", "Werker"}, {{1, 0}, {0, 1}}, options);
  // A row and a column label each.
  EXPECT_EQ(count_occurrences(svg, "<text class=\"label\" lang=\"en\" "), 2u);
  EXPECT_EQ(count_occurrences(svg, "<text class=\"label\" lang=\"nl\" "), 2u);
  EXPECT_EQ(count_occurrences(heatmap_svg({"a"}, {{1}}, {}), "lang=\""), 0u);
  options.label_langs = {"en"};
  EXPECT_THROW(heatmap_svg({"a", "b"}, {{1, 0}, {0, 1}}, options), Error);
}

TEST(HeatmapSvg, LongLabelsAreCutButNamedInFull) {
  const std::string long_label =
      "Begeleider sociaal-culturele activiteiten in het vrijetijdsaanbod voor iedereen";
  const std::string svg = heatmap_svg({long_label, "b"}, {{1, 0}, {0, 1}}, {});
  EXPECT_NE(svg.find("<title>" + long_label + "</title>"), std::string::npos);
  EXPECT_NE(svg.find("…</text>"), std::string::npos);
  EXPECT_EQ(svg.find(">" + long_label + "</text>"), std::string::npos);
}

TEST(HeatmapSvg, SmallCellsOmitPrintedValuesAndValuesAreClamped) {
  HeatmapOptions options;
  options.cell_size = 12;
  const std::string svg = heatmap_svg({"a", "b"}, {{1.5, -0.2}, {-0.2, 1}}, options);
  EXPECT_EQ(count_occurrences(svg, "class=\"v\""), 0u);
  EXPECT_NE(cell_markup(svg, 0, 0).find("data-value=\"1.00\""), std::string::npos);
  EXPECT_NE(cell_markup(svg, 0, 1).find("data-value=\"0.00\""), std::string::npos);
}

TEST(HeatmapSvg, RejectsMismatchedInput) {
  HeatmapOptions links;
  links.links = {"only-one"};
  EXPECT_THROW(heatmap_svg({"a", "b"}, {{1, 0}}, {}), Error);
  EXPECT_THROW(heatmap_svg({"a", "b"}, {{1, 0}, {0}}, {}), Error);
  EXPECT_THROW(heatmap_svg({"a", "b"}, {{1, 0}, {0, 1}}, links), Error);
  EXPECT_THROW(heatmap_svg({"a"}, {{std::numeric_limits<double>::quiet_NaN()}}, HeatmapOptions{}),
               Error);
  EXPECT_EQ(count_occurrences(heatmap_svg({}, {}, {}), "<rect class=\"cell\""), 0u);
}

TEST(HeatmapSvg, TheRatioScaleRunsFromOrangeThroughWhiteToPurpleAroundOne) {
  // A lift matrix as the batch report draws it: counts on the diagonal, lifts elsewhere.
  std::vector<std::vector<HeatmapCell>> cells(3, std::vector<HeatmapCell>(3));
  const double lifts[3][3] = {{0, 0.25, 1}, {0.25, 0, 4}, {1, 4, 0}};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      auto& c = cells[i][j];
      if (i == j) {
        c.value = 12;
        c.off_scale = true;
        c.shown = "12";
        c.tip = "in 12 teksten";
        c.data = {{"texts", "12"}};
      } else {
        c.value = lifts[i][j];
        c.data = {{"lift", std::to_string(lifts[i][j])}};
      }
    }
  }
  HeatmapOptions options;
  options.scale = HeatmapScale::log_ratio;
  options.css_class = "lift-map";
  options.role = "img";
  options.caption = "Samen voorkomen";
  options.description = "A & B";
  options.legend_title = "lift";
  options.legend_note = "oranje · paars";
  const std::string svg = heatmap_cells_svg(kLabels, cells, options);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lift-map\"", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<desc>A &amp; B</desc>"), std::string::npos);
  EXPECT_NE(svg.find(".lift-map .cell{"), std::string::npos);
  // Below 1 orange (red above blue), 1 near white, above 1 purple (blue above green).
  const std::string low = cell_markup(svg, 0, 1), one = cell_markup(svg, 0, 2),
                    high = cell_markup(svg, 1, 2);
  EXPECT_NE(low.find("fill=\"#b35806\""), std::string::npos) << low;
  EXPECT_NE(one.find("fill=\"#f7f7f7\""), std::string::npos) << one;
  EXPECT_NE(high.find("fill=\"#542788\""), std::string::npos) << high;
  EXPECT_NE(low.find("data-lift=\"0.250000\""), std::string::npos);
  EXPECT_EQ(low.find("data-value"), std::string::npos);
  EXPECT_NE(low.find(">0,25</text>"), std::string::npos);
  // The diagonal is off the scale: grey, its own tooltip, the count in italics.
  const std::string diagonal = cell_markup(svg, 1, 1);
  EXPECT_NE(diagonal.find("fill=\"#d9d9d9\""), std::string::npos);
  EXPECT_NE(diagonal.find("<title>in 12 teksten</title>"), std::string::npos);
  EXPECT_NE(diagonal.find("font-style=\"italic\""), std::string::npos);
  EXPECT_NE(diagonal.find("data-texts=\"12\""), std::string::npos);
  // Printed values stay readable on every colour of the scale.
  for (const auto& cell : {low, one, high, diagonal}) {
    const double fill = luminance_of(cell, "fill");
    const double text = luminance_of(cell.substr(cell.find("<text")), "fill");
    EXPECT_GE(contrast(fill, text), 4.5) << cell;
  }
  // The legend: five swatches from ≤ 1/4 to ≥ 4 under its title, the note beside.
  EXPECT_NE(svg.find(">≤ 0,25</text>"), std::string::npos);
  EXPECT_NE(svg.find(">≥ 4</text>"), std::string::npos);
  EXPECT_NE(svg.find(">lift</text>"), std::string::npos);
  EXPECT_NE(svg.find(">oranje · paars</text>"), std::string::npos);
  EXPECT_EQ(svg.find(">laag</text>"), std::string::npos);
}

TEST(HeatmapSvg, CellsAreCheckedLikeValues) {
  std::vector<std::vector<HeatmapCell>> cells(2, std::vector<HeatmapCell>(1));
  EXPECT_THROW(heatmap_cells_svg({"a", "b"}, cells, {}), Error);
  std::vector<std::vector<HeatmapCell>> infinite(1, std::vector<HeatmapCell>(1));
  infinite[0][0].value = std::numeric_limits<double>::infinity();
  EXPECT_THROW(heatmap_cells_svg({"a"}, infinite, {}), Error);
}

}  // namespace
}  // namespace vakkaart::render
