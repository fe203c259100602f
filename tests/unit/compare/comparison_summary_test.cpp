#include "compare/comparison_summary.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "store/store.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compare {
namespace {

using testing::sample_framework;
using testing::sample_qualification;
using testing::TempDir;

const std::string kOwn = "de-eigen-deskundigheid-opbouwen";
const std::string kRelations = "orienteren-en-relaties";
const std::string kBk = "BK-9999-1";

model::Alignment competence_to(int number, const std::string& profile, const std::string& cluster,
                               double score, model::AlignmentType type,
                               model::AlignmentStatus status = model::AlignmentStatus::computed) {
  model::Alignment a;
  a.source_ref = kBk + ":" + std::to_string(number);
  a.source_kind = "competence";
  a.source_item = kBk;
  a.target_ref = profile + ":" + cluster + ":1";
  a.target_kind = "main_activity";
  a.target_item = profile;
  a.score = score;
  a.type = type;
  a.status = status;
  return a;
}

/// Both sample profiles and the sample qualification, compared.
class SummaryOfSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("s.db"));
    store_->put_documents({sample_framework(), sample_qualification()});
    items_ = load_items(*store_, {"werker-a", "werker-b", kBk});
    comparison_ = compare_items(items_);
  }
  std::size_t group(const std::string& id) const {
    for (std::size_t g = 0; g < comparison_.groups.size(); ++g) {
      if (comparison_.groups[g].id == id)
        return g;
    }
    ADD_FAILURE() << "no group " << id;
    return 0;
  }
  /// A similarity over the items in another order, with the given shared vocabulary.
  Similarity similarity_of(double a_b, double a_q, double b_q) const {
    Similarity s;
    s.items = {items_[2].info, items_[0].info, items_[1].info};  // q, a, b
    Measure terms;
    terms.id = "terms";
    terms.values = {{1, a_q, b_q}, {a_q, 1, a_b}, {b_q, a_b, 1}};
    s.measures.push_back(terms);
    return s;
  }
  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::vector<Item> items_;
  Comparison comparison_;
};

TEST_F(SummaryOfSamples, CompetencesGoIntoTheRowsOfTheirAlignedClusters) {
  using model::AlignmentType;
  const std::vector<model::Alignment> alignments = {
      competence_to(2, "werker-a", kRelations, 0.5, AlignmentType::close),
      competence_to(2, "werker-b", kOwn, 0.25, AlignmentType::related,
                    model::AlignmentStatus::rejected),
      competence_to(1, "werker-b", kOwn, 0.3, AlignmentType::related),
      competence_to(1, "werker-a", kOwn, 0.8, AlignmentType::exact),
      competence_to(1, "werker-elders", kOwn, 0.9, AlignmentType::exact),  // not compared
  };
  const auto placement = place_competences(items_, comparison_, alignments);
  const auto& own = placement.placed[group(kOwn)];
  EXPECT_TRUE(own[0].empty());
  EXPECT_TRUE(own[1].empty());
  ASSERT_EQ(own[2].size(), 2u);
  // Competence 1, aligned with both profiles' main activity of the cluster: best first.
  EXPECT_EQ(own[2][0].ref, kBk + ":1");
  EXPECT_EQ(own[2][0].number, 1);
  ASSERT_EQ(own[2][0].alignments.size(), 2u);
  EXPECT_EQ(own[2][0].alignments[0].target_item, "werker-a");
  EXPECT_EQ(own[2][0].alignments[1].target_item, "werker-b");
  EXPECT_TRUE(own[2][0].holds);
  EXPECT_EQ(own[2][0].best, AlignmentType::exact);
  // Its title, then its activities, marked as the comparison marks them.
  ASSERT_EQ(own[2][0].statements.size(), 3u);
  EXPECT_EQ(own[2][0].statements[0].text, "Werkt doelgroepgericht");
  EXPECT_EQ(own[2][0].statements[0].kind, "competence");
  EXPECT_EQ(own[2][0].statements[1].text, "Stelt zich empathisch op");
  EXPECT_EQ(own[2][0].statements[1].share, Share::unique);
  // Competence 2 only by a rejected alignment here: kept (to take it back), not holding.
  EXPECT_EQ(own[2][1].number, 2);
  EXPECT_FALSE(own[2][1].holds);

  const auto& relations = placement.placed[group(kRelations)];
  ASSERT_EQ(relations[2].size(), 1u);
  EXPECT_EQ(relations[2][0].number, 2);
  EXPECT_EQ(relations[2][0].best, AlignmentType::close);
  // No section or definition row gets competences.
  EXPECT_TRUE(placement.placed[group("definition")][2].empty());
  EXPECT_TRUE(placement.placed[group("competences")][2].empty());
  // Both hold somewhere, so none is left for the competences section.
  EXPECT_TRUE(placement.unplaced[2].empty());
  EXPECT_TRUE(placement.unplaced[0].empty());
}

