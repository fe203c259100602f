#include "compose/function_service.h"

#include <gtest/gtest.h>

#include "compose/coverage.h"
#include "compose/source_changes.h"
#include "compose/validation.h"
#include "core/error.h"
#include "exports/function_json.h"
#include "server/edit_json.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compose {
namespace {

using Json = nlohmann::ordered_json;
using testing::TempDir;

/// The edits as the API reads them from JSON, so these tests also hold the API's fields.
std::vector<Edit> typed(const Json& edits) {
  return server::edits_from_json(edits);
}

/// The bundled sociare note and BK-0338-3 in a fresh store, and a service over it.
class FunctionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("f.db"));
    testing::import_bundled_sources(*store_);
  }
  FunctionService service() { return FunctionService(*store_); }
  model::FunctionProfile create(const std::string& title = "Coördinator vrijwilligers") {
    return service().create({title, "Vormingplus", "", "", true}, "tester");
  }
  model::FunctionProfile edit(const model::FunctionProfile& f, Json edits) {
    auto out = service().edit(f.id, f.version, typed(edits), "tester");
    EXPECT_TRUE(out.saved);
    return out.current;
  }
  static const model::FunctionBlock& block(const model::FunctionProfile& f, const std::string& id) {
    for (const auto& b : f.blocks)
      if (b.id == id)
        return b;
    throw std::runtime_error("no block " + id);
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(FunctionServiceTest, ANewFunctionStartsWithTheLearningProfessional) {
  auto f = create();
  EXPECT_EQ(f.id, "coordinator-vrijwilligers");
  EXPECT_EQ(f.version, 1);
  EXPECT_EQ(f.framework_id, "sociare-2016");
  ASSERT_EQ(f.blocks.size(), 1u);
  EXPECT_EQ(f.blocks[0].layer_id, "lerende-professional");
  ASSERT_TRUE(f.blocks[0].source);
  EXPECT_FALSE(f.blocks[0].items.empty());
  EXPECT_EQ(create().id, "coordinator-vrijwilligers-2");  // a second one gets its own id
  EXPECT_EQ(service().history(f.id).size(), 1u);
  auto empty = service().create({"Leeg", "", "", "", false}, "");
  EXPECT_TRUE(empty.blocks.empty());
}

TEST_F(FunctionServiceTest, TakenItemsKeepTheirSourceAndRewordingKeepsTheOriginal) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"},
                            {"source", "gemeenschapswerker:orienteren-en-relaties:1"},
                            {"items", {3, 1}}}}));
  const auto& b = f.blocks.back();
  ASSERT_TRUE(b.source);
  EXPECT_EQ(b.source->ref, "gemeenschapswerker:orienteren-en-relaties:1");
  EXPECT_EQ(b.source->item_title, "Gemeenschapswerker");
  EXPECT_EQ(b.cluster_id, "orienteren-en-relaties");
  EXPECT_EQ(b.layer_id, "kernactiviteiten");
  ASSERT_EQ(b.items.size(), 2u);  // in source order, whatever order they were named in
  EXPECT_EQ(b.items[0].source_position, 1);
  EXPECT_EQ(b.items[1].source_position, 3);
  EXPECT_EQ(b.items[0].original, b.source->statements[0].text);

  std::string item = b.items[1].id, original = b.items[1].original;
  f = edit(f, Json::array({{{"op", "reword"}, {"item", item}, {"text", "In onze woorden"}}}));
  EXPECT_EQ(f.blocks.back().items[1].text(), "In onze woorden");
  EXPECT_EQ(f.blocks.back().items[1].original, original);
  f = edit(f, Json::array({{{"op", "reword"}, {"item", item}, {"text", nullptr}}}));
  EXPECT_FALSE(f.blocks.back().items[1].wording);
  EXPECT_EQ(f.version, 4);
  EXPECT_EQ(service().history(f.id).size(), 4u);
  EXPECT_EQ(service().get(f.id, 3).blocks.back().items[1].text(), "In onze woorden");
}

