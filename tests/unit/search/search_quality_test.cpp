#include <gtest/gtest.h>

#include <iostream>

#include "catalog/import_service.h"
#include "search/judgements.h"
#include "search/search_service.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::search {
namespace {

/// The bundled sources in a fresh store with its index, shared by the tests of this file.
class BundledIndex : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    store_ = store::open_sqlite_store(dir_->file("q.db")).release();
    testing::import_bundled_sources(*store_);
    searcher_ = open_fresh_index(*store_, dir_->file("q.db.search")).release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete store_;
    delete dir_;
  }
  static std::vector<std::string> texts(const std::string& query, std::size_t limit = 10) {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    std::vector<std::string> out;
    for (const auto& hit : searcher_->search(request).results)
      out.push_back(hit.text);
    return out;
  }
  static testing::TempDir* dir_;
  static store::Store* store_;
  static Searcher* searcher_;
};
testing::TempDir* BundledIndex::dir_ = nullptr;
store::Store* BundledIndex::store_ = nullptr;
Searcher* BundledIndex::searcher_ = nullptr;

// A regression guard, not a measure of quality: these judgements were written while the search
// was being tuned, and the bars (recall@10 0.9, nDCG@10 0.75) were met on them (0.903 at the
// time). Falling below them means a change made search worse on queries it used to answer; an
// honest quality figure needs judgements written before tuning and never tuned on.
TEST_F(BundledIndex, RegressionGuardOnTheTuningJudgements) {
  const auto judged =
      testing::load_judgements(std::string(VAKKAART_TESTS_DIR) + "/search/judgements.tsv");
  ASSERT_GE(judged.size(), 60u);
  double recall = 0, ndcg = 0;
  for (const auto& j : judged) {
    const auto results = texts(j.query);
    const double r = testing::recall_at(j, results, 10);
    const double n = testing::ndcg_at(j, results, 10);
    recall += r;
    ndcg += n;
    if (r < 1.0)
      std::cout << "  recall " << r << " ndcg " << n << "  " << j.query << "\n";
  }
  recall /= static_cast<double>(judged.size());
  ndcg /= static_cast<double>(judged.size());
  std::cout << "recall@10 " << recall << "  nDCG@10 " << ndcg << " over " << judged.size()
            << " queries\n";
  EXPECT_GE(recall, 0.9);
  EXPECT_GE(ndcg, 0.75);
}

// An English word the statements say in Dutch finds them through its Dutch cognate, and the
// response says which word it searched for ("communication" -> "communicatie").
TEST_F(BundledIndex, EnglishCognatesFindTheirDutchWords) {
  SearchRequest request;
  request.query = "communication";
  const auto response = searcher_->search(request);
  ASSERT_FALSE(response.results.empty());
  ASSERT_TRUE(response.suggestion.has_value());
  EXPECT_EQ(*response.suggestion, "communicatie");
  EXPECT_TRUE(response.unmatched.empty());
  EXPECT_TRUE(response.foreign_words.empty());
  // The first hits say it in Dutch.
  const auto first = response.results.front().text;
  EXPECT_TRUE(first.find("ommunic") != std::string::npos) << first;
  // A word with no Dutch cognate in the statements is still reported as foreign.
  request.query = "with";
  EXPECT_FALSE(searcher_->search(request).foreign_words.empty());
}

// Filters alone list every statement they keep, in the store's order, with an exact count:
// "cluster:communiceren" is a way to browse a cluster, not an empty query.
TEST_F(BundledIndex, FiltersAloneListWhatTheyKeepInStoreOrder) {
  SearchRequest request;
  request.query = "cluster:communiceren";
  request.limit = 1000;
  const auto all = searcher_->search(request);
  ASSERT_GT(all.results.size(), 10u);
  EXPECT_EQ(all.total, all.results.size());
  EXPECT_TRUE(all.total_exact);
  EXPECT_TRUE(all.notes.empty());
  for (std::size_t i = 0; i < all.results.size(); ++i) {
    const auto& hit = all.results[i];
    ASSERT_FALSE(hit.places.empty());
    EXPECT_EQ(hit.places.front().cluster_id, "communiceren") << hit.text;
    if (i > 0) {
      EXPECT_LT(all.results[i - 1].statement_id, hit.statement_id);
    }
  }
  // An exclusion narrows the list; a page of it starts where asked.
  request.query = "cluster:communiceren -media";
  const auto narrowed = searcher_->search(request);
  EXPECT_LT(narrowed.total, all.total);
  EXPECT_GT(narrowed.total, 0u);
  for (const auto& hit : narrowed.results)
    EXPECT_EQ(hit.text.find("media"), std::string::npos) << hit.text;
  request.query = "cluster:communiceren";
  request.offset = 5;
  request.limit = 3;
  const auto page = searcher_->search(request);
  ASSERT_EQ(page.results.size(), 3u);
  EXPECT_EQ(page.results[0].statement_id, all.results[5].statement_id);
  // Exclusions alone are still nothing to look for.
  request = {};
  request.query = "-media";
  EXPECT_TRUE(searcher_->search(request).results.empty());
}

}  // namespace
}  // namespace vakkaart::search
