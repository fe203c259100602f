#include "text/separable_verbs.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/tokenizer.h"

namespace vakkaart::text {
namespace {

/// "infinitive@verb word" for each separated verb of a text.
std::vector<std::string> joined(std::string_view text) {
  const auto tokens = tokenize(text);
  std::vector<std::string> out;
  // A few of data/stopwords-nl.txt's words.
  auto stopword = [](const std::string& w) { return w == "met" || w == "het" || w == "de"; };
  for (const auto& v : separated_verbs(text, tokens, Lexicon::dutch(), stopword))
    out.push_back(v.infinitive + "@" + tokens[v.verb].forms[0]);
  return out;
}

using List = std::vector<std::string>;

// Sentences of the bundled sources, in their three positions of a separated particle: the end
// of the clause, before an extraposed phrase, before the next clause's conjunction.
TEST(SeparatedVerbs, SourcesMainClauses) {
  EXPECT_EQ(joined("Werkt samen met collega's, vrijwilligers en/of deelnemers"),
            List{"samenwerken@werkt"});
  EXPECT_EQ(joined("Volgt de uitvoering van de opdrachten en het naleven van procedures op"),
            List{"opvolgen@volgt"});
  EXPECT_EQ(joined("Stelt een plan van aanpak op met doelstellingen"), List{"opstellen@stelt"});
  EXPECT_EQ(joined("Neemt actief deel aan vormingsinitiatieven en opleidingen"),
            List{"deelnemen@neemt"});
  EXPECT_EQ(joined("Gaat na of de geleverde diensten voldoen"), List{"nagaan@gaat"});
  EXPECT_EQ(joined("Stemt de communicatie af op de doelgroep"), List{"afstemmen@stemt"});
  EXPECT_EQ(joined("Past het eigen werkschema aan in geval van een gewijzigde planning"),
            List{"aanpassen@past"});
  EXPECT_EQ(joined("Geeft signalen over problemen of knelpunten door aan betrokkenen"),
            List{"doorgeven@geeft"});
  EXPECT_EQ(joined("Leeft zich in de situatie van de doelgroep in"), List{"inleven@leeft"});
  EXPECT_EQ(joined("Ziet toe op het gebruik van de middelen"), List{"toezien@ziet"});
}

TEST(SeparatedVerbs, ClausesOfAListAndOfAVacancy) {
  // Each bullet is a clause of its own: "uit" belongs to "Komt", not to the next bullet.
  EXPECT_EQ(joined("Komt voor het eigen standpunt uit - Stelt verslagen op"),
            (List{"uitkomen@komt", "opstellen@stelt"}));
  EXPECT_EQ(joined("Je werkt samen met het team en stelt een planning op."),
            (List{"samenwerken@werkt", "opstellen@stelt"}));
}

TEST(SeparatedVerbs, PrepositionsAndOtherWordsAreNoParticles) {
  // A preposition before its noun, a verb that is not at the start of its clause, a function
  // word ending in t: nothing to join.
  EXPECT_EQ(joined("Werkt in team"), List{});
  EXPECT_EQ(joined("Brengt de beginsituatie van de doelgroep in kaart"), List{});
  EXPECT_EQ(joined("Zorgt voor een goede overlegsituatie"), List{});
  EXPECT_EQ(joined("met de betrokken actoren na of de doelen bereikt zijn"), List{});
  EXPECT_EQ(joined("Werkt"), List{});
  EXPECT_EQ(joined("Werkt aan een nieuw project"), List{});
  EXPECT_EQ(joined(""), List{});
}

TEST(SeparatedVerbs, SearchAnalysisGivesTheVerbTheWholeVerbsStem) {
  const Analyzer analyzer(Analyzer::Resources{"", "", "", &Lexicon::dutch()});
  const auto apart = analyzer.analyze("Werkt samen met collega's");
  const auto joined_words = analyzer.analyze("Werkt samen met collega's", SeparatedVerbs::join);
  const std::string whole = analyzer.stem("samenwerken");
  auto carries = [&](const std::vector<AnalyzedWord>& words) {
    const auto& stems = words.at(0).stems;
    return std::find(stems.begin(), stems.end(), whole) != stems.end();
  };
  EXPECT_FALSE(carries(apart));
  EXPECT_TRUE(carries(joined_words));
}

}  // namespace
}  // namespace vakkaart::text
