#include <sqlite3.h>

#include <gtest/gtest.h>

#include "core/error.h"
#include "store/store.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::store {
namespace {

using model::Alignment;
using model::AlignmentStatus;
using model::AlignmentType;
using testing::TempDir;

Alignment alignment_of(const std::string& source, const std::string& target, double score,
                       AlignmentType type, int order) {
  Alignment a;
  a.source_ref = source;
  a.source_kind = source.rfind("BK-", 0) == 0 ? "competence" : "main_activity";
  a.source_item = source.substr(0, source.find(':'));
  a.source_item_title = "Bron " + a.source_item;
  a.source_title = "Titel van " + source;
  a.source_order = order;
  a.target_ref = target;
  a.target_kind = "main_activity";
  a.target_item = target.substr(0, target.find(':'));
  a.target_item_title = "Doel " + a.target_item;
  a.target_cluster = "Communiceren";
  a.target_title = "Titel van " + target;
  a.target_order = order;
  a.score = score;
  a.type = type;
  return a;
}

/// Three computed alignments in a fresh store.
class AlignmentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("a.db"));
    computed_ = {alignment_of("BK-1-1:1", "p:communiceren:1", 0.5, AlignmentType::close, 1),
                 alignment_of("BK-1-1:2", "q:communiceren:1", 0.25, AlignmentType::related, 2),
                 alignment_of("p:communiceren:1", "q:communiceren:1", 1, AlignmentType::exact, 3)};
    ASSERT_TRUE(replace(computed_));
  }
  bool replace(const std::vector<Alignment>& list) {
    const auto v = store_->content_version();
    return store_->replace_alignments(list, v, v + "/test");
  }
  std::vector<Alignment> list(AlignmentFilter filter = {}) {
    return store_->list_alignments(filter);
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Alignment> computed_;
};

TEST(AlignmentStore, AFreshStoreHasNeverComputedCrosswalks) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  EXPECT_EQ(store->crosswalk_version(), "");
  EXPECT_TRUE(store->list_alignments({}).empty());
}

TEST_F(AlignmentStoreTest, StoresWhatWasComputedAndTheVersionItWasComputedOn) {
  EXPECT_EQ(list(), computed_);
  EXPECT_EQ(store_->crosswalk_version(), store_->content_version() + "/test");
  for (const auto& a : list()) {
    EXPECT_EQ(a.status, AlignmentStatus::computed);
    EXPECT_TRUE(a.computed);
  }
}

TEST_F(AlignmentStoreTest, ScoresAreKeptToThreeDecimals) {
  auto a = alignment_of("BK-1-1:3", "p:x:1", 0.43561, AlignmentType::close, 4);
  ASSERT_TRUE(replace({a}));
  EXPECT_DOUBLE_EQ(store_->find_alignment("BK-1-1:3", "p:x:1")->score, 0.436);
}

TEST_F(AlignmentStoreTest, FiltersBySourceTargetTypeAndStatus) {
  EXPECT_EQ(list({{"BK-1-1"}, {}, {}, {}}).size(), 2u);         // a source item
  EXPECT_EQ(list({{"BK-1-1:2"}, {}, {}, {}}).size(), 1u);       // a source ref
  EXPECT_EQ(list({{"BK-1-1:1", "p"}, {}, {}, {}}).size(), 2u);  // either
  EXPECT_EQ(list({{}, {"q"}, {}, {}}).size(), 2u);              // a target item
  EXPECT_EQ(list({{"BK-1-1"}, {"q:communiceren:1"}, {}, {}}).size(), 1u);
  EXPECT_EQ(list({{}, {}, AlignmentType::exact, {}}).size(), 1u);
  EXPECT_EQ(list({{}, {}, {}, AlignmentStatus::confirmed}).size(), 0u);
  store_->decide_alignment("BK-1-1:1", "p:communiceren:1", AlignmentStatus::confirmed, "ann",
                           "2024-01-01T00:00:00Z");
  EXPECT_EQ(list({{}, {}, {}, AlignmentStatus::confirmed}).size(), 1u);
  EXPECT_EQ(list({{}, {}, {}, AlignmentStatus::computed}).size(), 2u);
  EXPECT_TRUE(list({{"nothing"}, {}, {}, {}}).empty());
}

