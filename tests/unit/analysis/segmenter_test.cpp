#include "analysis/segmenter.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace vakkaart::analysis {
namespace {

std::vector<std::string> segmenter_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Segment& s : segment_text(text))
    out.push_back(s.text);
  return out;
}

int segmenter_words(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

/// Every segment points back into the text: its offsets hold its first word, its line is the
/// line those offsets are on.
void segmenter_expect_offsets(std::string_view text, const std::vector<Segment>& segments) {
  for (const Segment& s : segments) {
    ASSERT_LE(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    const std::string_view range = text.substr(s.begin, s.end - s.begin);
    const std::string first_word = s.text.substr(0, s.text.find(' '));
    EXPECT_EQ(range.substr(0, first_word.size()), first_word) << s.text;
    const auto newlines = std::count(text.begin(), text.begin() + s.begin, '\n');
    EXPECT_EQ(s.line, newlines + 1) << s.text;
  }
}

TEST(Segmenter, SplitsSentencesWithOffsetsAndLines) {
  const std::string text =
      "Wij zoeken een collega. Je werkt in Gent!\n"
      "Heb je vragen? Bel ons.\n";
  const std::vector<Segment> segments = segment_text(text);
  ASSERT_EQ(segments.size(), 4u);
  EXPECT_EQ(segments[0].text, "Wij zoeken een collega.");
  EXPECT_EQ(segments[0].begin, 0u);
  EXPECT_EQ(segments[0].end, 23u);
  EXPECT_EQ(segments[0].line, 1);
  EXPECT_EQ(segments[1].text, "Je werkt in Gent!");
  EXPECT_EQ(text.substr(segments[1].begin, segments[1].end - segments[1].begin),
            "Je werkt in Gent!");
  EXPECT_EQ(segments[2].text, "Heb je vragen?");
  EXPECT_EQ(segments[2].line, 2);
  EXPECT_EQ(segments[3].text, "Bel ons.");
  for (const Segment& s : segments) {
    EXPECT_FALSE(s.bullet);
    EXPECT_FALSE(s.heading);
  }
  segmenter_expect_offsets(text, segments);
}

TEST(Segmenter, EmptyAndBlankTexts) {
  EXPECT_TRUE(segment_text("").empty());
  EXPECT_TRUE(segment_text(" \n\n\t\n").empty());
  // Segments without any letter are dropped.
  EXPECT_TRUE(segment_text("- 123\n---\n***\n\u2022 \u20AC 5\n2024.\n").empty());
}

TEST(Segmenter, DoesNotSplitAfterDutchAbbreviations) {
  for (const char* abbreviation :
       {"o.a.",  "bv.",  "bijv.",  "m.a.w.", "d.w.z.",  "incl.",  "excl.", "ca.",
        "nl.",   "vb.",  "m.b.t.", "t.a.v.", "i.s.m.",  "t.e.m.", "resp.", "evt.",
        "max.",  "min.", "tel.",   "nr.",    "dhr.",    "mevr.",  "mr.",   "dr.",
        "prof.", "Bv.",  "O.a.",   "i.p.v.", "a.d.h.v."}) {
    const std::string text = std::string("Je werkt ") + abbreviation +
                             " Gent en Brussel samen met 12 vrijwilligers. Daarna rust je.";
    EXPECT_EQ(segmenter_texts(text),
              (std::vector<std::string>{std::string("Je werkt ") + abbreviation +
                                            " Gent en Brussel samen met 12 vrijwilligers.",
                                        "Daarna rust je."}))
        << abbreviation;
  }
  // Before a lower-case word no '.' ends a sentence.
  EXPECT_EQ(segmenter_texts("Je kookt, poetst enz. en je doet de was."),
            (std::vector<std::string>{"Je kookt, poetst enz. en je doet de was."}));
  // enz., etc., e.d., e.a. and vzw close lists and names: an upper-case word after them
  // starts a new sentence.
  EXPECT_EQ(segmenter_texts("Je kookt, poetst enz. Daarna rust je."),
            (std::vector<std::string>{"Je kookt, poetst enz.", "Daarna rust je."}));
  EXPECT_EQ(segmenter_texts("Je werkt bij Sociare vzw. De sector is groot."),
            (std::vector<std::string>{"Je werkt bij Sociare vzw.", "De sector is groot."}));
  EXPECT_EQ(segmenter_texts("Je plant vormingen, lezingen e.d. Het team helpt."),
            (std::vector<std::string>{"Je plant vormingen, lezingen e.d.", "Het team helpt."}));
}

TEST(Segmenter, NumbersInitialsUrlsAndEmails) {
  EXPECT_EQ(segmenter_texts("Het budget is 1.500 euro en de groei 3.5 procent. Er zijn 12 "
                            "vrijwilligers."),
            (std::vector<std::string>{"Het budget is 1.500 euro en de groei 3.5 procent.",
                                      "Er zijn 12 vrijwilligers."}));
  EXPECT_EQ(segmenter_texts("De werking startte in 2024. 30 mensen doen mee."),
            (std::vector<std::string>{"De werking startte in 2024.", "30 mensen doen mee."}));
  EXPECT_EQ(
      segmenter_texts("Contacteer J. Peeters of A.B. Janssens. Zij helpen je."),
      (std::vector<std::string>{"Contacteer J. Peeters of A.B. Janssens.", "Zij helpen je."}));
  EXPECT_EQ(segmenter_texts("Surf naar www.vormingplus.be of mail info@vormingplus.be. Wij "
                            "antwoorden snel. Zie ook https://x.be/a.b?c=d."),
            (std::vector<std::string>{"Surf naar www.vormingplus.be of mail info@vormingplus.be.",
                                      "Wij antwoorden snel.", "Zie ook https://x.be/a.b?c=d."}));
}

TEST(Segmenter, EllipsisQuotesAndPunctuationRuns) {
  EXPECT_EQ(segmenter_texts("Interesse? Solliciteer nu! Wij wachten\u2026 Tot dan... Echt?! Ja."),
            (std::vector<std::string>{"Interesse?", "Solliciteer nu!", "Wij wachten\u2026",
                                      "Tot dan...", "Echt?!", "Ja."}));
  EXPECT_EQ(segmenter_texts("Hij zei: \"Kom binnen.\" Daarna vertrok hij. (Zie bijlage.) "
                            "\u201CWelkom!\u201D zei ze."),
            (std::vector<std::string>{"Hij zei: \"Kom binnen.\"", "Daarna vertrok hij.",
                                      "(Zie bijlage.)", "\u201CWelkom!\u201D zei ze."}));
  // "…" before a lower-case word does not end the sentence.
  EXPECT_EQ(segmenter_texts("Je werkt samen met\u2026 vrijwilligers."),
            (std::vector<std::string>{"Je werkt samen met\u2026 vrijwilligers."}));
}

TEST(Segmenter, BulletsOfEveryKind) {
  const std::string text =
      "- streepje\n* sterretje\n\u2022 bolletje\n\u25AA blokje\n\u2013 gedachtestreep\n"
      "\u00B7 middenpunt\no letter o\n1. genummerd\n2) haakje\na) letter\n(b) tussen haakjes\n"
      "  - ingesprongen\n\u2022geplakt\n\uF0B7 symbool\n";
  const std::vector<Segment> segments = segment_text(text);
  EXPECT_EQ(
      segmenter_texts(text),
      (std::vector<std::string>{"streepje", "sterretje", "bolletje", "blokje", "gedachtestreep",
                                "middenpunt", "letter o", "genummerd", "haakje", "letter",
                                "tussen haakjes", "ingesprongen", "geplakt", "symbool"}));
  for (const Segment& s : segments) {
    EXPECT_TRUE(s.bullet) << s.text;
    EXPECT_FALSE(s.heading) << s.text;
  }
  segmenter_expect_offsets(text, segments);
  // Not bullets: a dash glued to a word, a number with a decimal point, "o" alone.
  const std::vector<Segment> plain = segment_text("-5 graden vandaag\n3.5 procent groei\no\n");
  ASSERT_EQ(plain.size(), 3u);
  for (const Segment& s : plain)
    EXPECT_FALSE(s.bullet) << s.text;
  EXPECT_EQ(plain[0].text, "-5 graden vandaag");
}

TEST(Segmenter, ListItemsStayWholeUnlessLong) {
  const std::vector<Segment> short_item =
      segment_text("- Je plant activiteiten. Je volgt ze op.\n- Je beheert de agenda.");
  ASSERT_EQ(short_item.size(), 2u);
  EXPECT_EQ(short_item[0].text, "Je plant activiteiten. Je volgt ze op.");

  const std::string long_item =
      "- Je organiseert samen met de vrijwilligers van het huis activiteiten voor de buurt. "
      "Je zoekt daarvoor partners in de stad en je volgt de afspraken met hen op. Je "
      "evalueert elke activiteit met het team.\n- Kort.";
  const std::vector<Segment> segments = segment_text(long_item);
  ASSERT_EQ(segments.size(), 4u);
  EXPECT_EQ(segments[0].text,
            "Je organiseert samen met de vrijwilligers van het huis activiteiten voor de buurt.");
  EXPECT_EQ(segments[2].text, "Je evalueert elke activiteit met het team.");
  for (const Segment& s : segments)
    EXPECT_TRUE(s.bullet);
  segmenter_expect_offsets(long_item, segments);
}

TEST(Segmenter, BulletGlyphsInsideALine) {
  const std::vector<Segment> segments =
      segment_text("Competenties: \u2022 klantgericht \u2022 flexibel \u2022 stressbestendig");
  ASSERT_EQ(segments.size(), 4u);
  EXPECT_EQ(segments[0].text, "Competenties:");
  EXPECT_FALSE(segments[0].bullet);
  EXPECT_EQ(segments[1].text, "klantgericht");
  EXPECT_TRUE(segments[1].bullet);
  EXPECT_EQ(segments[3].text, "stressbestendig");
  EXPECT_TRUE(segments[3].bullet);
}

TEST(Segmenter, Headings) {
  const std::string text =
      "VACATURE MEDEWERKER ONTHAAL\n"
      "Over ons\n"
      "Wij zijn een organisatie voor volwassenen.\n"
      "\n"
      "Profiel\n"
      "Je bent een teamspeler en je werkt graag met mensen.\n"
      "\n"
      "Wat verwachten we van jou:\n"
      "- Je bent klantgericht.\n"
      "Wat bieden we?\n"
      "- Een vast contract.\n"
      "Interesse?\n"
      "Stuur je cv.\n"
      "ÉÉN TEAM\n"
      "Contact\n";
  const std::vector<Segment> segments = segment_text(text);
  std::vector<std::string> headings, others;
  for (const Segment& s : segments)
    (s.heading ? headings : others).push_back(s.text);
  EXPECT_EQ(headings,
            (std::vector<std::string>{"VACATURE MEDEWERKER ONTHAAL", "Over ons", "Profiel",
                                      "Wat verwachten we van jou:", "Wat bieden we?", "ÉÉN TEAM"}));
  // A question not over a list is a sentence; the last line heads nothing.
  EXPECT_EQ(others,
            (std::vector<std::string>{"Wij zijn een organisatie voor volwassenen.",
                                      "Je bent een teamspeler en je werkt graag met mensen.",
                                      "Je bent klantgericht.", "Een vast contract.", "Interesse?",
                                      "Stuur je cv.", "Contact"}));
  segmenter_expect_offsets(text, segments);
}

TEST(Segmenter, ColonEndsTheIntroOfAList) {
  const std::vector<Segment> segments = segment_text(
      "Je taken zijn onder meer het volgende:\nplannen van activiteiten\n"
      "Wij bieden veel. Onder andere:\n- een vast contract");
  ASSERT_EQ(segments.size(), 5u);
  EXPECT_EQ(segments[0].text, "Je taken zijn onder meer het volgende:");
  EXPECT_TRUE(segments[0].heading);
  EXPECT_EQ(segments[1].text, "plannen van activiteiten");
  EXPECT_EQ(segments[2].text, "Wij bieden veel.");
  EXPECT_FALSE(segments[2].heading);
  EXPECT_EQ(segments[3].text, "Onder andere:");
  EXPECT_TRUE(segments[3].heading);
  EXPECT_TRUE(segments[4].bullet);
}

TEST(Segmenter, WrappedLinesFormOneSegment) {
  const std::string text =
      "Je zorgt voor een warm onthaal van de bezoekers en je\n"
      "beantwoordt hun vragen aan de balie, telefonisch en\n"
      "per e-mail voor de sociaal-\n"
      "culturele werking van\n"
      "Vormingplus Gent. Daarnaast help je o.a.\n"
      "bij de planning.\n"
      "- Je organiseert activiteiten voor de mensen uit\n"
      "  de buurt en hun families\n"
      "Wij bieden een boeiende job.\n";
  const std::vector<Segment> segments = segment_text(text);
  EXPECT_EQ(segmenter_texts(text),
            (std::vector<std::string>{
                "Je zorgt voor een warm onthaal van de bezoekers en je beantwoordt hun vragen aan "
                "de balie, telefonisch en per e-mail voor de sociaal-culturele werking van "
                "Vormingplus Gent.",
                "Daarnaast help je o.a. bij de planning.",
                "Je organiseert activiteiten voor de mensen uit de buurt en hun families",
                "Wij bieden een boeiende job."}));
  EXPECT_EQ(segments[1].line, 5);
  EXPECT_TRUE(segments[2].bullet);
  EXPECT_EQ(segments[2].line, 7);
  EXPECT_FALSE(segments[3].bullet);
  segmenter_expect_offsets(text, segments);
}

TEST(Segmenter, LineEndsWithoutPunctuation) {
  // Before a blank line or a list item a line ends its segment.
  EXPECT_EQ(
      segmenter_texts("Functieomschrijving van de job\n\nWij zoeken een collega\n- teamspeler"),
      (std::vector<std::string>{"Functieomschrijving van de job", "Wij zoeken een collega",
                                "teamspeler"}));
  // Ending in a verb particle or a pronoun is no sign of a wrapped line.
  EXPECT_EQ(segmenter_texts("Je volgt de dossiers van de klanten op\nJe werkt mee aan projecten"),
            (std::vector<std::string>{"Je volgt de dossiers van de klanten op",
                                      "Je werkt mee aan projecten"}));
  // Ending in an article or a conjunction is: the next line continues, capital or not.
  EXPECT_EQ(segmenter_texts("Je werkt samen met de collega's van\nVormingplus Gent en de\nOCMW's."),
            (std::vector<std::string>{"Je werkt samen met de collega's van Vormingplus Gent en de "
                                      "OCMW's."}));
  // A line followed by one starting with a capital: two segments.
  EXPECT_EQ(
      segmenter_texts("Je werkt in een team van tien mensen\nDe job is voltijds"),
      (std::vector<std::string>{"Je werkt in een team van tien mensen", "De job is voltijds"}));
}

TEST(Segmenter, TelegramStyleGivesOneSegmentPerLine) {
  const std::string text =
      "Klantgericht\nflexibel\nstressbestendig\nteamspeler\nrijbewijs B\n"
      "Je werkt in Gent\n";
  const std::vector<Segment> segments = segment_text(text);
  EXPECT_EQ(segmenter_texts(text),
            (std::vector<std::string>{"Klantgericht", "flexibel", "stressbestendig", "teamspeler",
                                      "rijbewijs B", "Je werkt in Gent"}));
  for (const Segment& s : segments)
    EXPECT_FALSE(s.heading) << s.text;
  // Short lower-case lines after an intro are items too, even in a text of sentences.
  EXPECT_EQ(segmenter_texts("Profiel:\nteamspeler\nflexibel\n\nWij bieden een vast contract met "
                            "veel opleiding."),
            (std::vector<std::string>{"Profiel:", "teamspeler", "flexibel",
                                      "Wij bieden een vast contract met veel opleiding."}));
}

TEST(Segmenter, SplitsLongRunOnSentences) {
  std::string clause_a, clause_b;
  for (int i = 0; i < 40; ++i)
    clause_a += "woord" + std::to_string(i) + " ";
  for (int i = 0; i < 40; ++i)
    clause_b += "term" + std::to_string(i) + " ";
  clause_a.pop_back();
  clause_b.pop_back();
  // At the ';' (even though a ',' is nearer the middle).
  std::string text = "Je " + clause_a + ", en verder; " + clause_b + ".";
  std::vector<Segment> segments = segment_text(text);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].text, "Je " + clause_a + ", en verder;");
  EXPECT_EQ(segments[1].text, clause_b + ".");
  segmenter_expect_offsets(text, segments);
  // At " - ", which belongs to neither side.
  text = "Je " + clause_a + " - " + clause_b + ".";
  segments = segment_text(text);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].text, "Je " + clause_a);
  EXPECT_EQ(segments[1].text, clause_b + ".");
  // At the ", " nearest the middle.
  text = "Je " + clause_a + ", " + clause_b + ", en zo verder.";
  segments = segment_text(text);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].text, "Je " + clause_a + ",");
  // Without any of them: at the middle, as often as it takes.
  std::string words;
  for (int i = 0; i < 200; ++i)
    words += "w" + std::to_string(i) + (i % 25 == 24 ? "\n" : " ");
  segments = segment_text(words);
  int total = 0;
  for (const Segment& s : segments) {
    EXPECT_LE(segmenter_words(s.text), kMaxSegmentWords);
    total += segmenter_words(s.text);
  }
  EXPECT_EQ(total, 200);
  EXPECT_EQ(segments.front().text.substr(0, 3), "w0 ");
  segmenter_expect_offsets(words, segments);
}

