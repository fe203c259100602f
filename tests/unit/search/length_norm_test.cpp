// BM25's length normalisation is written into the index (search/length_norm.h): rankings keep
// preferring the statement that says a word in fewer words, and the early stop it allows does
// not turn small result counts into estimates.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "search/index_writer.h"
#include "search/indexed_statement.h"
#include "search/length_norm.h"
#include "search/searcher.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::search {
namespace {

IndexedStatement statement(std::int64_t id, std::string text) {
  IndexedStatement s;
  s.id = id;
  s.text = std::move(text);
  s.filter_terms = {facet_term("kind", "activity")};
  s.places.push_back({"profile", "p", "P", "P", "activity", "c", 0, 0});
  return s;
}

TEST(LengthNorm, ShorterStatementsWeighMoreAndWdfsStayPositive) {
  // A statement of the nominal length has factor kWdfScale; twice as long, 2/3 of it.
  EXPECT_DOUBLE_EQ(wdf_factor(kNominalLength), kWdfScale);
  EXPECT_NEAR(wdf_factor(2 * kNominalLength), kWdfScale / 1.5, 1e-9);
  // Very short statements are capped by BM25's minimum normalised length.
  EXPECT_DOUBLE_EQ(wdf_factor(1), wdf_factor(kNominalLength * kBm25MinNormLen));
  // However long a statement is, each of its terms keeps a posting.
  EXPECT_EQ(scaled_wdf(1, wdf_factor(1e9)), 1u);
}

TEST(LengthNorm, ShortStatementRanksFirstAndCountsAreExact) {
  testing::TempDir dir;
  auto analyzer = analyzer_for_corpus({});
  constexpr int kCount = 150;
  {
    IndexWriter writer(dir.file("index"), analyzer, 1);
    // Long statements first: with docid order as the tie-breaker, only the weights can put the
    // short one first.
    std::string padding;
    for (int w = 0; w < 30; ++w)
      padding += " bestuur" + std::to_string(w);
    for (int i = 1; i < kCount; ++i)
      writer.add(statement(i, "Organiseert vergadering" + padding));
    writer.add(statement(kCount, "Organiseert vergadering"));
    for (int i = kCount + 1; i <= 2 * kCount; ++i)
      writer.add(statement(i, "Schrijft verslag" + padding));
    writer.finish("v1");
  }
  Searcher searcher(dir.file("index"), analyzer);
  SearchRequest request;
  request.query = "vergadering";
  request.limit = 10;
  const auto response = searcher.search(request);
  ASSERT_EQ(response.results.size(), 10u);
  EXPECT_EQ(response.results.front().statement_id, std::int64_t{kCount});
  EXPECT_EQ(response.total, static_cast<std::size_t>(kCount));
  EXPECT_TRUE(response.total_exact);
}

}  // namespace
}  // namespace vakkaart::search
