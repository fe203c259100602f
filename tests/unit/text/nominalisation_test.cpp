// Verbs meet their nouns: a vacancy says "werven", "coachen", "evalueren" where the structure
// says "werving", "coaching", "evaluatie". Every noun below occurs in the bundled sources
// (sociare-beroepenstructuur-2016, BK-0338-3); the verb is what a job text writes instead.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/lexicon.h"

namespace vakkaart::text {
namespace {

const Analyzer& dutch_analyzer() {
  static const Analyzer instance(Analyzer::Resources{"", "", "", &Lexicon::dutch()});
  return instance;
}

bool shares_stem(const std::string& noun, const std::string& verb) {
  const auto n = dutch_analyzer().analyze(noun), v = dutch_analyzer().analyze(verb);
  if (n.size() != 1 || v.size() != 1)
    return false;
  for (const auto& stem : n[0].stems)
    if (stem == v[0].stems.front())
      return true;
  return false;
}

const std::vector<std::pair<std::string, std::string>> kPairsFromTheSources = {
    {"aanpassingen", "aanpassen"},
    {"activering", "activeren"},
    {"afstemming", "afstemmen"},
    {"analyse", "analyseren"},
    {"argumentatie", "argumenteren"},
    {"automatisering", "automatiseren"},
    {"begeleiding", "begeleiden"},
    {"beslissingen", "beslissen"},
    {"bevragingen", "bevragen"},
    {"coaching", "coachen"},
    {"combinaties", "combineren"},
    {"communicatie", "communiceren"},
    {"digitalisering", "digitaliseren"},
    {"erkenning", "erkennen"},
    {"handleidingen", "handleiden"},
    {"informatie", "informeren"},
    {"inrichting", "inrichten"},
    {"integratie", "integreren"},
    {"invulling", "invullen"},
    {"mobilisering", "mobiliseren"},
    {"oefening", "oefenen"},
    {"ondersteuning", "ondersteunen"},
    {"ontmoeting", "ontmoeten"},
    {"ontplooiing", "ontplooien"},
    {"ontwikkeling", "ontwikkelen"},
    {"opleidingen", "opleiden"},
    {"oplossing", "oplossen"},
    {"operationalisering", "operationaliseren"},
    {"optimalisatie", "optimaliseren"},
    {"organisatie", "organiseren"},
    {"planning", "plannen"},
    {"presentatie", "presenteren"},
    {"realisatie", "realiseren"},
    {"reflectie", "reflecteren"},
    {"reglementering", "reglementeren"},
    {"samenwerking", "samenwerken"},
    {"selectie", "selecteren"},
    {"sensibilisering", "sensibiliseren"},
    {"toepassing", "toepassen"},
    {"uitoefening", "uitoefenen"},
    {"uitvoering", "uitvoeren"},
    {"uitwisseling", "uitwisselen"},
    {"verandering", "veranderen"},
    {"verbetering", "verbeteren"},
    {"vergaderingen", "vergaderen"},
    {"vertaling", "vertalen"},
    {"vertegenwoordiging", "vertegenwoordigen"},
    {"verwerking", "verwerken"},
    {"voorbereiding", "voorbereiden"},
    {"vorming", "vormen"},
    {"werving", "werven"},
};

TEST(Nominalisation, FiftyNounsOfTheSourcesMeetTheirVerbs) {
  ASSERT_GE(kPairsFromTheSources.size(), 50u);
  for (const auto& [noun, verb] : kPairsFromTheSources)
    EXPECT_TRUE(shares_stem(noun, verb)) << noun << " ~ " << verb;
}

TEST(Nominalisation, OnlyVerbsHunspellKnowsArePaired) {
  // The suffix rules would make "functeren", "ambiteren", "competenteren", "vlaamseren":
  // no Dutch verbs, so these words keep their own stems only.
  for (const char* word : {"functie", "ambitie", "competentie", "vlaamse", "locatie"})
    EXPECT_EQ(dutch_analyzer().analyze(word).at(0).stems.size(), 1u) << word;
  EXPECT_TRUE(Lexicon::dutch().has_verb("organiseren"));  // listed as "organiseer"
  EXPECT_TRUE(Lexicon::dutch().has_verb("werven"));       // as "werf"
  EXPECT_FALSE(Lexicon::dutch().has_verb("functeren"));
}

}  // namespace
}  // namespace vakkaart::text
