#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "core/error.h"
#include "store/store.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::store {
namespace {

using testing::sample_framework;
using testing::sample_qualification;
using testing::TempDir;

TEST(Store, RoundTripsAFrameworkExactly) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto f = sample_framework();
  auto results = store->put_documents({f});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, PutOutcome::created);
  auto back = store->find_framework("demo-2020");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, f);
  auto profile = store->find_profile("werker-b");
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->profile, f.profiles[1]);
  EXPECT_TRUE(profile->framework.profiles.empty());
  EXPECT_EQ(profile->framework.clusters, f.clusters);
}

TEST(Store, RoundTripsLabelsInOtherLanguagesExactly) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto f = testing::labelled_framework();
  store->put_documents({f});
  auto back = store->find_framework("demo-2020");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, f);
  EXPECT_EQ(back->profiles[0].clusters[1].main_activities[0].activities[0].children[0].labels,
            (model::Labels{{"fr", "Se met à la place du groupe cible"}}));
  auto profile = store->find_profile("werker-a");
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->profile, f.profiles[0]);
  EXPECT_EQ(profile->framework.clusters, f.clusters);
  EXPECT_EQ(profile->framework.title_labels, f.title_labels);
  EXPECT_EQ(store->put_documents({f})[0].outcome, PutOutcome::unchanged);
  // A label is part of the framework: changing only a label is a new version, dropping all
  // of them leaves none behind.
  f.layers[0].labels["en"] = "The learning practitioner";
  EXPECT_EQ(store->put_documents({f})[0].outcome, PutOutcome::replaced);
  EXPECT_EQ(store->find_framework("demo-2020")->layers[0].labels.at("en"),
            "The learning practitioner");
  EXPECT_EQ(store->put_documents({sample_framework()})[0].outcome, PutOutcome::replaced);
  EXPECT_EQ(*store->find_framework("demo-2020"), sample_framework());
}

TEST(Store, RoundTripsAQualificationExactly) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto q = sample_qualification();
  store->put_documents({q});
  auto back = store->find_qualification("BK-9999-1");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, q);
  EXPECT_EQ(store->find_qualification("BK-9999")->id, "BK-9999-1");
}

TEST(Store, RoundTripsTheQualificationPartsOfMigration10) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto q = testing::sample_qualification_with_parts();
  store->put_documents({q});
  auto back = store->find_qualification("BK-9999-1");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, q);
  // The same page again is unchanged; without its parts it is a replacement that drops them.
  EXPECT_EQ(store->put_documents({q})[0].outcome, PutOutcome::unchanged);
  auto plain = testing::sample_qualification();
  EXPECT_EQ(store->put_documents({plain})[0].outcome, PutOutcome::replaced);
  EXPECT_EQ(*store->find_qualification("BK-9999-1"), plain);
}

TEST(Store, StoresEachDistinctStatementOnce) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({sample_framework(), sample_qualification()});
  // Framework: 2 definitions + 1 shared reflection + 1 main title + 3 activities = 7.
  // Qualification: definition, 2 competence titles (also the 2 responsibility lines), 3 activity
  // texts, 2 knowledge texts, 4 lines = 1 + 2 + 3 + 2 + 4 = 12.
  EXPECT_EQ(store->stats().statements, 7 + 12);
}

// The statements are looked up and stored 200 texts at a time, and rows inserted 100 at a time
// (StatementInterner, RowBatch): a qualification of 450 knowledge items (some repeated, some
// already stored by another document), 230 activities and 150 lines crosses every chunk edge.
TEST(Store, ALargeQualificationRoundTripsAcrossBatchEdges) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({sample_framework()});
  const long long framework_statements = store->stats().statements;
  auto q = sample_qualification();
  auto& c = q.competences[0];
  c.knowledge.clear();
  c.activities.clear();
  const std::string shared = sample_framework().profiles[0].definition;  // already stored
  for (int i = 0; i < 450; ++i)
    c.knowledge.push_back(
        {i % 3 == 0 ? "kennis " + std::to_string(i % 90) : "begrip " + std::to_string(i),
         std::nullopt});
  c.knowledge[7].text = shared;
  for (int i = 0; i < 230; ++i)
    c.activities.push_back({"activiteit " + std::to_string(i), std::nullopt});
  for (int i = 0; i < 150; ++i)
    q.environment_context.push_back("omgeving " + std::to_string(i));
  store->put_documents({q});
  EXPECT_EQ(*store->find_qualification(q.id), q);
  // Every distinct text once: nothing stored twice, the framework's text reused.
  std::set<std::string> texts = {q.definition};
  for (const auto& comp : q.competences) {
    texts.insert(comp.title);
    for (const auto& a : comp.activities)
      texts.insert(a.text);
    for (const auto& k : comp.knowledge)
      texts.insert(k.text);
  }
  for (const auto* lines : {&q.environment_context, &q.action_context, &q.autonomy.independent_in,
                            &q.autonomy.bound_to, &q.autonomy.relies_on, &q.responsibility})
    texts.insert(lines->begin(), lines->end());
  texts.erase(shared);
  EXPECT_EQ(store->stats().statements - framework_statements, static_cast<long long>(texts.size()));
  // The same document again changes nothing; a second copy under another id adds no statement.
  EXPECT_EQ(store->put_documents({q})[0].outcome, PutOutcome::unchanged);
  const long long before = store->stats().statements;
  auto copy = q;
  copy.id = "BK-9999-2";
  copy.version = 2;
  store->put_documents({copy});
  EXPECT_EQ(store->stats().statements, before);
  EXPECT_EQ(*store->find_qualification("BK-9999-2"), copy);
}

