// What a spreadsheet changes against the stored framework (exchange/sheet_changes).
#include <gtest/gtest.h>

#include "exchange/sheet_changes.h"

namespace vakkaart::exchange {
namespace {

TEST(SheetChanges, ChangedAddedAndRemovedRowsByKindAndPath) {
  std::vector<sources::SheetRow> before = {{"fw", "framework", "", "", "Kader", 0},
                                           {"p", "profile", "", "", "Profiel", 0},
                                           {"p", "definition", "", "", "Oud", 0},
                                           {"p/c/1/1", "activity", "", "", "Weg", 0}};
  std::vector<sources::SheetRow> after = {{"fw", "framework", "", "", "Kader", 2},
                                          {"p", "profile", "", "", "Profiel", 3},
                                          {"p", "definition", "", "", "Nieuw", 4},
                                          {"p/c/1/2", "activity", "", "", "Erbij", 5}};
  auto changes = compare_sheet_rows(before, after);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].kind, SheetChange::Kind::changed);
  EXPECT_EQ(changes[0].row_kind, "definition");
  EXPECT_EQ(changes[0].before, "Oud");
  EXPECT_EQ(changes[0].after, "Nieuw");
  EXPECT_EQ(changes[0].line, 4u);
  EXPECT_EQ(changes[1].kind, SheetChange::Kind::added);
  EXPECT_EQ(changes[1].path, "p/c/1/2");
  EXPECT_EQ(changes[2].kind, SheetChange::Kind::removed);
  EXPECT_EQ(changes[2].before, "Weg");
  EXPECT_TRUE(compare_sheet_rows(before, before).empty());
}

TEST(SheetChanges, LabelsAddedChangedAndEmptiedAreChangesInTheirLanguage) {
  std::vector<sources::SheetRow> before = {
      {"fw", "framework", "", "", "Kader", 0, {{"en", "Framework"}}},
      {"p", "profile", "", "", "Profiel", 0, {{"en", "Profile"}, {"fr", "Profil"}}}};
  std::vector<sources::SheetRow> after = {
      {"fw", "framework", "", "", "Kader", 2, {{"en", "Frame"}, {"fr", "Cadre"}}},
      {"p", "profile", "", "", "Profiel", 3}};
  auto changes = compare_sheet_rows(before, after);
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].language, "en");
  EXPECT_EQ(changes[0].before, "Framework");
  EXPECT_EQ(changes[0].after, "Frame");
  EXPECT_EQ(changes[1].language, "fr");
  EXPECT_EQ(changes[1].before, "");
  EXPECT_EQ(changes[1].after, "Cadre");
  EXPECT_EQ(changes[2].path, "p");
  EXPECT_EQ(changes[2].language, "en");
  EXPECT_EQ(changes[2].after, "");
  EXPECT_EQ(changes[3].language, "fr");
  EXPECT_EQ(changes[3].line, 3u);
}

}  // namespace
}  // namespace vakkaart::exchange