TEST_F(FunctionServiceTest, ACompetenceIsPlacedInTheModelAndTicksCount) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"}, {"source", "BK-0338-3:1"}}}));
  const auto& b = f.blocks.back();
  EXPECT_EQ(b.source->kind, model::SourceKind::qualification);
  EXPECT_EQ(b.source->version, "3");
  EXPECT_FALSE(b.cluster_id.empty());
  EXPECT_EQ(b.items.size(), b.source->statements.size());
  f = edit(f, Json::array({{{"op", "select"}, {"block", b.id}, {"items", {2}}}}));
  ASSERT_EQ(f.blocks.back().items.size(), 1u);
  EXPECT_EQ(f.blocks.back().items[0].source_position, 2);
}

TEST_F(FunctionServiceTest, BadEditsChangeNothing) {
  auto f = create();
  auto before = service().get(f.id);
  auto rejected = [&](Json edit, ErrorCode code, const std::string& field) {
    try {
      service().edit(f.id, f.version, typed(Json::array({edit})), "");
      ADD_FAILURE() << "accepted " << edit.dump();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code) << edit.dump() << ": " << e.what();
      EXPECT_EQ(e.where().field, field) << edit.dump();
    }
    EXPECT_EQ(service().get(f.id), before);
    EXPECT_EQ(service().history(f.id).size(), 1u);
  };
  rejected({{"op", "add_block"}, {"source", "nobody:afwegen-kiezen-ontwerpen:1"}},
           ErrorCode::not_found, "edits[0].source");
  rejected({{"op", "add_block"}, {"source", "BK-9999-1:1"}}, ErrorCode::not_found,
           "edits[0].source");
  rejected({{"op", "add_block"}, {"source", "gemeenschapswerker:1"}}, ErrorCode::not_found,
           "edits[0].source");
  rejected({{"op", "add_block"}, {"source", "nonsense"}}, ErrorCode::invalid_argument,
           "edits[0].source");
  rejected({{"op", "add_block"},
            {"source", "gemeenschapswerker:orienteren-en-relaties:1"},
            {"items", {1, 99}}},
           ErrorCode::invalid_argument, "edits[0].items");
  rejected({{"op", "set_block"}, {"block", f.blocks[0].id}, {"weight", 101}},
           ErrorCode::invalid_argument, "edits[0].weight");
  rejected({{"op", "set_block"}, {"block", f.blocks[0].id}, {"weight", -1}},
           ErrorCode::invalid_argument, "edits[0].weight");
  rejected(
      {{"op", "reword"}, {"item", f.blocks[0].items[0].id}, {"text", std::string(1 << 20, 'x')}},
      ErrorCode::too_large, "edits[0].text");
  rejected({{"op", "reword"}, {"item", "i999"}, {"text", "x"}}, ErrorCode::not_found,
           "edits[0].item");
  rejected({{"op", "explode"}}, ErrorCode::invalid_argument, "edits[0].op");
  // All or nothing: a good edit before a bad one is not kept either.
  try {
    service().edit(f.id, f.version,
                   typed(Json::array({{{"op", "set"}, {"field", "title"}, {"value", "Nieuw"}},
                                      {{"op", "remove_block"}, {"block", "b404"}}})),
                   "");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "edits[1].block");
  }
  EXPECT_EQ(service().get(f.id), before);
}

TEST_F(FunctionServiceTest, AConcurrentEditIsRejectedAndBothSidesAreKept) {
  auto f = create();
  auto mine = service().edit(
      f.id, 1, typed(Json::array({{{"op", "set"}, {"field", "title"}, {"value", "Mijn titel"}}})),
      "an");
  ASSERT_TRUE(mine.saved);
  auto theirs = service().edit(
      f.id, 1, typed(Json::array({{{"op", "set"}, {"field", "purpose"}, {"value", "Hun doel"}}})),
      "bo");
  EXPECT_FALSE(theirs.saved);
  EXPECT_EQ(theirs.current.title, "Mijn titel");
  ASSERT_TRUE(theirs.yours);
  EXPECT_EQ(theirs.yours->purpose, "Hun doel");
  EXPECT_EQ(theirs.yours->title, "Coördinator vrijwilligers");
  EXPECT_EQ(service().get(f.id).version, 2);
  EXPECT_TRUE(service().get(f.id).purpose.empty());
}