TEST_F(AlignmentStoreTest, DecisionsAreKeptByTheirPairAcrossReplacements) {
  auto confirmed = store_->decide_alignment(
      "BK-1-1:1", "p:communiceren:1", AlignmentStatus::confirmed, "ann", "2024-01-01T00:00:00Z");
  EXPECT_EQ(confirmed.status, AlignmentStatus::confirmed);
  EXPECT_EQ(confirmed.decided_by, "ann");
  store_->decide_alignment("BK-1-1:2", "q:communiceren:1", AlignmentStatus::rejected, "ben",
                           "2024-01-02T00:00:00Z");

  // A new computation: the confirmed pair with a new score and title, the rejected one gone,
  // a new one.
  auto changed = computed_[0];
  changed.score = 0.6;
  changed.target_title = "Nieuwe titel";
  auto fresh = alignment_of("BK-1-1:4", "p:x:1", 0.3, AlignmentType::related, 5);
  ASSERT_TRUE(replace({changed, computed_[2], fresh}));

  auto a = store_->find_alignment("BK-1-1:1", "p:communiceren:1");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, AlignmentStatus::confirmed);
  EXPECT_EQ(a->decided_by, "ann");
  EXPECT_EQ(a->decided_at, "2024-01-01T00:00:00Z");
  EXPECT_DOUBLE_EQ(a->score, 0.6);
  EXPECT_EQ(a->target_title, "Nieuwe titel");
  EXPECT_TRUE(a->computed);

  auto r = store_->find_alignment("BK-1-1:2", "q:communiceren:1");
  ASSERT_TRUE(r) << "a rejected pair is kept, so it stays rejected when it is computed again";
  EXPECT_EQ(r->status, AlignmentStatus::rejected);
  EXPECT_FALSE(r->computed);
  EXPECT_DOUBLE_EQ(r->score, 0.25);
  EXPECT_EQ(list().size(), 4u);

  ASSERT_TRUE(replace(computed_));  // computed again: still rejected
  r = store_->find_alignment("BK-1-1:2", "q:communiceren:1");
  EXPECT_EQ(r->status, AlignmentStatus::rejected);
  EXPECT_TRUE(r->computed);
  EXPECT_FALSE(store_->find_alignment("BK-1-1:4", "p:x:1")) << "undecided ones are replaced";
}

TEST_F(AlignmentStoreTest, UndoingADecisionRemovesAPairNoLongerComputed) {
  store_->decide_alignment("BK-1-1:1", "p:communiceren:1", AlignmentStatus::confirmed, "ann", "t");
  store_->decide_alignment("BK-1-1:2", "q:communiceren:1", AlignmentStatus::rejected, "ben", "t");
  ASSERT_TRUE(replace({computed_[1]}));
  auto still = store_->undo_alignment_decision("BK-1-1:2", "q:communiceren:1");
  EXPECT_EQ(still.status, AlignmentStatus::computed);
  EXPECT_TRUE(still.computed);
  EXPECT_EQ(store_->find_alignment("BK-1-1:2", "q:communiceren:1")->decided_by, "");
  auto gone = store_->undo_alignment_decision("BK-1-1:1", "p:communiceren:1");
  EXPECT_FALSE(gone.computed);
  EXPECT_FALSE(store_->find_alignment("BK-1-1:1", "p:communiceren:1"));
}

TEST_F(AlignmentStoreTest, UnknownPairsAndNonDecisionsAreRefused) {
  try {
    store_->decide_alignment("BK-1-1:9", "p:communiceren:1", AlignmentStatus::confirmed, "", "t");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
  EXPECT_THROW(store_->undo_alignment_decision("x:1", "y:z:1"), Error);
  try {
    store_->decide_alignment("BK-1-1:1", "p:communiceren:1", AlignmentStatus::computed, "", "t");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(e.where().field, "decision");
  }
  EXPECT_EQ(list(), computed_);
}

TEST_F(AlignmentStoreTest, AReplacementOnOtherContentWritesNothing) {
  store_->decide_alignment("BK-1-1:1", "p:communiceren:1", AlignmentStatus::confirmed, "ann", "t");
  const auto before = list();
  const auto version = store_->crosswalk_version();
  EXPECT_FALSE(store_->replace_alignments({}, "some older content", "x"));
  EXPECT_EQ(list(), before);
  EXPECT_EQ(store_->crosswalk_version(), version);
}

TEST_F(AlignmentStoreTest, AFailedReplacementLeavesEverythingAsItWas) {
  store_->decide_alignment("BK-1-1:2", "q:communiceren:1", AlignmentStatus::rejected, "ben", "t");
  const auto before = list();
  const auto version = store_->crosswalk_version();
  testing::poison_inserts(dir_.file("a.db"), "alignments", "NEW.source_ref = 'poison:1'");
  auto poisoned = alignment_of("poison:1", "p:x:1", 0.9, AlignmentType::exact, 9);
  const auto v = store_->content_version();
  EXPECT_THROW(store_->replace_alignments({computed_[0], poisoned}, v, v + "/other"), Error);
  EXPECT_EQ(list(), before);
  EXPECT_EQ(store_->crosswalk_version(), version);
}

}  // namespace
}  // namespace vakkaart::store
