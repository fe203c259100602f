#include "text/lexicon.h"

#include <filesystem>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

namespace vakkaart::text {
namespace {

namespace fs = std::filesystem;

/// A hunspell pair in a temp folder, in hunspell-nl's layout: "FLAG long", a prefix rule that
/// adds "na", and a .dic whose first line is the word count.
class LexiconFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("vakkaart-lexicon-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "t.aff") << "SET UTF-8\nFLAG long\nPFX Pt Y 1\nPFX Pt 0 na .\n";
    // Lines, in order: a verb with the prefix flag and another flag; a name (capital);
    // a word with a digit; an abbreviation; a short word; a word with a diacritic; a word with
    // an inner capital; a line ending in CR LF; a word without flags; the last line unended.
    std::ofstream(dir_ / "t.dic", std::ios::binary)
        << "10\ngaan/PtVi\nAntwerpen\nmp3speler\nenz.\nook\nreünie/Vi\nvzwWerking\n"
           "werving/Vi\r\nbeleid\ncoaching";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(LexiconFileTest, ReadsWordsFoldedAndSkipsNamesNumbersAndShortWords) {
  Lexicon lexicon;
  lexicon.load_hunspell((dir_ / "t.dic").string());
  EXPECT_TRUE(lexicon.contains("gaan"));
  EXPECT_TRUE(lexicon.contains("reunie"));  // folded
  EXPECT_TRUE(lexicon.contains("vzwwerking"));
  EXPECT_TRUE(lexicon.contains("werving"));  // without the CR
  EXPECT_TRUE(lexicon.contains("beleid"));
  EXPECT_TRUE(lexicon.contains("coaching"));  // the last line, with no newline
  EXPECT_FALSE(lexicon.contains("antwerpen"));
  EXPECT_FALSE(lexicon.contains("mp3speler"));
  EXPECT_FALSE(lexicon.contains("enz."));
  EXPECT_FALSE(lexicon.contains("ook"));  // too short to be a part of a compound
  EXPECT_EQ(lexicon.size(), 6U);
}

TEST_F(LexiconFileTest, APrefixFlagMakesAWordOnlyHasPrefixedKnows) {
  Lexicon lexicon;
  lexicon.load_hunspell((dir_ / "t.dic").string());
  EXPECT_TRUE(lexicon.has_prefixed("nagaan"));
  EXPECT_FALSE(lexicon.contains("nagaan"));        // the decompounder does not split with it
  EXPECT_FALSE(lexicon.has_prefixed("nareunie"));  // no Pt flag there
}

TEST_F(LexiconFileTest, ACopyOutlivesTheOriginal) {
  auto original = std::make_unique<Lexicon>();
  original->load_hunspell((dir_ / "t.dic").string());
  original->add("vrijwilliger");
  const Lexicon copy(*original);
  original.reset();
  EXPECT_TRUE(copy.contains("vrijwilliger"));
  EXPECT_TRUE(copy.contains("reunie"));
  EXPECT_TRUE(copy.has_prefixed("nagaan"));
  EXPECT_EQ(copy.size(), 7U);
}

TEST(Lexicon, AMissingFileLeavesItEmpty) {
  Lexicon lexicon;
  lexicon.load_hunspell("/nonexistent/vakkaart/none.dic");
  EXPECT_EQ(lexicon.size(), 0U);
  lexicon.add("werving");
  EXPECT_TRUE(lexicon.contains("werving"));
}

TEST(Lexicon, WordsLongerThanAnArenaChunkAreKept) {
  Lexicon lexicon;
  const std::string long_word(70000, 'a');
  lexicon.add("kort");
  lexicon.add(long_word);
  lexicon.add("daarna");
  EXPECT_TRUE(lexicon.contains(long_word));
  EXPECT_TRUE(lexicon.contains("kort"));
  EXPECT_TRUE(lexicon.contains("daarna"));
}

}  // namespace
}  // namespace vakkaart::text
