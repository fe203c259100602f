#include "render/ring_svg.h"

#include <gtest/gtest.h>

#include "unit/support/count_occurrences.h"
#include "unit/support/sample_documents.h"

namespace vakkaart::render {
namespace {

using testing::count_occurrences;

TEST(RingSvg, OneFocusableSegmentPerClusterWithItsCount) {
  const auto framework = testing::sample_framework();
  const auto& profile = framework.profiles.at(0);
  const std::string svg = ring_svg(framework, profile);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(count_occurrences(svg, "<a class=\"seg"), framework.clusters.size());
  EXPECT_EQ(count_occurrences(svg, "<g class=\"layer\""), framework.layers.size());
  ASSERT_FALSE(profile.clusters.empty());
  for (const auto& pc : profile.clusters) {
    const std::string count = "data-count=\"" + std::to_string(activity_count(pc)) + "\"";
    EXPECT_NE(svg.find("data-cluster=\"" + pc.cluster_id + "\" " + count), std::string::npos)
        << pc.cluster_id;
  }
  EXPECT_NE(svg.find("href=\"?cluster="), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"Ringmodel van "), std::string::npos);
}

TEST(RingSvg, SelectionLanguageAndEscaping) {
  auto framework = testing::sample_framework();
  framework.clusters.at(0).title = "Plannen & <organiseren>";
  const auto& profile = framework.profiles.at(0);
  RingOptions options;
  options.selected_cluster = framework.clusters.at(0).id;
  options.lang = "en";
  options.link_prefix = "#";
  const std::string svg = ring_svg(framework, profile, options);
  EXPECT_EQ(count_occurrences(svg, "aria-current=\"true\""), 1u);
  EXPECT_NE(svg.find("Plannen &amp; &lt;organiseren&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<organiseren>"), std::string::npos);
  EXPECT_NE(svg.find("Ring model of "), std::string::npos);
  EXPECT_NE(svg.find("href=\"#" + framework.clusters.at(0).id + "\""), std::string::npos);
}

TEST(RingSvg, LabelsInTheReadersLanguageMarkedWithTheirLanguage) {
  auto framework = testing::sample_framework();
  ASSERT_GE(framework.clusters.size(), 2u);
  framework.clusters.at(0).labels = {{"en", "Plan <script>alert(1)</script>"}};
  auto profile = framework.profiles.at(0);
  profile.title_labels = {{"en", "Community worker"}};
  const std::string dutch_title = framework.clusters.at(1).title;
  RingOptions options;
  options.lang = "en";
  const std::string en = ring_svg(framework, profile, options);
  EXPECT_NE(en.find("Ring model of Community worker"), std::string::npos);
  EXPECT_NE(en.find("lang=\"en\" aria-label=\"Plan &lt;script&gt;alert(1)&lt;/script&gt;: "),
            std::string::npos);
  EXPECT_EQ(en.find("<script>"), std::string::npos);
  // A cluster without an English label keeps its Dutch title, marked as Dutch.
  EXPECT_NE(en.find("lang=\"nl\" aria-label=\"" + dutch_title + ": "), std::string::npos);
  EXPECT_NE(en.find("<tspan class=\"n\" lang=\"en\""), std::string::npos);

  const std::string nl = ring_svg(framework, profile);
  EXPECT_EQ(nl.find("Plan &lt;script"), std::string::npos);
  EXPECT_NE(nl.find("Ringmodel van " + profile.title), std::string::npos);
  EXPECT_EQ(nl.find("lang=\"en\""), std::string::npos);
}

TEST(RingSvg, CountsNestedActivities) {
  model::ProfileCluster cluster{"c", {{std::nullopt, {{"a", {{"b", {}}, {"c", {}}}}, {"d", {}}}}}};
  EXPECT_EQ(activity_count(cluster), 4);
}

}  // namespace
}  // namespace vakkaart::render
