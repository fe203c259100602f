// Clause spans of a segment (analysis/clauses.h): where a long sentence lists several duties.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/clauses.h"

namespace vakkaart::analysis {
namespace {

std::vector<std::string> clauses_of(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  clause_spans(text, spans);
  std::vector<std::string> out;
  for (auto [begin, end] : spans)
    out.emplace_back(text.substr(begin, end - begin));
  return out;
}

TEST(Clauses, ACommaSeparatesTheDutiesOfALongSentence) {
  EXPECT_EQ(clauses_of("Je brengt buurtbewoners samen, bouwt netwerken uit met lokale partners, "
                       "begeleidt vrijwilligers bij activiteiten."),
            (std::vector<std::string>{"Je brengt buurtbewoners samen,",
                                      "bouwt netwerken uit met lokale partners,",
                                      "begeleidt vrijwilligers bij activiteiten."}));
}

TEST(Clauses, SemicolonsColonsAndLoneDashesSeparateToo) {
  EXPECT_EQ(
      clauses_of("Taken van de medewerker: plannen van de activiteiten; opvolgen van de "
                 "vrijwilligers \u2013 rapporteren aan de directie"),
      (std::vector<std::string>{"Taken van de medewerker:", "plannen van de activiteiten;",
                                "opvolgen van de vrijwilligers", "rapporteren aan de directie"}));
  // A hyphen inside a word is no break.
  EXPECT_TRUE(clauses_of("Je organiseert sociaal-culturele activiteiten voor jongeren en "
                         "volwassenen in de wijk")
                  .empty());
}

TEST(Clauses, ShortPiecesJoinANeighbourAndShortSegmentsStayWhole) {
  // "plannen," is one word: it joins the clause after it.
  EXPECT_EQ(clauses_of("Plannen, organiseren en opvolgen van projecten, samen met de partners "
                       "uit de buurt"),
            (std::vector<std::string>{"Plannen, organiseren en opvolgen van projecten,",
                                      "samen met de partners uit de buurt"}));
  EXPECT_TRUE(clauses_of("Teamspeler, flexibel, stressbestendig").empty());
  EXPECT_TRUE(clauses_of("").empty());
}

TEST(Clauses, ABracketedListIsNotSplit) {
  EXPECT_TRUE(
      clauses_of("Bouwt een netwerk uit met alle betrokken partijen (collega's, militanten, "
                 "achterban, werkgevers)")
          .empty());
}

TEST(Clauses, ManyCommasGiveAtMostEightClauses) {
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "werkt met de buurt " + std::to_string(i) + ", ";
  const auto clauses = clauses_of(text);
  ASSERT_EQ(clauses.size(), 8u);
  EXPECT_EQ(clauses.back().substr(0, 20), "werkt met de buurt 7");
  EXPECT_EQ(clauses.back().substr(clauses.back().size() - 3), "99,");
}

}  // namespace
}  // namespace vakkaart::analysis
