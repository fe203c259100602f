#include "text/analyzer.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "text/fold.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace vakkaart::text {
namespace {

const Analyzer& analyzer() {
  static const Analyzer instance(Analyzer::Resources{"", "", "", &Lexicon::dutch()});
  return instance;
}

std::vector<std::string> forms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& token : tokenize(text)) {
    out.insert(out.end(), token.forms.begin(), token.forms.end());
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST(Fold, CaseAndDiacritics) {
  EXPECT_EQ(fold("Oriënteren"), "orienteren");
  EXPECT_EQ(fold("CREËERT financiële"), "creeert financiele");
  EXPECT_EQ(fold("vrĳwilliger"), "vrijwilliger");
  EXPECT_EQ(fold("Ĳzer café"), "ijzer cafe");
}

TEST(Tokenizer, DutchWordShapes) {
  EXPECT_EQ(forms("thema's"), (std::vector<std::string>{"thema"}));
  EXPECT_EQ(forms("en/of thema/inhoud"), (std::vector<std::string>{"en", "of", "thema", "inhoud"}));
  EXPECT_EQ(forms("(h)erkennen"), (std::vector<std::string>{"herkennen", "erkennen"}));
  EXPECT_EQ(forms("actie(s)"), (std::vector<std::string>{"acties", "actie"}));
  EXPECT_EQ(forms("sociaal-culturele"),
            (std::vector<std::string>{"sociaalculturele", "sociaal", "culturele"}));
  EXPECT_EQ(forms("IT'ers, media..."), (std::vector<std::string>{"iters", "media"}));
  const auto tokens = tokenize("communicatie- en interactievormen");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].open_hyphen);
  EXPECT_EQ(tokens[0].end, std::string("communicatie").size());
}

TEST(Decompound, CompoundsWithLinkingLetters) {
  const auto& lex = Lexicon::dutch();
  ASSERT_GT(lex.size(), 100000u) << "hunspell-nl is not installed";
  auto stems = [&](std::string_view word) {
    std::vector<std::string> out;
    for (const auto& part : decompound(word, lex))
      out.push_back(analyzer().stem(part));
    return out;
  };
  EXPECT_EQ(stems("vrijwilligersbeleid"), (std::vector<std::string>{"vrijwilliger", "beleid"}));
  EXPECT_EQ(stems("beleidsplannen"), (std::vector<std::string>{"beleid", "plan"}));
  EXPECT_EQ(stems("erkenningsdossiers"), (std::vector<std::string>{"erken", "dossier"}));
  EXPECT_TRUE(decompound("verantwoordelijkheid", lex).empty());
  EXPECT_TRUE(decompound("organiseert", lex).empty());
}

TEST(Analyzer, HyphenatedCoordination) {
  const auto words = analyzer().analyze("Stemt communicatie- en interactievormen af");
  ASSERT_GE(words.size(), 4u);
  EXPECT_TRUE(has(words[1].forms, "communicatievormen")) << words[1].forms.size();
  const auto three = analyzer().analyze("Informatie-, sensibiliserings- en activeringsacties");
  EXPECT_TRUE(has(three[0].forms, "informatieacties"));
  EXPECT_TRUE(has(three[1].forms, "sensibiliseringsacties"));
}

TEST(Analyzer, StemsAndParts) {
  const auto words = analyzer().analyze("Stelt subsidie- en erkenningsdossiers op");
  const auto& dossiers = words[3];
  EXPECT_TRUE(has(dossiers.part_stems, "dossier"));
  EXPECT_TRUE(has(words[1].forms, "subsidiedossiers"));
  const auto verbs =
      analyzer().analyze("begeleidt begeleiden stuurt sturen organiseert organiseren");
  EXPECT_EQ(verbs[0].stems, verbs[1].stems);
  EXPECT_EQ(verbs[2].stems, verbs[3].stems);
  EXPECT_EQ(verbs[4].stems, verbs[5].stems);
  const auto nouns =
      analyzer().analyze("subsidies subsidie plannen plan vrijwilligers vrijwilliger");
  EXPECT_EQ(nouns[0].stems, nouns[1].stems);
  EXPECT_EQ(nouns[2].stems, nouns[3].stems);
  EXPECT_EQ(nouns[4].stems, nouns[5].stems);
  const auto derived = analyzer().analyze("evaluatie evalueren");
  EXPECT_TRUE(has(derived[0].stems, derived[1].stems[0]));
  // A subordinate clause keeps a separable verb whole: "die netwerken uitbouwt". hunspell-nl
  // makes "uitbouwen" from "bouwen" with the flag of "uit", so the two meet.
  EXPECT_EQ(analyzer().stem("uitbouwt"), analyzer().stem("uitbouwen"));
  // "talent" and "gast" are no verb forms, though "talen" and "gas" are words.
  EXPECT_NE(analyzer().stem("talent"), analyzer().stem("talen"));
  EXPECT_NE(analyzer().stem("gast"), analyzer().stem("gas"));
  // "kracht" is no verb form: its t stays.
  EXPECT_EQ(analyzer().stem("kracht"), analyzer().stem("krachten"));
}

}  // namespace
}  // namespace vakkaart::text

namespace vakkaart::text {
namespace {

TEST(Analyzer, StandardResources) {
  const auto standard = Analyzer::standard();
  EXPECT_TRUE(standard->is_stopword("de"));
  EXPECT_TRUE(standard->is_light("geven"));
  EXPECT_TRUE(standard->is_light("geeft"));
  EXPECT_FALSE(standard->is_light("vorming"));
  EXPECT_FALSE(standard->synonyms_of("vergadering").empty());
}

// A light verb is light in the forms a competence text uses: the third person ("gaat" was not:
// its stem is not that of "gaan", and the infinitive rules start at five letters).
TEST(Analyzer, LightVerbsAreLightInTheThirdPerson) {
  const auto standard = Analyzer::standard();
  for (const char* form : {"gaat",    "doet",     "komt",  "heeft", "houdt", "neemt", "zorgt",
                           "stelt",   "brengt",   "zet",   "werkt", "volgt", "zoekt", "leidt",
                           "bereikt", "schrijft", "maakt", "geeft", "gaan",  "doen"})
    EXPECT_TRUE(standard->is_light(form)) << form;
}

TEST(Analyzer, SynonymsOfAnInflectedWordComeFromItsStem) {
  const auto standard = Analyzer::standard();
  const auto contains = [](const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  // "vergaderingen" and "coacht" are in no group; their stems are those of group words.
  EXPECT_TRUE(contains(standard->inflected_synonyms_of("vergaderingen"), "overleg"));
  EXPECT_TRUE(contains(standard->inflected_synonyms_of("coacht"), "begeleiden"));
  EXPECT_FALSE(contains(standard->inflected_synonyms_of("vergaderingen"), "vergaderingen"));
  EXPECT_TRUE(standard->synonyms_of("vergaderingen").empty());
  // A listed word keeps its own group.
  EXPECT_EQ(standard->inflected_synonyms_of("vergadering"), standard->synonyms_of("vergadering"));
  EXPECT_TRUE(standard->inflected_synonyms_of("zonnebloem").empty());
}

}  // namespace
}  // namespace vakkaart::text
