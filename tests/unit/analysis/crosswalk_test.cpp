#include "analysis/crosswalk.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "analysis/cluster_decisions.h"
#include "core/error.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::analysis {
namespace {

using model::Alignment;
using model::AlignmentStatus;
using model::AlignmentType;
using testing::TempDir;

/// The bundled sources with their crosswalks computed once for the suite; every test works on
/// its own copy of that database.
class CrosswalkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    template_dir_ = new TempDir();
    if (testing::testing_on_pg())
      return;  // a database server has no file to copy: each test imports (SetUp)
    auto store = testing::open_test_store(template_dir_->file("template.db"));
    testing::import_bundled_sources(*store);
    recompute_crosswalks(*store);
  }
  static void TearDownTestSuite() {
    delete template_dir_;
    template_dir_ = nullptr;
  }
  void SetUp() override {
    path_ = dir_.file("c.db");
    if (testing::testing_on_pg()) {
      store_ = testing::open_test_store(path_);
      testing::import_bundled_sources(*store_);
      recompute_crosswalks(*store_);
      return;
    }
    std::filesystem::copy_file(template_dir_->file("template.db"), path_);
    store_ = testing::open_test_store(path_);
  }

  std::vector<Alignment> all() { return store_->list_alignments({}); }
  std::optional<Alignment> find(const std::string& source, const std::string& target) {
    return store_->find_alignment(source, target);
  }
  /// The cluster of the learning professional's ring (the core every profile shares).
  std::string core_cluster() {
    auto f = store_->find_framework("sociare-2016");
    for (const auto& c : f->clusters)
      if (c.layer_id == "lerende-professional")
        return c.id;
    return "";
  }
  /// Makes the next writes of alignments for `like` fail inside their transaction.
  void poison(const std::string& like) {
    testing::poison_inserts(path_, "alignments", "NEW.source_ref LIKE '" + like + "'");
  }

  static TempDir* template_dir_;
  TempDir dir_;
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

TempDir* CrosswalkTest::template_dir_ = nullptr;

// Regression guards, not measures of quality: CrosswalkSettings and crosswalk_match_settings
// were calibrated (see crosswalk.cpp) by reading the output for these same bundled sources, so
// these tests say the alignments the thresholds were chosen on still come out, not that the
// crosswalk is right for other sources.
using CrosswalkCalibrationRegressionGuard = CrosswalkTest;

TEST_F(CrosswalkCalibrationRegressionGuard,
       TheBkHasCompetencesAlignedToBelangenbehartigerAndCampagnewerker) {
  auto bk = list_crosswalks(*store_, {{"BK-0338"}, {}, {}, {}});  // the code: its current version
  ASSERT_FALSE(bk.empty());
  std::set<std::string> profiles;
  std::map<std::pair<std::string, std::string>, int> per_profile;
  for (const auto& a : bk) {
    EXPECT_EQ(a.source_item, "BK-0338-3");
    EXPECT_EQ(a.source_kind, "competence");
    EXPECT_EQ(a.target_kind, "main_activity");
    EXPECT_GE(a.score, CrosswalkSettings{}.related) << a.source_ref << " " << a.target_ref;
    EXPECT_LE(a.score, 1.0);
    profiles.insert(a.target_item);
    ++per_profile[{a.source_ref, a.target_item}];
  }
  EXPECT_TRUE(profiles.count("belangenbehartiger")) << "no competence aligned to it";
  EXPECT_TRUE(profiles.count("campagnewerker")) << "no competence aligned to it";
  for (const auto& [key, n] : per_profile)
    EXPECT_LE(n, CrosswalkSettings{}.per_profile) << key.first << " → " << key.second;
  // What a reader checks first: "Volgt professionele informatie en reglementering op" (its
  // contacts with experts and shared knowledge are nearly the profiles' own words) belongs with
  // the campagnewerker's and belangenbehartiger's "De eigen deskundigheid opbouwen".
  const std::string core = core_cluster();
  for (const std::string profile : {"campagnewerker", "belangenbehartiger"}) {
    auto a = find("BK-0338-3:15", profile + ":" + core + ":1");
    ASSERT_TRUE(a) << profile;
    EXPECT_EQ(a->source_title, "Volgt professionele informatie en reglementering op");
    EXPECT_EQ(a->target_item_title.empty(), false);
  }
}

