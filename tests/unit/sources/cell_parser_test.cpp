#include "sources/sociare/cell_parser.h"

#include <gtest/gtest.h>

namespace vakkaart::sources::sociare {
namespace {

std::vector<std::string> texts(const std::vector<BulletItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items)
    out.push_back(item.text);
  return out;
}

TEST(SplitBullets, SpacedAndGluedBullets) {
  EXPECT_EQ(texts(split_bullets(" - Bepaalt doelen - Brengt expertise in", false)),
            (std::vector<std::string>{"Bepaalt doelen", "Brengt expertise in"}));
  // "- " glued to the end of the previous item, after a letter, a period or a parenthesis.
  EXPECT_EQ(texts(split_bullets("- Zet lijnen uit, kader te bieden- Hanteert werkvormen", false)),
            (std::vector<std::string>{"Zet lijnen uit, kader te bieden", "Hanteert werkvormen"}));
  EXPECT_EQ(texts(split_bullets("- Plant taakverdelingen...- Betreft collega's", false)),
            (std::vector<std::string>{"Plant taakverdelingen...", "Betreft collega's"}));
  EXPECT_EQ(texts(split_bullets("- Maakt afspraken (klanten...)- Informeert", false)),
            (std::vector<std::string>{"Maakt afspraken (klanten...)", "Informeert"}));
}

TEST(SplitBullets, HyphenInsideWordsIsText) {
  EXPECT_EQ(texts(split_bullets(" - Stemt communicatie- en interactievormen af", false)),
            (std::vector<std::string>{"Stemt communicatie- en interactievormen af"}));
  EXPECT_EQ(texts(split_bullets(" - Stelt subsidie- en erkenningsdossiers op", false)),
            (std::vector<std::string>{"Stelt subsidie- en erkenningsdossiers op"}));
  EXPECT_EQ(texts(split_bullets(" - Brengt sociaal-agogische expertise in", false)),
            (std::vector<std::string>{"Brengt sociaal-agogische expertise in"}));
}

TEST(SplitBullets, SubBulletsOnlyInNestedLists) {
  const auto nested = split_bullets(" o Verbindt thema/inhoud - Bakent doelgroepen af", true);
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_TRUE(nested[0].sub);
  EXPECT_EQ(nested[0].text, "Verbindt thema/inhoud");
  EXPECT_FALSE(nested[1].sub);
  // Outside a nested list, " o " is just a letter.
  EXPECT_EQ(split_bullets(" - Werkt o Verbindt", false).size(), 1u);
}

TEST(ParseCell, TitlesListsAndChildren) {
  const auto cell = parse_cell(
      "<p>Informatie verzamelen</p> <ul style=\"list-style-type: none\"> - Bakent thema's af - "
      "Bekijkt de situatie <ul style=\"list-style-type: none\"> o Verbindt thema/inhoud - Bakent "
      "doelgroepen af <ul style=\"list-style-type: none\"> o Maakt een analyse o Leeft zich in "
      "<p>Tweede titel</p> <ul> - Iets");
  EXPECT_TRUE(cell.continuation.empty());
  ASSERT_EQ(cell.main_activities.size(), 2u);
  const auto& first = cell.main_activities[0];
  EXPECT_EQ(first.title, "Informatie verzamelen");
  ASSERT_EQ(first.activities.size(), 3u);
  EXPECT_EQ(first.activities[1].text, "Bekijkt de situatie");
  ASSERT_EQ(first.activities[1].children.size(), 1u);
  EXPECT_EQ(first.activities[1].children[0].text, "Verbindt thema/inhoud");
  EXPECT_EQ(first.activities[2].children.size(), 2u);
  EXPECT_EQ(cell.main_activities[1].activities[0].text, "Iets");
}

TEST(ParseCell, ListWithoutTitleIsAContinuation) {
  const auto cell = parse_cell("<ul style=\"list-style-type: none\"> - Stemt af - Richt in");
  EXPECT_TRUE(cell.main_activities.empty());
  EXPECT_EQ(cell.continuation.size(), 2u);
}

TEST(StripTags, KeepsTextAndSeparatesParagraphs) {
  EXPECT_EQ(strip_tags("<p><i>Eerste zin.</i></p><p><i>Tweede.</i></p>"), "Eerste zin. Tweede.");
}

}  // namespace
}  // namespace vakkaart::sources::sociare