TEST(Store, SameDocumentTwiceChangesNothing) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({sample_framework(), sample_qualification()});
  auto before = store->stats();
  auto results = store->put_documents({sample_framework(), sample_qualification()});
  EXPECT_EQ(results[0].outcome, PutOutcome::unchanged);
  EXPECT_EQ(results[1].outcome, PutOutcome::unchanged);
  auto after = store->stats();
  EXPECT_EQ(before.statements, after.statements);
}

TEST(Store, ChangedDocumentReplacesAndDropsOrphanStatements) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto f = sample_framework();
  store->put_documents({f});
  long long before = store->stats().statements;
  f.profiles[0].definition = "Een nieuwe definitie.";
  auto results = store->put_documents({f});
  EXPECT_EQ(results[0].outcome, PutOutcome::replaced);
  EXPECT_EQ(store->find_profile("werker-a")->profile.definition, "Een nieuwe definitie.");
  EXPECT_EQ(store->stats().statements, before);  // one in, one out
}

TEST(Store, NewerVersionBecomesCurrentAndOldOneIsKept) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({sample_qualification(1, true)});
  auto results = store->put_documents({sample_qualification(2, true)});
  ASSERT_EQ(results[0].notes.size(), 1u);
  EXPECT_NE(results[0].notes[0].find("BK-9999-1"), std::string::npos);
  EXPECT_EQ(store->find_qualification("BK-9999")->id, "BK-9999-2");
  EXPECT_FALSE(store->find_qualification("BK-9999-1")->current);
  EXPECT_TRUE(store->find_qualification("BK-9999-2")->current);
  EXPECT_EQ(store->qualification_versions("BK-9999"), (std::vector<int>{1, 2}));
  // Importing the old version again later does not take "current" back.
  store->put_documents({sample_qualification(1, true)});
  EXPECT_EQ(store->find_qualification("BK-9999")->id, "BK-9999-2");
}

TEST(Store, WithdrawnIsStoredAndNeverTheCurrentVersionWhileAnotherIsNot) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto repealed = sample_qualification(2, false);
  repealed.withdrawn = true;
  store->put_documents({sample_qualification(1, false), repealed});
  EXPECT_TRUE(store->find_qualification("BK-9999-2")->withdrawn);
  EXPECT_FALSE(store->find_qualification("BK-9999-1")->withdrawn);
  // Neither claims to be current: the highest version not withdrawn is.
  EXPECT_EQ(store->find_qualification("BK-9999")->id, "BK-9999-1");
  // The same document again is unchanged, withdrawn included.
  EXPECT_EQ(store->put_documents({repealed})[0].outcome, PutOutcome::unchanged);
  // With every version withdrawn, the highest one is still found.
  auto first = sample_qualification(1, false);
  first.withdrawn = true;
  store->put_documents({first});
  EXPECT_EQ(store->find_qualification("BK-9999")->id, "BK-9999-2");
}

TEST(Store, CompetenceCodeAndGroupAreStoredAndAbsentOnesStayAbsent) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  auto coded = sample_qualification(1, true);
  coded.competences[0].code = "co 01310";
  store->put_documents({coded});
  const auto back = store->find_qualification("BK-9999-1");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->competences[0].code, "co 01310");
  EXPECT_FALSE(back->competences[1].code.has_value());
  EXPECT_EQ(*back, coded);
  EXPECT_EQ(store->put_documents({coded})[0].outcome, PutOutcome::unchanged);
  // Only the code changed: a new content, replacing the stored one.
  coded.competences[1].code = "co 01320";
  EXPECT_EQ(store->put_documents({coded})[0].outcome, PutOutcome::replaced);
  EXPECT_EQ(store->find_qualification("BK-9999-1")->competences[1].code, "co 01320");
  // The group heading is stored as written; none stays none.
  coded.competences[0].group = "BASISACTIVITEITEN";
  EXPECT_EQ(store->put_documents({coded})[0].outcome, PutOutcome::replaced);
  const auto grouped = store->find_qualification("BK-9999-1");
  EXPECT_EQ(grouped->competences[0].group, "BASISACTIVITEITEN");
  EXPECT_EQ(grouped->competences[1].group, "");
  EXPECT_EQ(*grouped, coded);
}