TEST_F(CrosswalkCalibrationRegressionGuard, TheLearningProfessionalCoreAlignsExactAcrossProfiles) {
  const std::string core = core_cluster();
  ASSERT_FALSE(core.empty());
  auto profiles = store_->list_profiles();
  ASSERT_EQ(profiles.size(), 5u);
  for (const auto& p : profiles)
    for (const auto& q : profiles) {
      if (p.id == q.id)
        continue;
      auto a = find(p.id + ":" + core + ":1", q.id + ":" + core + ":1");
      ASSERT_TRUE(a) << p.id << " → " << q.id;
      EXPECT_EQ(a->type, AlignmentType::exact) << p.id << " → " << q.id;
    }
  // The very same statements score 1 (the campagnewerker and the belangenbehartiger share
  // their core word for word).
  auto same = find("campagnewerker:" + core + ":1", "belangenbehartiger:" + core + ":1");
  ASSERT_TRUE(same);
  EXPECT_DOUBLE_EQ(same->score, 1.0);
}

TEST_F(CrosswalkTest, AProfileIsNeverAlignedWithItself) {
  const auto alignments = all();
  ASSERT_FALSE(alignments.empty());
  std::size_t between_profiles = 0;
  for (const auto& a : alignments) {
    EXPECT_NE(a.source_ref, a.target_ref);
    if (a.source_kind == "main_activity") {
      ++between_profiles;
      EXPECT_NE(a.source_item, a.target_item) << a.source_ref << " → " << a.target_ref;
    }
  }
  EXPECT_GT(between_profiles, 0U);
}

TEST_F(CrosswalkTest, StoredAlignmentsBelongToTheCurrentContent) {
  EXPECT_FALSE(crosswalks_stale(*store_));
  EXPECT_FALSE(ensure_crosswalks(*store_));
  // Importing changed content makes them stale; readers recompute before they read.
  auto q = store_->find_qualification("BK-0338-3");
  q->competences[14].title = "Volgt professionele informatie op";
  store_->put_documents({*q});
  EXPECT_TRUE(crosswalks_stale(*store_));
  auto list = current_crosswalks(*store_, [this] { return testing::open_test_store(path_); },
                                 {{"BK-0338-3:15"}, {}, {}, {}});
  EXPECT_FALSE(crosswalks_stale(*store_));
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list.front().source_title, "Volgt professionele informatie op");
}

TEST_F(CrosswalkTest, ADecisionSurvivesRecomputation) {
  auto list = all();
  ASSERT_GE(list.size(), 2u);
  const auto first = list[0], second = list[1];
  auto confirmed = decide_crosswalk(*store_, first.source_ref, first.target_ref,
                                    AlignmentStatus::confirmed, "alice");
  EXPECT_EQ(confirmed.status, AlignmentStatus::confirmed);
  EXPECT_EQ(confirmed.decided_by, "alice");
  EXPECT_FALSE(confirmed.decided_at.empty());
  decide_crosswalk(*store_, second.source_ref, second.target_ref, AlignmentStatus::rejected, "bob");

  auto run = recompute_crosswalks(*store_);
  EXPECT_EQ(run.alignments, list.size());
  auto a = find(first.source_ref, first.target_ref);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, AlignmentStatus::confirmed);
  EXPECT_EQ(a->decided_by, "alice");
  EXPECT_EQ(a->decided_at, confirmed.decided_at);
  auto b = find(second.source_ref, second.target_ref);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, AlignmentStatus::rejected) << "a rejected alignment stays rejected";
  EXPECT_EQ(b->decided_by, "bob");
  EXPECT_EQ(all().size(), list.size());

  // Taking the decision back makes it a computed one again.
  auto undone =
      decide_crosswalk(*store_, first.source_ref, first.target_ref, AlignmentStatus::computed, "");
  EXPECT_EQ(undone.status, AlignmentStatus::computed);
  EXPECT_TRUE(undone.decided_by.empty());
  EXPECT_EQ(find(first.source_ref, first.target_ref)->status, AlignmentStatus::computed);
}

