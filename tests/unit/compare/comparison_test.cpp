#include "compare/comparison.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "catalog/import_service.h"
#include "core/error.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compare {
namespace {

using testing::sample_framework;
using testing::sample_qualification;
using testing::TempDir;

const std::string kReflects = "Reflecteert systematisch over het eigen professioneel handelen";

/// The sample framework and qualification in a fresh store.
class ComparisonOfSamples : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("c.db"));
    store_->put_documents({sample_framework(), sample_qualification()});
  }
  TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

const Group* find_group(const Comparison& c, const std::string& id) {
  for (const auto& g : c.groups) {
    if (g.id == id)
      return &g;
  }
  return nullptr;
}

const Statement* find_statement(const Cell& cell, const std::string& text) {
  for (const auto& s : cell.statements) {
    if (s.text == text)
      return &s;
  }
  return nullptr;
}

std::vector<std::string> group_ids(const Comparison& c) {
  std::vector<std::string> ids;
  for (const auto& g : c.groups)
    ids.push_back(g.id);
  return ids;
}

Error error_of(store::Store& store, const std::vector<std::string>& ids) {
  try {
    compare(store, ids);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::internal, "none");
}

TEST_F(ComparisonOfSamples, TwoProfilesShareTheirCommonStatement) {
  const Comparison c = compare(*store_, {"werker-a", "werker-b"});
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].info.id, "werker-a");
  EXPECT_EQ(c.items[0].info.kind, ItemKind::profile);
  EXPECT_EQ(c.items[0].info.framework_id, "demo-2020");
  // Only the empty cluster of both is left out; werker-b's empty cell stays.
  EXPECT_EQ(group_ids(c), (std::vector<std::string>{"definition", "de-eigen-deskundigheid-opbouwen",
                                                    "orienteren-en-relaties"}));
  const Group& own = *find_group(c, "de-eigen-deskundigheid-opbouwen");
  EXPECT_EQ(own.kind, GroupKind::cluster);
  EXPECT_EQ(own.layer_id, "lerende-professional");
  EXPECT_EQ(own.title, own.title_en);
  for (std::size_t i = 0; i < 2; ++i) {
    const Statement* s = find_statement(own.cells[i], kReflects);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->share, Share::all);
    EXPECT_EQ(s->shared_with, std::vector<std::string>{i == 0 ? "werker-b" : "werker-a"});
  }
  const Group& relations = *find_group(c, "orienteren-en-relaties");
  EXPECT_TRUE(relations.cells[1].statements.empty());
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const auto& s : relations.cells[0].statements) {
    kinds.emplace_back(s.kind, s.text);
    EXPECT_EQ(s.share, Share::unique);
    EXPECT_TRUE(s.shared_with.empty());
  }
  EXPECT_EQ(kinds, (std::vector<std::pair<std::string, std::string>>{
                       {"main_activity", "Verzamelen van informatie"},
                       {"activity", "Bakent doelgroepen af"},
                       {"sub_activity", "Leeft zich in de situatie van de doelgroep in"},
                       {"activity", "Raadpleegt verschillende bronnen"}}));
  // 2 definitions, the shared reflection, 1 main title and 3 activities.
  EXPECT_EQ(c.counts.all, 1);
  EXPECT_EQ(c.counts.some, 0);
  EXPECT_EQ(c.counts.unique, 6);
  EXPECT_EQ(c.items[1].counts.all, 1);
  EXPECT_EQ(c.items[1].counts.unique, 1);
}