TEST_F(FunctionServiceTest, OneWarningPerDuplicationNamingWhatIsDuplicated) {
  auto f = create();
  const std::string source = "gemeenschapswerker:orienteren-en-relaties:1";
  f = edit(f, Json::array({{{"op", "add_block"}, {"source", source}},
                           {{"op", "add_block"}, {"source", source}},
                           {{"op", "add_block"}, {"source", source}}}));
  std::vector<Warning> blocks, statements;
  for (const auto& w : validate(f)) {
    if (w.code == "duplicate_block")
      blocks.push_back(w);
    if (w.code == "duplicate_statement")
      statements.push_back(w);
  }
  // Two blocks repeat the first one; none of their items is warned about on its own.
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(statements.empty());
  EXPECT_EQ(blocks[0].params.at("block"), f.blocks[2].title);
  EXPECT_EQ(blocks[0].params.at("other_block"), f.blocks[1].title);

  // A line written three times by hand, in two blocks: one warning, naming it and how often.
  const std::string line = "Houdt het overzicht van de vrijwilligers bij";
  f = edit(f, Json::array({{{"op", "add_item"}, {"block", f.blocks[0].id}, {"text", line}},
                           {{"op", "add_item"}, {"block", f.blocks[0].id}, {"text", line}},
                           {{"op", "add_item"}, {"block", f.blocks[1].id}, {"text", line}}}));
  statements.clear();
  for (const auto& w : validate(f))
    if (w.code == "duplicate_statement")
      statements.push_back(w);
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].params.at("statement"), line);
  EXPECT_EQ(statements[0].params.at("count"), "3");
}

TEST_F(FunctionServiceTest, HistoryKeepsWhatEachChangeDidInWordsAPersonKnows) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"},
                            {"source", "gemeenschapswerker:orienteren-en-relaties:1"}}}));
  const std::string title = f.blocks.back().title;
  f = edit(f, Json::array({{{"op", "set_block"}, {"block", f.blocks.back().id}, {"weight", 20}},
                           {{"op", "remove_block"}, {"block", f.blocks.back().id}}}));
  auto history = service().history(f.id);
  ASSERT_EQ(history.size(), 3u);
  Json newest = Json::parse(history[0].events);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0]["op"], "set_weight");
  EXPECT_EQ(newest[0]["params"]["weight"], "20");
  EXPECT_EQ(newest[1]["op"], "remove_block");
  EXPECT_EQ(newest[1]["params"]["block"], title) << "named by its title, not its id";
  EXPECT_EQ(Json::parse(history[1].events)[0]["op"], "add_block");
  EXPECT_EQ(Json::parse(history[2].events)[0]["op"], "create");
}

TEST_F(FunctionServiceTest, RestoreBringsBackAnEarlierVersionAsTheNextOne) {
  auto f = create();
  f = edit(f, Json::array(
                  {{{"op", "add_block"}, {"source", "gemeenschapswerker:orienteren-en-relaties:1"}},
                   {{"op", "set"}, {"field", "purpose"}, {"value", "Doel"}}}));
  const auto before = f;
  f = edit(f,
           Json::array({{{"op", "remove_block"}, {"block", f.blocks.back().id}},
                        {{"op", "add_item"}, {"block", f.blocks.front().id}, {"text", "Nieuw"}}}));
  ASSERT_NE(f.blocks, before.blocks);
  const int next_id = f.next_id;
  f = edit(f, Json::array({{{"op", "restore"}, {"version", before.version}}}));
  EXPECT_EQ(f.blocks, before.blocks) << "the deleted block is back, the new line gone";
  EXPECT_EQ(f.purpose, before.purpose);
  EXPECT_EQ(f.version, before.version + 2) << "a new version, the history goes on";
  EXPECT_EQ(f.next_id, next_id) << "no id is handed out twice";
  EXPECT_THROW(
      service().edit(f.id, f.version,
                     typed(Json::array({{{"op", "restore"}, {"version", f.version}}})), "tester"),
      Error);
}

TEST_F(FunctionServiceTest, DuplicateIsANewFunctionWithTheSameContent) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"},
                            {"source", "gemeenschapswerker:orienteren-en-relaties:1"}}}));
  auto copy = service().duplicate(f.id, "Coördinator vrijwilligers (kopie)", "tester");
  EXPECT_NE(copy.id, f.id);
  EXPECT_EQ(copy.title, "Coördinator vrijwilligers (kopie)");
  EXPECT_EQ(copy.version, 1);
  EXPECT_EQ(copy.blocks, f.blocks);
  EXPECT_EQ(service().get(copy.id).blocks, f.blocks);
  ASSERT_EQ(service().history(copy.id).size(), 1u);
  EXPECT_EQ(Json::parse(service().history(copy.id)[0].events)[0]["op"], "duplicate");
  EXPECT_EQ(service().get(f.id).version, f.version) << "the original is untouched";
}

