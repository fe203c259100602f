#include "text/text_utils.h"

#include <gtest/gtest.h>

#include "text/decode.h"

namespace vakkaart::text {
namespace {

TEST(TextUtils, CollapsesAllKindsOfWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a\t\tb \n c  "), "a b c");
  EXPECT_EQ(collapse_whitespace("\xC2\xA0 Dit is"), "Dit is");  // NBSP counts as space
  EXPECT_EQ(collapse_whitespace("thema\xE2\x80\x99s,\xE2\x80\xA6"),
            "thema\xE2\x80\x99s,\xE2\x80\xA6");
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(TextUtils, SlugsAreAsciiWithoutDiacritics) {
  EXPECT_EQ(slugify("Oriënteren en relaties"), "orienteren-en-relaties");
  EXPECT_EQ(slugify("Afwegen - kiezen - ontwerpen"), "afwegen-kiezen-ontwerpen");
  EXPECT_EQ(slugify("BEGELEIDER SOCIAAL-CULTURELE ACTIVITEITEN"),
            "begeleider-sociaal-culturele-activiteiten");
  EXPECT_EQ(slugify("  De lerende professional! "), "de-lerende-professional");
}

TEST(TextUtils, SentenceCaseOfUpperCaseHeadings) {
  EXPECT_EQ(to_sentence_case("PROGRAMMATOR CULTUUR EN EDUCATIE"),
            "Programmator cultuur en educatie");
  EXPECT_EQ(to_sentence_case("ORIËNTEREN"), "Oriënteren");
  EXPECT_TRUE(is_upper_case_heading("DE LERENDE PROFESSIONAL"));
  EXPECT_FALSE(is_upper_case_heading("Afwegen - kiezen"));
  EXPECT_FALSE(is_upper_case_heading("---"));
}

TEST(TextUtils, Utf8ValidationAndWindows1252) {
  EXPECT_TRUE(is_valid_utf8("Creëert"));
  EXPECT_FALSE(
      is_valid_utf8("Cre\xEB"
                    "ert"));
  EXPECT_EQ(windows1252_to_utf8("Cre\xEB"
                                "ert \x93mandaat\x94"),
            "Creëert “mandaat”");
}

TEST(TextUtils, NfcComposes) {
  EXPECT_EQ(nfc("Cre\x65\xCC\x88"
                "ert"),
            "Creëert");
}

TEST(TextUtils, AsciiCaseLeavesEveryOtherByte) {
  // Positions in the lowered text are positions in the original, and UTF-8 stays valid.
  EXPECT_EQ(ascii_lower("Niet Gebruiken: ÉÉN Titel"), "niet gebruiken: ÉÉn titel");
  EXPECT_TRUE(ascii_iequals("Application/LD+JSON", "application/ld+json"));
  EXPECT_TRUE(ascii_iequals("", ""));
  EXPECT_FALSE(ascii_iequals("pdf", "pdfx"));
  EXPECT_FALSE(ascii_iequals("É", "é"));  // only ASCII letters fold
}

}  // namespace
}  // namespace vakkaart::text
