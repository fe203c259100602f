// The English and French endings of learned words and their Dutch counterparts. The rules give
// spellings only; search keeps the ones its index holds (tests/unit/search/search_quality_test).
#include "text/cognates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace vakkaart::text {
namespace {

// (word, a Dutch spelling its candidates must include)
using Pairs = std::vector<std::pair<std::string, std::string>>;

void expect_proposed(const Pairs& pairs) {
  for (const auto& [word, dutch] : pairs) {
    const auto out = dutch_cognates(word);
    EXPECT_NE(std::find(out.begin(), out.end(), dutch), out.end()) << word << " -> " << dutch;
  }
}

TEST(Cognates, EnglishLearnedWordsMeetTheirDutchSpelling) {
  expect_proposed({{"communication", "communicatie"}, {"evaluations", "evaluaties"},
                   {"organization", "organisatie"},   {"organisation", "organisatie"},
                   {"discussion", "discussie"},       {"activity", "activiteit"},
                   {"activities", "activiteiten"},    {"organize", "organiseren"},
                   {"mobilising", "mobiliseren"},     {"coordinate", "coordineren"},
                   {"evaluating", "evalueren"},       {"strategic", "strategisch"},
                   {"political", "politiek"},         {"creative", "creatief"},
                   {"professional", "professioneel"}, {"social", "sociaal"},
                   {"competence", "competentie"},     {"tolerance", "tolerantie"},
                   {"strategy", "strategie"},         {"strategies", "strategieen"},
                   {"activism", "activisme"},         {"coaching", "coachen"}});
}

TEST(Cognates, FrenchLearnedWordsMeetTheirDutchSpelling) {
  // Folded: "activité" is "activite", "évaluer" is "evaluer".
  expect_proposed({{"activite", "activiteit"},
                   {"organiser", "organiseren"},
                   {"evaluer", "evalueren"},
                   {"politique", "politiek"},
                   {"creatif", "creatief"},
                   {"participation", "participatie"}});
}

TEST(Cognates, OnlyTheLongestEndingCountsAndShortWordsHaveNone) {
  // "-ization", not "-ation" or "-tion" as well.
  EXPECT_EQ(dutch_cognates("organization"), std::vector<std::string>{"organisatie"});
  EXPECT_TRUE(dutch_cognates("ate").empty());
  EXPECT_TRUE(dutch_cognates("bal").empty());
  EXPECT_TRUE(dutch_cognates("team").empty());
  EXPECT_TRUE(dutch_cognates("").empty());
}

}  // namespace
}  // namespace vakkaart::text