TEST_F(FunctionServiceTest, ValidationWarnsButNeverBlocks) {
  auto f = create();
  auto codes = [](const model::FunctionProfile& fn) {
    std::set<std::string> out;
    for (const auto& w : validate(fn))
      out.insert(w.code);
    return out;
  };
  EXPECT_TRUE(codes(f).count("no_core_activity"));
  f = edit(f, Json::array(
                  {{{"op", "add_block"}, {"source", "gemeenschapswerker:orienteren-en-relaties:1"}},
                   {{"op", "add_block"}, {"source", "gemeenschapswerker:orienteren-en-relaties:1"}},
                   {{"op", "add_own_block"}, {"title", "Leeg"}, {"cluster", "adviseren"}},
                   {{"op", "set_block"}, {"block", "b1"}, {"weight", 30}}}));
  auto c = codes(f);
  EXPECT_FALSE(c.count("no_core_activity"));
  // The same main activity taken twice is one problem: one warning for the block.
  EXPECT_TRUE(c.count("duplicate_block"));
  EXPECT_TRUE(c.count("empty_block"));
  EXPECT_TRUE(c.count("weights_partial"));
  EXPECT_TRUE(c.count("weights_not_100"));
  Json weights = Json::array();
  for (const auto& b : f.blocks)
    weights.push_back({{"op", "set_block"}, {"block", b.id}, {"weight", 25}});
  f = edit(f, weights);
  EXPECT_FALSE(codes(f).count("weights_not_100"));
  EXPECT_FALSE(codes(f).count("weights_partial"));
}

TEST_F(FunctionServiceTest, CoverageFindsTheProfileAFunctionWasTakenFrom) {
  auto f = service().create({"Opbouwwerker", "", "", "gemeenschapswerker", true}, "");
  auto record = store_->find_profile("gemeenschapswerker");
  Json edits = Json::array();
  for (const auto& pc : record->profile.clusters) {
    if (pc.cluster_id == "de-eigen-deskundigheid-opbouwen")
      continue;
    for (std::size_t n = 1; n <= pc.main_activities.size(); ++n)
      edits.push_back(
          {{"op", "add_block"},
           {"source", "gemeenschapswerker:" + pc.cluster_id + ":" + std::to_string(n)}});
  }
  f = edit(f, edits);
  // Rewording does not lower coverage: the original still counts.
  f = edit(f,
           Json::array(
               {{{"op", "reword"}, {"item", f.blocks[1].items[0].id}, {"text", "Anders gezegd"}}}));
  auto coverage = CoverageIndex::build(*store_)->measure(f);
  ASSERT_EQ(coverage.profiles.size(), 5u);
  const auto& best = coverage.profiles.front();
  EXPECT_EQ(best.profile_id, "gemeenschapswerker");
  EXPECT_DOUBLE_EQ(best.coverage, 100.0);
  EXPECT_DOUBLE_EQ(best.resemblance, 100.0);
  for (const auto& c : best.clusters)
    EXPECT_DOUBLE_EQ(c.percent, c.total ? 100.0 : 0.0) << c.id;
  for (std::size_t i = 1; i < coverage.profiles.size(); ++i)
    EXPECT_LT(coverage.profiles[i].resemblance, 100.0);

  // Half of one cluster: 50% there, and the other clusters unchanged.
  auto half = service().create({"Half", "", "", "", false}, "");
  const auto& ma = record->profile.clusters[1].main_activities[0];
  half = edit(
      half, Json::array(
                {{{"op", "add_block"},
                  {"source", "gemeenschapswerker:" + record->profile.clusters[1].cluster_id + ":1"},
                  {"items", {1, 2}}}}));
  auto hc = CoverageIndex::build(*store_)->measure(half);
  int checked = 0;  // the loop must reach the cluster, or the test checks nothing
  for (const auto& p : hc.profiles) {
    if (p.profile_id != "gemeenschapswerker")
      continue;
    for (const auto& c : p.clusters)
      if (c.id == record->profile.clusters[1].cluster_id) {
        EXPECT_EQ(c.matched, 2);
        EXPECT_EQ(c.total, static_cast<int>(ma.activities.size()));
        ++checked;
      }
  }
  EXPECT_EQ(checked, 1);
}