TEST_F(CrosswalkTest, AConfirmedPairNoLongerComputedStaysWithItsLastScore) {
  auto list = all();
  const auto kept = list.front();
  decide_crosswalk(*store_, kept.source_ref, kept.target_ref, AlignmentStatus::confirmed, "alice");
  // A computation that no longer finds the pair (as after a source changed).
  std::vector<Alignment> without(list.begin() + 1, list.end());
  const auto version = store_->content_version();
  ASSERT_TRUE(store_->replace_alignments(without, version, crosswalk_version_for(version)));
  auto a = find(kept.source_ref, kept.target_ref);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, AlignmentStatus::confirmed);
  EXPECT_FALSE(a->computed);
  EXPECT_DOUBLE_EQ(a->score, kept.score);
  EXPECT_EQ(a->target_title, kept.target_title);
  // Undoing the decision on a pair nobody computes any more removes it.
  auto undone =
      decide_crosswalk(*store_, kept.source_ref, kept.target_ref, AlignmentStatus::computed, "");
  EXPECT_FALSE(undone.computed);
  EXPECT_FALSE(find(kept.source_ref, kept.target_ref));
}

TEST_F(CrosswalkTest, RecomputationIsAllOrNothing) {
  auto list = all();
  const auto decided = list.back();
  decide_crosswalk(*store_, decided.source_ref, decided.target_ref, AlignmentStatus::rejected,
                   "carol");
  const auto before = all();
  const auto version_before = store_->crosswalk_version();
  // The qualification's alignments are written after every profile's: failing there fails
  // the write halfway, and nothing of it may remain.
  poison("BK-0338-3:%");
  EXPECT_THROW(recompute_crosswalks(*store_), Error);
  EXPECT_EQ(all(), before);
  EXPECT_EQ(store_->crosswalk_version(), version_before);
}

TEST_F(CrosswalkTest, AComputationOnOlderContentIsNotStored) {
  const auto before = all();
  EXPECT_FALSE(store_->replace_alignments({}, "not-the-content-version", "x"));
  EXPECT_EQ(all(), before);
  EXPECT_FALSE(crosswalks_stale(*store_));
}