TEST_F(ComparisonOfSamples, QualificationSectionsFollowTheClustersInOrder) {
  auto q = sample_qualification(2);
  // One text werker-a also holds: held by two of three items.
  q.action_context.push_back("Bakent doelgroepen af");
  store_->put_documents({q});
  const Comparison c = compare(*store_, {"werker-a", "werker-b", "BK-9999"});
  EXPECT_EQ(c.items[2].info.id, "BK-9999-2");
  EXPECT_EQ(c.items[2].info.kind, ItemKind::qualification);
  EXPECT_TRUE(c.items[2].info.framework_id.empty());
  EXPECT_EQ(group_ids(c),
            (std::vector<std::string>{"definition", "de-eigen-deskundigheid-opbouwen",
                                      "orienteren-en-relaties", "competences", "knowledge",
                                      "contexts", "autonomy", "responsibility"}));

  const Group& competences = *find_group(c, "competences");
  EXPECT_EQ(competences.kind, GroupKind::qualification);
  EXPECT_EQ(competences.title, "Competenties");
  EXPECT_EQ(competences.title_en, "Competences");
  EXPECT_TRUE(competences.cells[0].statements.empty());
  const auto& lines = competences.cells[2].statements;
  ASSERT_EQ(lines.size(), 6u);  // 2 titles with 2 activities each
  EXPECT_EQ(lines[0].kind, "competence");
  EXPECT_EQ(lines[1].kind, "competence_activity");
  EXPECT_EQ(lines[1].detail, "cognitive");
  EXPECT_EQ(lines[5].text, "Tilt lasten");
  EXPECT_EQ(lines[5].detail, "");

  // Knowledge that two competences list appears once.
  const auto& knowledge = find_group(c, "knowledge")->cells[2].statements;
  ASSERT_EQ(knowledge.size(), 2u);
  EXPECT_EQ(knowledge[0].text, "Kennis van communicatietechnieken");
  EXPECT_EQ(knowledge[0].detail, "general");
  EXPECT_EQ(knowledge[1].detail, "specific");

  const auto& contexts = find_group(c, "contexts")->cells[2].statements;
  ASSERT_EQ(contexts.size(), 3u);
  EXPECT_EQ(contexts[0].kind, "environment_context");
  EXPECT_EQ(contexts[2].kind, "action_context");
  EXPECT_EQ(contexts[2].share, Share::some);
  EXPECT_EQ(contexts[2].shared_with, std::vector<std::string>{"werker-a"});
  const Statement* in_profile =
      find_statement(find_group(c, "orienteren-en-relaties")->cells[0], "Bakent doelgroepen af");
  ASSERT_NE(in_profile, nullptr);
  EXPECT_EQ(in_profile->share, Share::some);
  EXPECT_EQ(in_profile->shared_with, std::vector<std::string>{"BK-9999-2"});

  const auto& autonomy = find_group(c, "autonomy")->cells[2].statements;
  ASSERT_EQ(autonomy.size(), 2u);
  EXPECT_EQ(autonomy[0].kind, "independent_in");
  EXPECT_EQ(autonomy[1].kind, "bound_to");
  // Nothing all three hold; the reflection is held by the two profiles only.
  EXPECT_EQ(c.counts.all, 0);
  EXPECT_EQ(c.counts.some, 2);
}

TEST(Comparison, ClustersOfTwoFrameworksStayApart) {
  auto first = sample_framework();
  auto second = sample_framework();
  second.id = "demo-2024";
  for (auto& p : second.profiles) {
    p.id += "-2024";
    p.framework_id = second.id;
  }
  TempDir dir;
  auto store = testing::open_test_store(dir.file("c.db"));
  store->put_documents({first, second});
  const Comparison c = compare(*store, {"werker-a-2024", "werker-a"});
  // The item order decides the framework order; both carry the same cluster ids.
  std::vector<std::pair<std::string, std::string>> clusters;
  for (const auto& g : c.groups) {
    if (g.kind == GroupKind::cluster)
      clusters.emplace_back(g.framework_id, g.id);
  }
  EXPECT_EQ(clusters, (std::vector<std::pair<std::string, std::string>>{
                          {"demo-2024", "de-eigen-deskundigheid-opbouwen"},
                          {"demo-2024", "orienteren-en-relaties"},
                          {"demo-2020", "de-eigen-deskundigheid-opbouwen"},
                          {"demo-2020", "orienteren-en-relaties"}}));
  // Each profile's statements sit in its own framework's groups only.
  EXPECT_TRUE(c.groups[1].cells[1].statements.empty());
  EXPECT_TRUE(c.groups[3].cells[0].statements.empty());
  EXPECT_EQ(find_statement(c.groups[1].cells[0], kReflects)->share, Share::all);
}

