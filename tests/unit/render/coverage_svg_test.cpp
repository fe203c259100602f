#include "render/coverage_svg.h"

#include <regex>

#include <gtest/gtest.h>

#include "core/error.h"

namespace vakkaart::render {
namespace {

/// The ring model's shape: a layer of one cluster, then layers of three and five.
std::vector<CoverageColumn> ring_columns() {
  std::vector<CoverageColumn> columns = {
      {"lerende-professional", "De lerende professional", "De lerende professional"}};
  for (const char* id : {"afwegen", "organiseren", "orienteren"})
    columns.push_back({id, id, "Kernactiviteiten"});
  for (const char* id :
       {"communiceren", "ondersteunen", "vertegenwoordigen", "rapporteren", "adviseren"})
    columns.push_back({id, id, "Ondersteunende activiteiten"});
  return columns;
}

/// The text each layer band prints, in order.
std::vector<std::string> band_texts(const std::string& svg) {
  static const std::regex band(R"(<g class="layer">.*?</title>([^<]*)</text></g>)");
  std::vector<std::string> out;
  for (std::sregex_iterator it(svg.begin(), svg.end(), band), end; it != end; ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST(CoverageSvg, ALayerOfOneClusterShowsItsWholeTitle) {
  const std::vector<CoverageRow> rows = {
      {"gemeenschapswerker", "Gemeenschapswerker", "", 40, std::vector<double>(9, 10.0)}};
  const std::string svg = coverage_svg(ring_columns(), rows, {"Dekking", "nl"});
  EXPECT_EQ(band_texts(svg),
            (std::vector<std::string>{"De lerende professional", "Kernactiviteiten",
                                      "Ondersteunende activiteiten"}));
  // The first band reaches left, but not past the chart's edge.
  std::smatch first;
  ASSERT_TRUE(
      std::regex_search(svg, first, std::regex(R"re(<g class="layer"><rect x="([-0-9.]+)")re")));
  EXPECT_GE(std::stod(first[1]), 0.0);
}

TEST(CoverageSvg, ARowNeedsOneValuePerColumn) {
  const std::vector<CoverageRow> rows = {{"p", "P", "", 0, {1.0, 2.0}}};
  EXPECT_THROW(coverage_svg(ring_columns(), rows, {"Dekking", "nl"}), Error);
}

}  // namespace
}  // namespace vakkaart::render