TEST_F(FunctionServiceTest, CanonicalJsonRestoresAFunctionExactly) {
  auto f = create();
  f = edit(f,
           Json::array({{{"op", "add_block"}, {"source", "BK-0338-3:5"}, {"items", {1, 2}}},
                        {{"op", "reword"},
                         {"item", "i11"},
                         {"text", "Zegt het “anders” & <beter>\nmet een tweede regel"}},
                        {{"op", "add_own_block"},
                         {"title", "Eigen taken"},
                         {"cluster", ""},
                         {"items", {"Beheert de sleutels"}}},
                        {{"op", "set"}, {"field", "context"}, {"value", "  spaties blijven  "}}}));
  std::string text = vakkaart::dump_canonical(exports::function_to_json(f));
  auto back = exports::parse_function_json(text, "f.json");
  EXPECT_EQ(back, f);
  EXPECT_EQ(vakkaart::dump_canonical(exports::function_to_json(back)), text);

  TempDir other;
  auto store2 = testing::open_test_store(other.file("g.db"));
  auto imported = FunctionService(*store2).import(back, "", false);
  EXPECT_EQ(FunctionService(*store2).get(f.id), f);
  EXPECT_EQ(imported, f);
  EXPECT_THROW(FunctionService(*store2).import(back, "", false), Error);
  auto broken = back;
  broken.blocks[0].items[0].id = broken.blocks[0].id;  // an id used twice
  EXPECT_THROW(FunctionService(*store2).import(broken, "", true), Error);

  // What a file may not bring in: an id no address reaches (it would be listed, and then
  // neither opened nor deleted), a character no export can carry.
  auto refused = [&](const model::FunctionProfile& g, const std::string& field) {
    try {
      FunctionService(*store2).import(g, "", true);
      ADD_FAILURE() << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, field) << e.what();
    }
  };
  auto unreachable = back;
  unreachable.id =
      "\xC3\x9C"
      "n\xC3\xAF c\xC3\xB8"
      "d\xC3\xA9/..";
  refused(unreachable, "$.id");
  auto noncharacter = back;
  noncharacter.title = "T\xEF\xBF\xBEx";
  refused(noncharacter, "$.title");
  auto control = back;
  control.blocks.back().items[0].wording = std::string("met\0nul", 7);  // the own block's item
  refused(control, "$.blocks[" + std::to_string(control.blocks.size() - 1) + "].items[0].wording");
  EXPECT_EQ(FunctionService(*store2).get(f.id), f) << "a refused import changes nothing";
}

TEST_F(FunctionServiceTest, TextsAreCheckedInCharactersAndForWhatNoDocumentCarries) {
  auto f = create();
  // 1,500 × "é" is 3,000 bytes but 1,500 characters: within a title's 2,000.
  std::string accented;
  for (int i = 0; i < 1500; ++i)
    accented += "\xC3\xA9";
  f = edit(f, Json::array({{{"op", "set"}, {"field", "title"}, {"value", accented}}}));
  EXPECT_EQ(f.title, accented);
  auto refused = [&](const std::string& value, ErrorCode code) {
    try {
      service().edit(
          f.id, f.version,
          typed(Json::array({{{"op", "set"}, {"field", "organisation"}, {"value", value}}})), "");
      ADD_FAILURE() << value;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_EQ(e.where().field, "edits[0].value") << e.what();
    }
  };
  refused(accented + "\xC3\xA9" + std::string(500, 'x'), ErrorCode::too_large);
  refused("Vzw\xEF\xBF\xBF", ErrorCode::invalid_argument);  // U+FFFF
  refused("Vzw\xEF\xB7\x90", ErrorCode::invalid_argument);  // U+FDD0
  refused(std::string("Vzw\0", 4), ErrorCode::invalid_argument);
  refused("Vzw\x1B[31m", ErrorCode::invalid_argument);
  EXPECT_EQ(service().get(f.id).organisation, f.organisation);
  EXPECT_THROW(create("Co\xEF\xBF\xBE"), Error) << "a new function's title is checked too";
  // Tabs and line breaks are text.
  f = edit(f, Json::array({{{"op", "set"}, {"field", "context"}, {"value", "a\tb\r\nc"}}}));
  EXPECT_EQ(f.context, "a\tb\r\nc");
}

