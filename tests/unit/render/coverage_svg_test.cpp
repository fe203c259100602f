#include "render/coverage_svg.h"

#include <regex>

#include <gtest/gtest.h>

#include "core/error.h"

namespace vakkaart::render {
namespace {

/// The ring model's shape: a layer of one cluster, then layers of three and five.
std::vector<CoverageColumn> ring_columns() {
  std::vector<CoverageColumn> columns = {
      {"lerende-professional", "De lerende professional", "De lerende professional", "", ""}};
  for (const char* id : {"afwegen", "organiseren", "orienteren"})
    columns.push_back({id, id, "Kernactiviteiten", "", ""});
  for (const char* id :
       {"communiceren", "ondersteunen", "vertegenwoordigen", "rapporteren", "adviseren"})
    columns.push_back({id, id, "Ondersteunende activiteiten", "", ""});
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
      {"gemeenschapswerker", "Gemeenschapswerker", "", 40, std::vector<double>(9, 10.0), ""}};
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

TEST(CoverageSvg, ATextInAnotherLanguageThanTheChartsSaysWhichOne) {
  // An English chart: the rings in English, the source's cluster titles and profile names Dutch.
  std::vector<CoverageColumn> columns = {
      {"lerende-professional", "De lerende professional", "The learning professional", "nl", "en"},
      {"afwegen", "Afwegen - kiezen - ontwerpen", "Core activities", "nl", "en"}};
  std::vector<CoverageRow> rows = {
      {"gemeenschapswerker", "Gemeenschapswerker", "", 40, {10.0, 20.0}, "nl"}};
  const std::string english = coverage_svg(columns, rows, {"Coverage", "en"});
  EXPECT_NE(english.find(R"x(rotate(-45)" lang="nl"><title>Afwegen - kiezen - ontwerpen)x"),
            std::string::npos)
      << english;
  EXPECT_NE(english.find(R"(text-anchor="end" lang="nl"><title>Gemeenschapswerker)"),
            std::string::npos);
  EXPECT_NE(english.find(R"(font-size="11"><title>Core activities)"), std::string::npos);
  EXPECT_EQ(english.find(R"(lang="en")"), std::string::npos) << "the chart's own language";
  // A Dutch chart of Dutch texts names no language at all: the page's lang holds.
  for (auto& c : columns)
    c.layer_lang = "nl";
  const std::string dutch = coverage_svg(columns, rows, {"Dekking", "nl"});
  EXPECT_EQ(dutch.find("lang="), std::string::npos);
}

TEST(CoverageSvg, ARowNeedsOneValuePerColumn) {
  const std::vector<CoverageRow> rows = {{"p", "P", "", 0, {1.0, 2.0}, ""}};
  EXPECT_THROW(coverage_svg(ring_columns(), rows, {"Dekking", "nl"}), Error);
}

}  // namespace
}  // namespace vakkaart::render