TEST_F(CrosswalkTest, MalformedRefsAndUnknownPairsAreErrorsNamingTheField) {
  try {
    decide_crosswalk(*store_, "BK-0338-3", "campagnewerker:communiceren:1",
                     AlignmentStatus::confirmed, "");
    FAIL() << "a ref without a position was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(e.where().field, "source");
  }
  try {
    decide_crosswalk(*store_, "BK-0338-3:1", "nobody:nothing:1", AlignmentStatus::rejected, "");
    FAIL() << "an unknown pair was decided";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

TEST_F(CrosswalkTest, SettingsDecideTheType) {
  // The same computation with every threshold at zero: more pairs, each typed by its score.
  Matcher matcher(StructureIndex::build(*store_), crosswalk_match_settings());
  CrosswalkSettings loose;
  loose.related = 0.05;
  auto many = compute_alignments(matcher, loose);
  auto usual = compute_alignments(matcher);
  EXPECT_GT(many.size(), usual.size());
  std::size_t close = 0, related = 0;
  for (const auto& a : usual) {
    if (a.type == AlignmentType::close) {
      ++close;
      EXPECT_GE(a.score, CrosswalkSettings{}.close);
      EXPECT_LT(a.score, CrosswalkSettings{}.exact);
    }
    if (a.type == AlignmentType::related) {
      ++related;
      EXPECT_LT(a.score, CrosswalkSettings{}.close);
    }
  }
  // Both types occur, so the checks above were made.
  EXPECT_GT(close, 0U);
  EXPECT_GT(related, 0U);
}

// Cluster first, the person's word before the computation's (issue 16): a cluster holding a
// confirmed main activity of a competence leads its list, a cluster whose every alignment of
// the competence was rejected leaves it, and neither touches any other competence.
TEST_F(CrosswalkTest, CuratorsDecisionsMoveClustersForThatCompetenceOnly) {
  const auto ranking = ClusterRanking::build(*store_);
  const auto& index = *ranking->index;
  auto of = [&](const std::string& source) {
    return store_->list_alignments({{source}, {}, {}, {}});
  };
  auto cluster_of = [&](const std::string& ref) -> std::int64_t {
    for (const auto& g : index.groups())
      if (g.ref == ref)
        return g.cluster;
    return -1;
  };
  auto ranked = [&](const std::string& ref) {
    const auto* computed = ranking->find(ref);
    EXPECT_NE(computed, nullptr) << ref;
    return apply_cluster_decisions(index, *computed, of("BK-0338-3"));
  };
  auto first_clusters = [&](const std::string& ref) {
    std::vector<std::uint32_t> out;
    for (const auto& s : ranked(ref).clusters)
      out.push_back(s.cluster);
    return out;
  };

  // A competence with a computed alignment outside its best cluster.
  std::string ref;
  Alignment other;
  for (const auto& a : of("BK-0338-3")) {
    const auto* computed = ranking->find(a.source_ref);
    if (computed == nullptr || computed->clusters.empty() || !ref.empty())
      continue;
    const auto best = static_cast<std::int64_t>(computed->clusters[0].cluster);
    if (cluster_of(a.target_ref) >= 0 && cluster_of(a.target_ref) != best) {
      ref = a.source_ref;
      other = a;
    }
  }
  ASSERT_FALSE(ref.empty()) << "no competence has an alignment outside its best cluster";
  const std::string neighbour = ref == "BK-0338-3:1" ? "BK-0338-3:2" : "BK-0338-3:1";
  const auto before = first_clusters(ref);
  const auto neighbour_before = first_clusters(neighbour);
  ASSERT_GT(before.size(), 1u);
  EXPECT_LE(before.size(), static_cast<std::size_t>(ClusterRankSettings{}.keep));

  decide_crosswalk(*store_, ref, other.target_ref, AlignmentStatus::confirmed, "curator");
  const auto confirmed = ranked(ref);
  ASSERT_FALSE(confirmed.clusters.empty());
  EXPECT_EQ(confirmed.clusters[0].cluster,
            static_cast<std::uint32_t>(cluster_of(other.target_ref)));
  EXPECT_TRUE(confirmed.clusters[0].confirmed);
  for (std::size_t k = 1; k < confirmed.clusters.size(); ++k)
    EXPECT_FALSE(confirmed.clusters[k].confirmed);
  EXPECT_EQ(first_clusters(neighbour), neighbour_before) << "the decision leaked";

  // Listings put a confirmed pair first among its source's alignments, rejected ones last.
  const auto some = of("BK-0338-3").back();
  decide_crosswalk(*store_, some.source_ref, some.target_ref, AlignmentStatus::rejected, "curator");
  std::map<std::string, int> last_rank;
  for (const auto& a : of("BK-0338-3")) {
    const int rank = a.status == AlignmentStatus::confirmed  ? 0
                     : a.status == AlignmentStatus::computed ? 1
                                                             : 2;
    EXPECT_GE(rank, last_rank[a.source_ref]) << a.source_ref << " -> " << a.target_ref;
    last_rank[a.source_ref] = rank;
  }
  EXPECT_EQ(of(ref).front().target_ref, other.target_ref);

  // A cluster whose every alignment of the competence was rejected goes, and the next one moves
  // up; one undecided alignment among the rejected keeps it. (The bundled crosswalk has few
  // alignments into the clusters ranked first, so these pairs are written here.)
  const auto best = before[0];
  std::vector<std::string> into_best;
  for (const auto& g : index.groups())
    if (g.cluster == static_cast<std::int32_t>(best))
      into_best.push_back(g.ref);
  ASSERT_GE(into_best.size(), 2u);
  const auto* computed = ranking->find(ref);
  Alignment rejected;
  rejected.source_ref = ref;
  rejected.target_ref = into_best[0];
  rejected.status = AlignmentStatus::rejected;
  auto after = apply_cluster_decisions(index, *computed, {rejected});
  ASSERT_FALSE(after.clusters.empty());
  EXPECT_EQ(after.clusters[0].cluster, before[1]);
  for (const auto& c : after.clusters)
    EXPECT_NE(c.cluster, best);
  Alignment undecided = rejected;
  undecided.target_ref = into_best[1];
  undecided.status = AlignmentStatus::computed;
  EXPECT_EQ(apply_cluster_decisions(index, *computed, {rejected, undecided}).clusters[0].cluster,
            best);
  // Another competence's rejection of the same pair changes nothing here.
  rejected.source_ref = neighbour;
  EXPECT_EQ(apply_cluster_decisions(index, *computed, {rejected}).clusters[0].cluster, best);
}

TEST_F(CrosswalkTest, MainActivitiesLieWithinTheirClusterAndFollowDecisions) {
  const auto ranking = ClusterRanking::build(*store_);
  const auto& index = *ranking->index;
  const std::string ref = "BK-0338-3:1";
  const auto* computed = ranking->find(ref);
  ASSERT_NE(computed, nullptr);
  ASSERT_FALSE(computed->clusters.empty());
  bool any = false;
  for (const auto& c : computed->clusters) {
    EXPECT_LE(c.main_activities.size(),
              static_cast<std::size_t>(ClusterRankSettings{}.main_activities));
    double last = 2;
    for (const auto& m : c.main_activities) {
      any = true;
      ASSERT_FALSE(m.groups.empty());
      EXPECT_FALSE(m.confirmed) << "the computation never confirms";
      EXPECT_LE(m.score, last) << "best first";
      last = m.score;
      for (auto g : m.groups)
        EXPECT_EQ(index.groups()[g].cluster, static_cast<std::int32_t>(c.cluster))
            << index.groups()[g].ref << " is not in the suggested cluster";
    }
  }
  ASSERT_TRUE(any) << "no main activity suggested for " << ref;

  // A confirmed main activity, ranked last or not at all, comes first in its cluster; a rejected
  // one is gone; the same decisions on another competence change nothing here.
  const auto& best = computed->clusters[0];
  std::string last_ref;
  for (const auto& g : index.groups())
    if (g.cluster == static_cast<std::int32_t>(best.cluster))
      last_ref = g.ref;
  ASSERT_FALSE(best.main_activities.empty());
  const std::string first_ref = index.groups()[best.main_activities[0].groups[0]].ref;
  Alignment confirmed;
  confirmed.source_ref = ref;
  confirmed.target_ref = last_ref;
  confirmed.status = AlignmentStatus::confirmed;
  Alignment rejected = confirmed;
  rejected.target_ref = first_ref;
  rejected.status = AlignmentStatus::rejected;
  ASSERT_NE(first_ref, last_ref) << "the cluster's last main activity is already ranked first";
  {
    const auto decided = apply_cluster_decisions(index, *computed, {confirmed, rejected});
    ASSERT_FALSE(decided.clusters.empty());
    const auto& top = decided.clusters[0];
    EXPECT_EQ(top.cluster, best.cluster);
    ASSERT_FALSE(top.main_activities.empty());
    EXPECT_TRUE(top.main_activities[0].confirmed);
    const auto& first_groups = top.main_activities[0].groups;
    EXPECT_TRUE(std::any_of(first_groups.begin(), first_groups.end(),
                            [&](auto g) { return index.groups()[g].ref == last_ref; }));
    for (const auto& m : top.main_activities)
      for (auto g : m.groups)
        EXPECT_NE(index.groups()[g].ref, first_ref) << "a rejected main activity stayed";
  }
  confirmed.source_ref = rejected.source_ref = "BK-0338-3:2";
  const auto other = apply_cluster_decisions(index, *computed, {confirmed, rejected});
  ASSERT_FALSE(other.clusters.empty());
  ASSERT_FALSE(other.clusters[0].main_activities.empty());
  EXPECT_EQ(index.groups()[other.clusters[0].main_activities[0].groups[0]].ref, first_ref)
      << "the decision leaked";
}

}  // namespace
}  // namespace vakkaart::analysis
