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

TEST(RingSvg, CountsNestedActivities) {
  model::ProfileCluster cluster{"c", {{std::nullopt, {{"a", {{"b", {}}, {"c", {}}}}, {"d", {}}}}}};
  EXPECT_EQ(activity_count(cluster), 4);
}

}  // namespace
}  // namespace vakkaart::render