TEST(Segmenter, UnicodeText) {
  const std::string text =
      "Één coördinator werkt ’s avonds in het café. Zij beheert ‘de kassa’ in Genève. "
      "Élise helpt. ze werkt ook.\n"
      "ÉÉN TEAM\n"
      "• Je zorgt voor de naïeve ideeën van de crèche.\n";
  const std::vector<Segment> segments = segment_text(text);
  EXPECT_EQ(
      segmenter_texts(text),
      (std::vector<std::string>{"Één coördinator werkt ’s avonds in het café.",
                                "Zij beheert ‘de kassa’ in Genève.", "Élise helpt. ze werkt ook.",
                                "ÉÉN TEAM", "Je zorgt voor de naïeve ideeën van de crèche."}));
  EXPECT_TRUE(segments[3].heading);
  EXPECT_TRUE(segments[4].bullet);
  segmenter_expect_offsets(text, segments);
}

TEST(Segmenter, WhitespaceIsCollapsedAndCrlfIgnored) {
  const std::string text = "Wij  zoeken\teen\u00A0collega.\r\nJe werkt   in Gent.\r\n";
  const std::vector<Segment> segments = segment_text(text);
  EXPECT_EQ(segmenter_texts(text),
            (std::vector<std::string>{"Wij zoeken een collega.", "Je werkt in Gent."}));
  segmenter_expect_offsets(text, segments);
  EXPECT_EQ(text.substr(segments[1].begin, segments[1].end - segments[1].begin),
            "Je werkt   in Gent.");
}

TEST(Segmenter, HandlesLargeAndOddInput) {
  // Bytes that are not UTF-8, lone punctuation and very long lines do not trip it up.
  EXPECT_NO_THROW(segment_text("\xFF\xFE. ! ? \xE2\x80 . \xC3"));
  std::string big;
  for (int i = 0; i < 20000; ++i)
    big += "Je werkt o.a. met vrijwilligers (ca. 12) in Gent. ";
  const std::vector<Segment> segments = segment_text(big);
  EXPECT_EQ(segments.size(), 20000u);
  EXPECT_EQ(segments.back().text, "Je werkt o.a. met vrijwilligers (ca. 12) in Gent.");
}

}  // namespace
}  // namespace vakkaart::analysis
