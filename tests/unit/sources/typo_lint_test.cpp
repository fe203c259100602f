#include "sources/typo_lint.h"

#include <gtest/gtest.h>

namespace vakkaart::sources {
namespace {

TEST(TypoLint, FlagsTheRarerOfTwoNearlyEqualWords) {
  std::vector<std::string> s = {
      "Betrekt alle actoren bij het inschatten van de situatie",
      "Betreft alle actoren bij het inschatten van de situatie",
      "Betrekt collega's, vrijwilligers en/of deelnemers",
  };
  auto notes = lint_typos(s, "x.txt");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].message.find("'Betreft'"), std::string::npos);
  EXPECT_NE(notes[0].message.find("'Betrekt'"), std::string::npos);
  EXPECT_EQ(notes[0].kind, ReportNote::Kind::warning);
}

TEST(TypoLint, LeavesDifferentSentencesAlone) {
  std::vector<std::string> s = {"Stelt zich empathisch op", "Stelt zich assertief op",
                                "Volgt de actualiteit op", "Volgt de uitgaven op"};
  EXPECT_TRUE(lint_typos(s, "x.txt").empty());
}

}  // namespace
}  // namespace vakkaart::sources
