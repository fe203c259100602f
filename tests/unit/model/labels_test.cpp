#include "model/labels.h"

#include <gtest/gtest.h>

#include "model/framework_labels.h"

namespace vakkaart::model {
namespace {

TEST(ShownText, TheLabelInTheReadersLanguageWhereOneExists) {
  const Labels labels = {{"en", "Plan"}, {"fr", "Planifier"}};
  EXPECT_EQ(shown_text(labels, "en", "Plannen"), (ShownText{"Plan", "en"}));
  EXPECT_EQ(shown_text(labels, "fr", "Plannen"), (ShownText{"Planifier", "fr"}));
}

TEST(ShownText, DutchOtherwiseAndMarkedAsDutch) {
  EXPECT_EQ(shown_text({}, "en", "Plannen"), (ShownText{"Plannen", "nl"}));
  EXPECT_EQ(shown_text({{"fr", "Planifier"}}, "en", "Plannen"), (ShownText{"Plannen", "nl"}));
  // A Dutch reader always sees the source's own wording.
  EXPECT_EQ(shown_text({{"en", "Plan"}}, "nl", "Plannen"), (ShownText{"Plannen", "nl"}));
}

TEST(ShownText, TextIsReturnedAsStoredTheCallerEscapes) {
  EXPECT_EQ(shown_text({{"en", "<script>x</script>"}}, "en", "a").text, "<script>x</script>");
}

TEST(ProfileTextLabels, FindsEachKindOfTextByItsDutch) {
  Profile p;
  p.title = "Gemeenschapswerker";
  p.title_labels = {{"en", "Community worker"}};
  p.definition = "Werkt met de gemeenschap";
  p.definition_labels = {{"en", "Works with the community"}};
  MainActivity ma;
  ma.title = "Plannen";
  ma.title_labels = {{"en", "Planning"}};
  Activity nested{"Begroting maken", {}, {{"en", "Draft a budget"}}};
  ma.activities = {Activity{"Doelen stellen", {nested}, {}}};
  p.clusters = {ProfileCluster{"c1", {ma}}};

  ASSERT_NE(profile_text_labels(p, "Gemeenschapswerker"), nullptr);
  EXPECT_EQ(profile_text_labels(p, "Gemeenschapswerker")->at("en"), "Community worker");
  EXPECT_EQ(profile_text_labels(p, "Werkt met de gemeenschap")->at("en"),
            "Works with the community");
  EXPECT_EQ(profile_text_labels(p, "Plannen")->at("en"), "Planning");
  EXPECT_EQ(profile_text_labels(p, "Begroting maken")->at("en"), "Draft a budget");
  ASSERT_NE(profile_text_labels(p, "Doelen stellen"), nullptr);
  EXPECT_TRUE(profile_text_labels(p, "Doelen stellen")->empty());
  EXPECT_EQ(profile_text_labels(p, "Niet in dit profiel"), nullptr);
}

}  // namespace
}  // namespace vakkaart::model
