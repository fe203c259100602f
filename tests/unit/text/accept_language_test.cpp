#include "text/accept_language.h"

#include <string>

#include <gtest/gtest.h>

namespace vakkaart::text {
namespace {

const std::vector<std::string> kPage = {"nl", "en", "fr"};

std::string pick(std::string_view header) {
  return preferred_language(header, kPage);
}

TEST(AcceptLanguage, PlainTagsAndRegionsFallBackToTheirLanguage) {
  EXPECT_EQ(pick("en"), "en");
  EXPECT_EQ(pick("fr"), "fr");
  EXPECT_EQ(pick("nl-BE,nl;q=0.9"), "nl");
  EXPECT_EQ(pick("en-GB"), "en");
  EXPECT_EQ(pick("EN-gb"), "en");
  EXPECT_EQ(pick("fr-BE, fr;q=0.9, en;q=0.8"), "fr");
}

TEST(AcceptLanguage, WeightsDecideAndTiesGoToTheRangeListedFirst) {
  EXPECT_EQ(pick("nl;q=0.5, en-GB;q=0.8"), "en");
  EXPECT_EQ(pick("de, en;q=0.3, nl;q=0.7"), "nl");
  EXPECT_EQ(pick("en, nl"), "en");
  EXPECT_EQ(pick("nl, en"), "nl");
  EXPECT_EQ(pick("en;q=0.5, fr;q=0.500"), "en");
  EXPECT_EQ(pick("en ; q=0.2 , fr ;Q=0.3"), "fr");
  EXPECT_EQ(pick("nl-NL;q=0.2, en;q=0.5, nl-BE;q=0.9"), "nl");  // the heaviest subtag counts
}

TEST(AcceptLanguage, AnExactRangeOutweighsItsSubtagsAndTheWildcard) {
  EXPECT_EQ(pick("nl-BE, nl;q=0.1, en;q=0.5"), "en");
  EXPECT_EQ(pick("*, en;q=0.5"), "nl");  // the wildcard names every other language at 1
  EXPECT_EQ(pick("en;q=0.5, *;q=0.1"), "en");
  EXPECT_EQ(pick("*"), "nl");  // of equal weights, the first supported
}

TEST(AcceptLanguage, WeightZeroRefuses) {
  EXPECT_EQ(pick("en;q=0"), "");
  EXPECT_EQ(pick("nl;q=0, *"), "en");
  EXPECT_EQ(pick("*, nl;q=0, en;q=0.000"), "fr");
}

TEST(AcceptLanguage, NothingSupportedOrEmptyGivesNothing) {
  EXPECT_EQ(pick(""), "");
  EXPECT_EQ(pick("de-DE, es;q=0.9"), "");
  EXPECT_EQ(pick("   ,  , "), "");
  EXPECT_EQ(pick("english"), "");  // no prefix match without a '-'
}

TEST(AcceptLanguage, MalformedRangesAndWeightsAreSkipped) {
  EXPECT_EQ(pick("en;q=2, fr"), "fr");
  EXPECT_EQ(pick("en;q=abc, fr;q=0.1"), "fr");
  EXPECT_EQ(pick("en;q=0.12345, fr;q=0.1"), "fr");
  EXPECT_EQ(pick("en;q=, fr;q=0.1"), "fr");
  EXPECT_EQ(pick("en;level=1, fr;q=0.1"), "fr");
  EXPECT_EQ(pick("e n, <script>, en-, -en, en--gb, 1en, fr;q=0.1"), "fr");
  EXPECT_EQ(pick("en-abcdefghi, fr;q=0.1"), "fr");
  EXPECT_EQ(pick(std::string("en\0x", 4)), "");
  EXPECT_EQ(pick(";;;,,,==\xff\xfe"), "");
}

TEST(AcceptLanguage, ReadsOnlyTheFirstBytesAndDropsARangeCutThere) {
  // "fr" (weight 1) starts past the limit, "en;q=0.5" before it.
  EXPECT_EQ(pick("en;q=0.5," + std::string(kAcceptLanguageLimit - 9, ' ') + "fr"), "en");
  EXPECT_EQ(pick("en;q=0.5," + std::string(kAcceptLanguageLimit - 12, ' ') + "fr"), "fr");
  // A weight cut in its middle ("nl;q=0." of "nl;q=0.9") does not count as a weight of 0.
  std::string cut = std::string(kAcceptLanguageLimit - 8, ' ') + "nl;q=0.9";
  EXPECT_EQ(pick("en;q=0.1," + cut), "en");
  // A huge header costs no more than the limit.
  EXPECT_EQ(pick(std::string(1 << 20, 'a')), "");
}

}  // namespace
}  // namespace vakkaart::text
