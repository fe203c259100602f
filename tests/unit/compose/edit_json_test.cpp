#include "server/edit_json.h"

#include <gtest/gtest.h>

#include "compose/edit.h"
#include "compose/function_edits.h"
#include "compose/function_service.h"
#include "core/error.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compose {
namespace {

using server::edit_from_json;
using server::edits_from_json;

/// The Error a call throws, or a test failure.
template <typename F>
Error error_of(F&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::internal, "none");
}

TEST(EditJson, EveryOpBecomesItsTypedEdit) {
  auto set = std::get<SetField>(
      edit_from_json({{"op", "set"}, {"field", "status"}, {"value", "final"}}, "edits[0]"));
  EXPECT_EQ(set.field, FunctionField::status);
  EXPECT_EQ(set.value, "final");

  auto add = std::get<AddBlock>(edit_from_json(
      {{"op", "add_block"}, {"source", "BK-0338-3:1"}, {"items", {3, 1}}, {"at", 0}}, ""));
  EXPECT_EQ(add.source, "BK-0338-3:1");
  EXPECT_EQ(add.items, (std::vector<int>{3, 1}));
  EXPECT_EQ(add.cluster, "");
  EXPECT_EQ(add.at, std::optional<std::size_t>(0));

  auto own = std::get<AddOwnBlock>(edit_from_json(
      {{"op", "add_own_block"}, {"title", "Eigen"}, {"items", {"a", "b"}}, {"cluster", nullptr}},
      ""));
  EXPECT_EQ(own.items, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(own.at);

  auto weight = std::get<SetBlock>(
      edit_from_json({{"op", "set_block"}, {"block", "b2"}, {"weight", 12.5}}, ""));
  EXPECT_EQ(weight.block, BlockId{"b2"});
  ASSERT_TRUE(weight.weight);
  EXPECT_EQ(*weight.weight, BlockWeight(12.5));
  EXPECT_FALSE(weight.title);
  auto unweighted = std::get<SetBlock>(
      edit_from_json({{"op", "set_block"}, {"block", "b2"}, {"weight", nullptr}}, ""));
  ASSERT_TRUE(unweighted.weight);  // null: take the weight away, unlike an absent weight
  EXPECT_FALSE(*unweighted.weight);

  auto back =
      std::get<Reword>(edit_from_json({{"op", "reword"}, {"item", "i4"}, {"text", nullptr}}, ""));
  EXPECT_EQ(back.item, ItemId{"i4"});
  EXPECT_FALSE(back.text);
  EXPECT_EQ(
      std::get<MoveItem>(edit_from_json({{"op", "move_item"}, {"item", "i4"}, {"to", 2}}, "")).to,
      2u);
  EXPECT_EQ(
      std::get<MoveBlock>(edit_from_json({{"op", "move_block"}, {"block", "b1"}, {"to", 0}}, ""))
          .block,
      BlockId{"b1"});
  EXPECT_EQ(
      std::get<SelectItems>(edit_from_json({{"op", "select"}, {"block", "b1"}, {"items", {2}}}, ""))
          .items,
      std::vector<int>{2});
  EXPECT_EQ(
      std::get<AddItem>(edit_from_json({{"op", "add_item"}, {"block", "b1"}, {"text", "x"}}, ""))
          .text,
      "x");
  EXPECT_EQ(
      std::get<RemoveBlock>(edit_from_json({{"op", "remove_block"}, {"block", "b1"}}, "")).block,
      BlockId{"b1"});
  EXPECT_EQ(std::get<RemoveItem>(edit_from_json({{"op", "remove_item"}, {"item", "i1"}}, "")).item,
            ItemId{"i1"});
  EXPECT_EQ(
      std::get<TakeChange>(edit_from_json({{"op", "take_change"}, {"change", "k"}}, "")).change,
      "k");
  EXPECT_EQ(
      std::get<LeaveChange>(edit_from_json({{"op", "leave_change"}, {"change", "k"}}, "")).change,
      "k");
}

TEST(EditJson, AMalformedEditNamesItsPathAndField) {
  struct Case {
    Json edit;
    std::string field, message;
  };
  std::vector<Case> cases = {
      {Json::array(), "edits[3].op", "an edit must be an object with an \"op\""},
      {{{"block", "b1"}}, "edits[3].op", "missing field 'op'"},
      {{{"op", "explode"}}, "edits[3].op", "unknown edit 'explode'"},
      {{{"op", "set"}, {"field", "colour"}, {"value", "x"}},
       "edits[3].field",
       "field must be title, purpose, context, organisation or status, not 'colour'"},
      {{{"op", "set"}, {"field", "title"}}, "edits[3].value", "missing field 'value'"},
      {{{"op", "add_block"}, {"source", 5}}, "edits[3].source", "'source' must be a string"},
      {{{"op", "add_block"}, {"source", "x"}, {"items", {0}}},
       "edits[3].items",
       "'items' must hold positions 1, 2, ..."},
      {{{"op", "add_block"}, {"source", "x"}, {"items", "1,2"}},
       "edits[3].items",
       "'items' must be an array of positions"},
      {{{"op", "add_block"}, {"source", "x"}, {"at", -1}},
       "edits[3].at",
       "'at' must be a whole number of 0 or more"},
      {{{"op", "add_own_block"}, {"title", "t"}, {"items", {1}}},
       "edits[3].items",
       "'items' must be an array of texts"},
      {{{"op", "move_block"}, {"block", "b1"}}, "edits[3].to", "missing field 'to'"},
      {{{"op", "move_item"}, {"item", "i1"}, {"to", 1.5}},
       "edits[3].to",
       "'to' must be a whole number of 0 or more"},
      {{{"op", "set_block"}, {"block", "b1"}, {"weight", "10"}},
       "edits[3].weight",
       "'weight' must be a number or null"},
      {{{"op", "reword"}, {"item", "i1"}},
       "edits[3].text",
       "missing field 'text' (a string, or null)"},
      {{{"op", "remove_item"}, {"item", 7}}, "edits[3].item", "'item' must be a string"},
  };
  for (const auto& c : cases) {
    Error e = error_of([&] { edit_from_json(c.edit, "edits[3]"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << c.edit.dump();
    EXPECT_EQ(e.where().field, c.field) << c.edit.dump();
    EXPECT_EQ(e.message(), c.message) << c.edit.dump();
  }
  EXPECT_EQ(error_of([] { edit_from_json({{"op", 1}}, ""); }).where().field, "op");
}

TEST(EditJson, TheListOfEditsIsANonEmptyArrayOfAtMost500) {
  EXPECT_EQ(error_of([] { edits_from_json(Json::object()); }).where().field, "edits");
  EXPECT_EQ(error_of([] { edits_from_json(Json::array()); }).code(), ErrorCode::invalid_argument);
  Json many = Json::array();
  for (std::size_t i = 0; i <= kMaxEditsPerChange; ++i)
    many.push_back({{"op", "remove_block"}, {"block", "b1"}});
  EXPECT_EQ(error_of([&] { edits_from_json(many); }).code(), ErrorCode::too_large);
  many.erase(many.size() - 1);
  EXPECT_EQ(edits_from_json(many).size(), kMaxEditsPerChange);
  Json second_bad = Json::array({{{"op", "remove_block"}, {"block", "b1"}}, {{"op", "?"}}});
  EXPECT_EQ(error_of([&] { edits_from_json(second_bad); }).where().field, "edits[1].op");
}

TEST(EditIds, BlocksAndItemsAreToldApartByTheirIds) {
  EXPECT_EQ(parse_block_id("b3", "block"), BlockId{"b3"});
  EXPECT_EQ(parse_item_id("i12", "item"), ItemId{"i12"});
  EXPECT_TRUE(std::holds_alternative<BlockId>(parse_part_id("b1", "part")));
  EXPECT_TRUE(std::holds_alternative<ItemId>(parse_part_id("i1", "part")));
  // What a person may mistype: the other kind, no number, a number no function hands out.
  for (const char* bad :
       {"i3", "b", "b0", "b-1", "b+1", "b1x", "b 1", "b99999999999999", "B3", ""}) {
    Error e = error_of([&] { parse_block_id(bad, "block"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << bad;
    EXPECT_EQ(e.where().field, "block") << bad;
  }
  EXPECT_EQ(error_of([] { parse_item_id("b3", "item"); }).where().field, "item");
  EXPECT_EQ(error_of([] { parse_part_id("x3", "part"); }).where().field, "part");
  EXPECT_EQ(part_id_number("i2147483647"), std::optional<int>(2147483647));
  EXPECT_FALSE(part_id_number("i2147483648"));
}

/// The history lines typed edits give: the same text whichever front end built the edit.
class TypedEditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("f.db"));
    vakkaart::testing::import_bundled_sources(*store_);
    function_ = FunctionService(*store_).create({"Proef", "", "", "", true}, "");
  }
  std::string apply(const Edit& edit) { return apply_edit(*store_, function_, edit); }

  vakkaart::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  model::FunctionProfile function_;
};

TEST_F(TypedEditTest, HistoryLinesSayWhatChanged) {
  EXPECT_EQ(apply(SetBlock{BlockId{"b1"}, std::nullopt, BlockWeight(25.0), std::nullopt}),
            "set block b1: weight 25%");
  EXPECT_EQ(apply(SetBlock{BlockId{"b1"}, std::nullopt, BlockWeight(12.5), std::nullopt}),
            "set block b1: weight 12.5%");
  EXPECT_EQ(apply(SetBlock{BlockId{"b1"}, "Kern", BlockWeight(), std::nullopt}),
            "set block b1: title \"Kern\", no weight");
  EXPECT_EQ(apply(SetField{FunctionField::purpose, "Doel"}), "set purpose to \"Doel\"");
  // A long quote is cut at 60 bytes, never inside a character ("é" is two bytes at 59-60).
  std::string title = std::string(59, 'a') + "é" + "zzz";
  EXPECT_EQ(apply(SetField{FunctionField::title, title}),
            "set title to \"" + std::string(59, 'a') + "…\"");
  std::string next = "b" + std::to_string(function_.next_id);
  EXPECT_EQ(apply(AddOwnBlock{"Eigen taken", "", {"Beheert de sleutels"}, 0}),
            "wrote block " + next + " \"Eigen taken\"");
  EXPECT_EQ(function_.blocks.front().title, "Eigen taken");  // placed first
}

TEST_F(TypedEditTest, TheLibraryKeepsItsRulesForEveryFrontEnd) {
  Error range = error_of([&] {
    apply(SetBlock{BlockId{"b1"}, std::nullopt, BlockWeight(101.0), std::nullopt});
  });
  EXPECT_EQ(range.where().field, "weight");
  EXPECT_EQ(error_of([&] { apply(RemoveBlock{BlockId{"b404"}}); }).code(), ErrorCode::not_found);
  EXPECT_EQ(error_of([&] { apply(Reword{ItemId{"i404"}, "x"}); }).where().field, "item");
  EXPECT_EQ(error_of([&] { apply(MoveBlock{BlockId{"b1"}, 5}); }).where().field, "to");
  EXPECT_EQ(error_of([&] {
              apply(SetField{FunctionField::status, "klaar"});
            })
                .where()
                .field,
            "value");
  EXPECT_EQ(error_of([&] {
              apply(AddItem{BlockId{"b1"}, std::string(kMaxItemChars + 1, 'x'), {}});
            }).code(),
            ErrorCode::too_large);
}

}  // namespace
}  // namespace vakkaart::compose