TEST_F(FunctionServiceTest, ANewQualificationVersionIsOfferedChangeByChange) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"}, {"source", "BK-0338-3:1"}, {"items", {1, 2, 3}}},
                           {{"op", "reword"}, {"item", "i11"}, {"text", "Onze woorden"}}}));
  const std::string block_id = f.blocks.back().id;
  EXPECT_TRUE(pending_changes(*store_, f).empty());

  // Version 4: activity 1 reworded, activity 2 removed, a new activity added.
  auto v4 = *store_->find_qualification("BK-0338-3");
  v4.id = "BK-0338-4";
  v4.version = 4;
  v4.current = true;
  auto& acts = v4.competences[0].activities;
  std::string old1 = acts[0].text, old2 = acts[1].text;
  acts[0].text = old1 + " en stuurt bij";
  acts.erase(acts.begin() + 1);
  acts.push_back({"Betrekt de leden bij elke beslissing", std::nullopt});
  store_->put_documents({v4});

  auto changes = pending_changes(*store_, f);
  std::map<std::string, SourceChange> by_type;
  for (const auto& c : changes)
    by_type[c.type] = c;
  ASSERT_TRUE(by_type.count("reworded"));
  ASSERT_TRUE(by_type.count("removed"));
  ASSERT_TRUE(by_type.count("added"));
  EXPECT_EQ(by_type["reworded"].old_text, old1);
  EXPECT_EQ(by_type["removed"].old_text, old2);
  EXPECT_EQ(by_type["added"].new_text, "Betrekt de leden bij elke beslissing");
  EXPECT_EQ(by_type["reworded"].new_version, "4");
  // Nothing changed by itself.
  EXPECT_EQ(service().get(f.id).blocks.back().source->version, "3");

  f = edit(f, Json::array({{{"op", "take_change"}, {"change", by_type["reworded"].key}},
                           {{"op", "leave_change"}, {"change", by_type["added"].key}}}));
  const auto* b = &block(f, block_id);
  EXPECT_EQ(b->items[0].original, old1 + " en stuurt bij");
  EXPECT_EQ(b->source->version, "3");  // one change still undecided
  ASSERT_EQ(pending_changes(*store_, f).size(), 1u);
  f = edit(f, Json::array({{{"op", "take_change"}, {"change", by_type["removed"].key}}}));
  b = &block(f, block_id);
  EXPECT_EQ(b->source->version, "4");
  EXPECT_EQ(b->source->ref, "BK-0338-4:1");
  EXPECT_TRUE(b->decided_changes.empty());
  EXPECT_TRUE(pending_changes(*store_, f).empty());
  for (const auto& i : b->items) {
    EXPECT_NE(i.original, old2);
    EXPECT_NE(i.original, "Betrekt de leden bij elke beslissing");  // it was left
  }
  // The user's wording survived the rewording of its original.
  bool kept = false;
  for (const auto& i : b->items)
    kept |= i.wording == std::optional<std::string>("Onze woorden");
  EXPECT_TRUE(kept);
}

TEST_F(FunctionServiceTest, AReimportedFrameworkShowsWhatChangedInABlock) {
  auto f = create();
  f = edit(f, Json::array({{{"op", "add_block"},
                            {"source", "gemeenschapswerker:orienteren-en-relaties:1"}}}));
  auto framework = *store_->find_framework("sociare-2016");
  for (auto& p : framework.profiles)
    if (p.id == "gemeenschapswerker")
      for (auto& pc : p.clusters)
        if (pc.cluster_id == "orienteren-en-relaties")
          pc.main_activities[0].activities[0].text += " in de buurt";
  store_->put_documents({framework});
  auto changes = pending_changes(*store_, f);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].type, "reworded");
  EXPECT_NE(changes[0].old_version, changes[0].new_version);
  f = edit(f, Json::array({{{"op", "leave_change"}, {"change", changes[0].key}}}));
  EXPECT_TRUE(pending_changes(*store_, f).empty());
  EXPECT_EQ(f.blocks.back().items[0].original, changes[0].old_text);  // left as it was
  EXPECT_EQ(f.blocks.back().items[0].source_position, 0);             // no longer in the source
}

}  // namespace
}  // namespace vakkaart::compose