TEST(Store, FailedBatchLeavesTheStoreAsItWas) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({sample_framework()});
  auto before = store->stats();
  auto clash = sample_framework();
  clash.id = "other-2021";  // reuses profile ids of demo-2020: a conflict
  for (auto& p : clash.profiles)
    p.framework_id = clash.id;
  try {
    store->put_documents({sample_qualification(), clash});
    FAIL() << "expected a conflict";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
  }
  auto after = store->stats();
  EXPECT_EQ(after.qualifications, before.qualifications);
  EXPECT_EQ(after.statements, before.statements);
  EXPECT_FALSE(store->find_qualification("BK-9999-1").has_value());
}

TEST(Store, UnknownIdsAreEmpty) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  EXPECT_FALSE(store->find_framework("nope").has_value());
  EXPECT_FALSE(store->find_profile("nope").has_value());
  EXPECT_FALSE(store->find_qualification("BK-0000").has_value());
}

TEST(SqliteFile, CorruptFileIsAClearError) {
  TempDir dir;
  std::string path = dir.file("corrupt.db");
  std::ofstream(path) << std::string(4096, 'x');
  try {
    open_sqlite_store(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::database_error);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos);
  }
}

TEST(SqliteFile, ReadOnlyModeNeedsAnExistingFile) {
  TempDir dir;
  EXPECT_THROW(open_sqlite_store(dir.file("missing.db"), OpenMode::read_only), Error);
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST(Store, WritesToAReadOnlyFileFailCleanly) {
  if (geteuid() == 0) {
    // root ignores file permissions; the read-only open mode is what we can test here.
    TempDir dir;
    std::string path = dir.file("a.db");
    testing::open_test_store(path)->put_documents({sample_framework()});
    auto ro = testing::open_test_store(path, OpenMode::read_only);
    EXPECT_THROW(ro->put_documents({sample_qualification()}), Error);
    EXPECT_EQ(ro->stats().qualifications, 0);
    return;
  }
  TempDir dir;
  std::string path = dir.file("a.db");
  testing::open_test_store(path)->put_documents({sample_framework()});
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  auto ro = testing::open_test_store(path);
  EXPECT_THROW(ro->put_documents({sample_qualification()}), Error);
}

}  // namespace
}  // namespace vakkaart::store

namespace vakkaart::store {
namespace {

TEST(StoreOccurrences, ListsEveryPlaceOfEveryStatement) {
  testing::TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  store->put_documents({testing::sample_framework(), testing::sample_qualification()});
  auto occ = store->statement_occurrences();
  // The shared reflection statement occurs in both profiles, once each.
  int reflection = 0;
  for (const auto& o : occ) {
    if (o.text != "Reflecteert systematisch over het eigen professioneel handelen")
      continue;
    ++reflection;
    EXPECT_EQ(o.kind, "activity");
    EXPECT_EQ(o.layer_id, "lerende-professional");
    EXPECT_FALSE(o.main_activity_title.has_value());
    EXPECT_EQ(o.main_activity_position, 1);
  }
  EXPECT_EQ(reflection, 2);
  auto child = std::find_if(occ.begin(), occ.end(), [](const auto& o) {
    return o.text == "Leeft zich in de situatie van de doelgroep in";
  });
  ASSERT_NE(child, occ.end());
  EXPECT_EQ(child->kind, "sub_activity");
  EXPECT_EQ(child->main_activity_title.value_or(""), "Verzamelen van informatie");
  auto knowledge = std::find_if(occ.begin(), occ.end(), [](const auto& o) {
    return o.text == "Kennis van sociale wetgeving";
  });
  ASSERT_NE(knowledge, occ.end());
  EXPECT_EQ(knowledge->kind, "knowledge");
  EXPECT_EQ(knowledge->detail, "specific");
  EXPECT_EQ(knowledge->competence_number, 1);
  EXPECT_EQ(knowledge->vks.value_or(0), 5);
  // Qualification: 1 definition + 2 titles + 4 activities + 3 knowledge + 6 lines; framework:
  // 2 definitions + 1 main title + 2 reflections + 3 activities.
  EXPECT_EQ(occ.size(), 16u + 8u);
  EXPECT_TRUE(std::is_sorted(occ.begin(), occ.end(), [](const auto& a, const auto& b) {
    return a.statement_id < b.statement_id;
  }));
}

TEST(StoreOccurrences, ContentVersionMovesOnlyWithContent) {
  testing::TempDir dir;
  auto store = testing::open_test_store(dir.file("a.db"));
  std::string v0 = store->content_version();
  store->put_documents({testing::sample_framework()});
  std::string v1 = store->content_version();
  EXPECT_NE(v0, v1);
  store->put_documents({testing::sample_framework()});
  EXPECT_EQ(store->content_version(), v1);
}

}  // namespace
}  // namespace vakkaart::store