TEST_F(SummaryOfSamples, CompetencesWithoutAHoldingAlignmentAreLeftOver) {
  const auto placement =
      place_competences(items_, comparison_,
                        {competence_to(2, "werker-b", kOwn, 0.25, model::AlignmentType::related,
                                       model::AlignmentStatus::rejected)});
  ASSERT_EQ(placement.unplaced[2].size(), 2u);
  EXPECT_EQ(placement.unplaced[2][0].number, 1);
  EXPECT_EQ(placement.unplaced[2][1].number, 2);
  EXPECT_EQ(placement.unplaced[2][1].statements.front().text, "Communiceert professioneel");
  EXPECT_TRUE(placement.unplaced[2][1].alignments.empty());
  ASSERT_EQ(placement.placed[group(kOwn)][2].size(), 1u);
  EXPECT_FALSE(placement.placed[group(kOwn)][2][0].holds);
}

TEST_F(SummaryOfSamples, PairsCountSharedStatementsAndTakeTheHeatMapsVocabulary) {
  using model::AlignmentType;
  const auto placement =
      place_competences(items_, comparison_,
                        {competence_to(1, "werker-a", kOwn, 0.8, AlignmentType::exact),
                         competence_to(1, "werker-b", kRelations, 0.3, AlignmentType::related),
                         competence_to(2, "werker-a", kRelations, 0.45, AlignmentType::close)});
  const auto s = summarize(items_, comparison_, similarity_of(0.8, 0.3, 0.1), placement);
  ASSERT_EQ(s.pairs.size(), 3u);
  // werker-a has 6 distinct statements, werker-b 2; they share the reflection.
  EXPECT_EQ(s.pairs[0].a, 0u);
  EXPECT_EQ(s.pairs[0].b, 1u);
  EXPECT_EQ(s.pairs[0].shared, 1);
  EXPECT_EQ(s.pairs[0].together, 7);
  EXPECT_DOUBLE_EQ(s.pairs[0].statements, 1.0 / 7);
  EXPECT_DOUBLE_EQ(s.pairs[0].terms, 0.8);
  EXPECT_DOUBLE_EQ(s.pairs[1].terms, 0.3);  // werker-a, qualification
  EXPECT_DOUBLE_EQ(s.pairs[2].terms, 0.1);  // werker-b, qualification
  EXPECT_EQ(s.pairs[2].shared, 0);
  EXPECT_DOUBLE_EQ(s.terms[1][0], 0.8);
  EXPECT_DOUBLE_EQ(s.terms[2][2], 1.0);

  ASSERT_EQ(s.group_counts.size(), comparison_.groups.size());
  EXPECT_EQ(s.group_counts[group(kOwn)].some, 1);
  EXPECT_EQ(s.group_counts[group(kOwn)].unique, 0);
  EXPECT_EQ(s.most_shared, std::vector<std::size_t>{group(kOwn)});

  ASSERT_EQ(s.qualifications.size(), 1u);
  EXPECT_EQ(s.qualifications[0].item, 2u);
  EXPECT_EQ(s.qualifications[0].competences, 2);
  EXPECT_EQ(s.qualifications[0].placed, 2);
  EXPECT_EQ(s.qualifications[0].exact, 1);  // competence 1: its best is exact
  EXPECT_EQ(s.qualifications[0].close, 1);
  EXPECT_EQ(s.qualifications[0].related, 0);
}

TEST_F(SummaryOfSamples, AnItemMissingFromTheSimilarityIsAnInternalError) {
  Similarity s = similarity_of(0.5, 0.5, 0.5);
  s.items.pop_back();
  try {
    summarize(items_, comparison_, s, place_competences(items_, comparison_, {}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
  }
}

TEST(ComparisonSummary, LikenessWordsStartAtTheirThresholds) {
  EXPECT_EQ(likeness_of(1.0), Likeness::strong);
  EXPECT_EQ(likeness_of(kLikenessStrong), Likeness::strong);
  EXPECT_EQ(likeness_of(0.7499), Likeness::strong);  // shown as 0,75
  EXPECT_EQ(likeness_of(0.74), Likeness::clear);
  EXPECT_EQ(likeness_of(kLikenessClear), Likeness::clear);
  EXPECT_EQ(likeness_of(0.3), Likeness::some);
  EXPECT_EQ(likeness_of(0.1), Likeness::little);
  EXPECT_STREQ(to_string(Likeness::some), "some");
}

}  // namespace
}  // namespace vakkaart::compare