TEST_F(ComparisonOfSamples, CountAndIdErrorsNameTheirCause) {
  Error one = error_of(*store_, {"werker-a"});
  EXPECT_EQ(one.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(one.where().field, "item");
  Error none = error_of(*store_, {});
  EXPECT_EQ(none.code(), ErrorCode::invalid_argument);
  Error six = error_of(*store_, {"a", "b", "c", "d", "e", "f"});
  EXPECT_EQ(six.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(six.where().field, "item");
  Error unknown = error_of(*store_, {"werker-a", "geen-beroep"});
  EXPECT_EQ(unknown.code(), ErrorCode::not_found);
  EXPECT_NE(unknown.message().find("geen-beroep"), std::string::npos);
  Error twice = error_of(*store_, {"werker-a", "werker-a"});
  EXPECT_EQ(twice.code(), ErrorCode::invalid_argument);
  Error code_and_id = error_of(*store_, {"BK-9999", "BK-9999-1"});
  EXPECT_EQ(code_and_id.code(), ErrorCode::invalid_argument);
  EXPECT_EQ(code_and_id.where().field, "item");
}

TEST_F(ComparisonOfSamples, JsonNamesSharesAndLeavesOutWhatDoesNotApply) {
  const auto json = comparison_to_json(compare(*store_, {"werker-a", "BK-9999-1"}));
  EXPECT_EQ(json["items"][0]["framework"], "demo-2020");
  EXPECT_TRUE(json["items"][1]["framework"].is_null());
  EXPECT_EQ(json["items"][1]["kind"], "qualification");
  EXPECT_EQ(json["counts"]["total"], json["counts"]["all"].get<int>() +
                                         json["counts"]["some"].get<int>() +
                                         json["counts"]["unique"].get<int>());
  const auto& definition = json["groups"][0];
  EXPECT_EQ(definition["id"], "definition");
  EXPECT_EQ(definition["title_en"], "Definition");
  EXPECT_TRUE(definition["layer"].is_null());
  ASSERT_EQ(definition["cells"].size(), 2u);
  EXPECT_EQ(definition["cells"][1]["item"], "BK-9999-1");
  const auto& statement = definition["cells"][0]["statements"][0];
  EXPECT_EQ(statement["share"], "unique");
  EXPECT_FALSE(statement.contains("detail"));
  EXPECT_TRUE(statement["shared_with"].is_array());
  int competences = 0;
  for (const auto& group : json["groups"]) {
    if (group["id"] == "competences") {
      ++competences;
      EXPECT_EQ(group["cells"][1]["statements"][1]["detail"], "cognitive");
    }
  }
  EXPECT_EQ(competences, 1);  // the check above was made
}

TEST_F(ComparisonOfSamples, StatementTextsAreDistinctInFirstOrder) {
  const Item q = load_item(*store_, "BK-9999");
  const auto texts = statement_texts(q);
  EXPECT_EQ(texts.front(), "De demo deskundige staat in voor alles.");
  EXPECT_EQ(std::set<std::string>(texts.begin(), texts.end()).size(), texts.size());
  // The store keeps each distinct text once: the sample qualification holds 12.
  EXPECT_EQ(texts.size(), 12u);
}

/// The bundled sources: every statement's share must agree with where the store says each
/// text occurs, which it records through its own tables, not through this module's walk.
TEST(Comparison, BundledSharesAgreeWithTheStoreOccurrences) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("b.db"));
  testing::import_bundled_sources(*store);
  std::map<std::string, std::set<std::string>> holders;  // text -> item ids
  for (const auto& o : store->statement_occurrences()) {
    holders[o.text].insert(o.profile_id.empty() ? o.qualification_id : o.profile_id);
  }
  std::vector<Item> items;
  for (const auto& p : store->list_profiles())
    items.push_back(load_item(*store, p.id));
  items.push_back(load_item(*store, "BK-0338-3"));
  ASSERT_EQ(items.size(), 6u);

  // All six at once (compare_items takes any number) and one pair.
  for (const auto& chosen : {items, std::vector<Item>{items[0], items[5]}}) {
    std::set<std::string> ids;
    for (const auto& item : chosen)
      ids.insert(item.info.id);
    const Comparison c = compare_items(chosen);
    ShareCounts expected;
    std::map<std::string, std::set<std::string>> held;  // item id -> texts in its cells
    for (const auto& [text, where] : holders) {
      std::size_t n = 0;
      for (const auto& id : where)
        n += ids.count(id);
      if (n == ids.size())
        ++expected.all;
      else if (n > 1)
        ++expected.some;
      else if (n == 1)
        ++expected.unique;
    }
    for (const auto& group : c.groups) {
      for (const auto& cell : group.cells) {
        for (const auto& s : cell.statements) {
          held[cell.item_id].insert(s.text);
          std::set<std::string> others;
          for (const auto& id : holders.at(s.text)) {
            if (ids.count(id) && id != cell.item_id)
              others.insert(id);
          }
          EXPECT_EQ(std::set<std::string>(s.shared_with.begin(), s.shared_with.end()), others)
              << s.text;
          const Share share = others.size() + 1 == ids.size() ? Share::all
                              : others.empty()                ? Share::unique
                                                              : Share::some;
          EXPECT_EQ(s.share, share) << s.text;
        }
      }
    }
    for (const auto& id : ids) {
      std::set<std::string> stored;
      for (const auto& [text, where] : holders) {
        if (where.count(id))
          stored.insert(text);
      }
      EXPECT_EQ(held[id], stored) << id;
    }
    EXPECT_EQ(c.counts.all, expected.all);
    EXPECT_EQ(c.counts.some, expected.some);
    EXPECT_EQ(c.counts.unique, expected.unique);
  }
}

}  // namespace
}  // namespace vakkaart::compare
