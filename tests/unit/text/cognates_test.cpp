// The English and French endings of learned words and their Dutch counterparts. The rules give
// spellings only; search keeps the ones its index holds (tests/unit/search/search_quality_test).
#include "text/cognates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace vakkaart::text {
namespace {

bool proposes(const std::string& word, const std::string& dutch) {
  const auto out = dutch_cognates(word);
  return std::find(out.begin(), out.end(), dutch) != out.end();
}

TEST(Cognates, EnglishLearnedWordsMeetTheirDutchSpelling) {
  EXPECT_TRUE(proposes("communication", "communicatie"));
  EXPECT_TRUE(proposes("evaluations", "evaluaties"));
  EXPECT_TRUE(proposes("organization", "organisatie"));
  EXPECT_TRUE(proposes("organisation", "organisatie"));
  EXPECT_TRUE(proposes("discussion", "discussie"));
  EXPECT_TRUE(proposes("activity", "activiteit"));
  EXPECT_TRUE(proposes("activities", "activiteiten"));
  EXPECT_TRUE(proposes("organize", "organiseren"));
  EXPECT_TRUE(proposes("mobilising", "mobiliseren"));
  EXPECT_TRUE(proposes("coordinate", "coordineren"));
  EXPECT_TRUE(proposes("evaluating", "evalueren"));
  EXPECT_TRUE(proposes("strategic", "strategisch"));
  EXPECT_TRUE(proposes("political", "politiek"));
  EXPECT_TRUE(proposes("creative", "creatief"));
  EXPECT_TRUE(proposes("professional", "professioneel"));
  EXPECT_TRUE(proposes("social", "sociaal"));
  EXPECT_TRUE(proposes("competence", "competentie"));
  EXPECT_TRUE(proposes("tolerance", "tolerantie"));
  EXPECT_TRUE(proposes("strategy", "strategie"));
  EXPECT_TRUE(proposes("strategies", "strategieen"));
  EXPECT_TRUE(proposes("activism", "activisme"));
  EXPECT_TRUE(proposes("coaching", "coachen"));
}

TEST(Cognates, FrenchLearnedWordsMeetTheirDutchSpelling) {
  // Folded: "activité" is "activite", "évaluer" is "evaluer".
  EXPECT_TRUE(proposes("activite", "activiteit"));
  EXPECT_TRUE(proposes("organiser", "organiseren"));
  EXPECT_TRUE(proposes("evaluer", "evalueren"));
  EXPECT_TRUE(proposes("politique", "politiek"));
  EXPECT_TRUE(proposes("creatif", "creatief"));
  EXPECT_TRUE(proposes("participation", "participatie"));
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
