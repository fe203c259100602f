// The search index never fails on what a source may contain: over-long ids and words, and
// folders a killed rebuild left behind.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "search/index_writer.h"
#include "search/indexed_statement.h"
#include "search/searcher.h"
#include "text/analyzer.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::search {
namespace {

TEST(IndexRobustness, LongFacetValuesGiveShortDistinctStableTerms) {
  const std::string long_a(300, 'a');
  const std::string long_b = long_a + "b";
  const std::string term = facet_term("cluster", long_a);
  EXPECT_LE(term.size(), 2 + kMaxFacetValueBytes);
  EXPECT_EQ(term, facet_term("cluster", long_a));
  EXPECT_NE(term, facet_term("cluster", long_b));
  EXPECT_EQ(term.substr(0, 10), "XC" + std::string(8, 'a'));
  // Short values keep their plain term (indexes of the same format stay valid).
  EXPECT_EQ(facet_term("profile", "Gemeenschapswerker"), "XPgemeenschapswerker");
  // A cut never splits a character: "é" is two bytes.
  std::string accents;
  for (int i = 0; i < 200; ++i)
    accents += "\xc3\xa9";
  const std::string accent_term = facet_term("cluster", accents);
  EXPECT_LE(accent_term.size(), 2 + kMaxFacetValueBytes);
  EXPECT_EQ(accent_term.find("#"), accent_term.size() - 17);
}

TEST(IndexRobustness, LongWordIsCutNotSplit) {
  // A 100 KB "word" used to take 43 s (decompounding tries every head length); now its forms
  // are cut and it is not decompounded, while a real compound still splits.
  const std::string word(100000, 'x');
  const auto analyzer = text::Analyzer::standard();
  const auto words = analyzer->analyze(word + " vrijwilligersbeleid");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].forms.at(0), std::string(text::kMaxFormBytes, 'x'));
  EXPECT_EQ(words[0].begin, 0u);
  EXPECT_EQ(words[0].end, word.size());
  EXPECT_TRUE(words[0].part_stems.empty());
  EXPECT_FALSE(words[1].part_stems.empty());
  EXPECT_TRUE(text::decompound(std::string(65, 'a'), text::Lexicon::dutch()).empty());
  const auto tokens = text::tokenize("sociaal-" + std::string(300, 'c'));
  for (const auto& form : tokens.at(0).forms)
    EXPECT_LE(form.size(), text::kMaxFormBytes);
}

TEST(IndexRobustness, IndexHoldsLongIdsAndWords) {
  testing::TempDir dir;
  const std::string long_id = "c" + std::string(300, 'd');
  auto analyzer = analyzer_for_corpus({});
  {
    IndexWriter writer(dir.file("index"), analyzer, 1);
    IndexedStatement statement;
    statement.id = 1;
    statement.text = "Bouwt netwerken " + std::string(5000, 'w') + " uit";
    statement.context = {"Titel " + std::string(300, 't')};
    statement.filter_terms = {facet_term("cluster", long_id), facet_term("kind", "activity")};
    statement.places.push_back({"profile", "p", "P", "P", "activity", long_id, 0, 0});
    writer.add(statement);
    writer.finish("v1");
  }
  Searcher searcher(dir.file("index"), analyzer);
  SearchRequest request;
  request.query = "netwerken";
  request.filters = {{"cluster", long_id}};
  EXPECT_EQ(searcher.search(request).results.size(), 1u);
  request.query = std::string(5000, 'w');
  request.filters.clear();
  EXPECT_EQ(searcher.search(request).results.size(), 1u);
  request.query = "netwerken";
  request.filters = {{"cluster", long_id + "x"}};
  EXPECT_TRUE(searcher.search(request).results.empty());
}

TEST(IndexRobustness, FoldersOfDeadProcessesAreRemoved) {
  testing::TempDir dir;
  const std::string index = dir.file("db.search");
  // A pid that is certainly gone: a child that has exited and been reaped.
  const pid_t child = fork();
  if (child == 0)
    _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  const std::string dead = index + ".new-" + std::to_string(child);
  const std::string dead_old = index + ".old-" + std::to_string(child);
  const std::string alive = index + ".new-" + std::to_string(getppid());  // our parent
  const std::string other = index + ".new-abc";
  for (const auto& d : {dead, dead_old, alive, other})
    std::filesystem::create_directories(d + "/shard0");
  remove_abandoned_index_dirs(index);
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_FALSE(std::filesystem::exists(dead_old));
  EXPECT_TRUE(std::filesystem::exists(alive));
  EXPECT_TRUE(std::filesystem::exists(other));
}

}  // namespace
}  // namespace vakkaart::search
