#include "search/query_parser.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace vakkaart::search {
namespace {

TEST(QueryParser, WordsPhrasesPrefixesAndOperators) {
  const auto q =
      parse_query("vrijwilligers \"sociale verkiezingen\" begeleid* AND overleg NOT pers -media");
  ASSERT_EQ(q.items.size(), 6u);
  EXPECT_EQ(q.items[0].kind, QueryItem::Kind::words);
  EXPECT_EQ(q.items[1].kind, QueryItem::Kind::phrase);
  EXPECT_EQ(q.items[1].text, "sociale verkiezingen");
  EXPECT_EQ(q.items[2].kind, QueryItem::Kind::prefix);
  EXPECT_EQ(q.items[2].text, "begeleid");
  EXPECT_EQ(q.items[2].mode, QueryItem::Mode::required);  // left of AND
  EXPECT_EQ(q.items[3].mode, QueryItem::Mode::required);  // right of AND
  EXPECT_EQ(q.items[4].mode, QueryItem::Mode::excluded);
  EXPECT_EQ(q.items[5].mode, QueryItem::Mode::excluded);
  EXPECT_TRUE(q.notes.empty());
}

TEST(QueryParser, FiltersWithDutchAndEnglishKeys) {
  const auto q = parse_query("beleid profiel:campagnewerker level:5 bk:\"BK-0338\"");
  ASSERT_EQ(q.filters.size(), 3u);
  EXPECT_EQ(q.filters[0], (std::pair<std::string, std::string>{"profile", "campagnewerker"}));
  EXPECT_EQ(q.filters[1], (std::pair<std::string, std::string>{"level", "5"}));
  EXPECT_EQ(q.filters[2], (std::pair<std::string, std::string>{"bk", "BK-0338"}));
  EXPECT_THROW(parse_query("beleid kleur:rood"), Error);
  // A colon after something that is no key is just text.
  EXPECT_TRUE(parse_query("om 10:30").filters.empty());
}

TEST(QueryParser, RepairsWhatItCan) {
  const auto open = parse_query("\"niet gesloten");
  ASSERT_EQ(open.items.size(), 1u);
  EXPECT_EQ(open.items[0].text, "niet gesloten");
  EXPECT_EQ(open.notes.size(), 1u);
  const std::string huge(10000, 'a');
  const auto cut = parse_query(huge);
  EXPECT_LE(cut.items[0].text.size(), kMaxQueryBytes);
  EXPECT_FALSE(cut.notes.empty());
  std::string many;
  for (int i = 0; i < 100; ++i)
    many += "woord" + std::to_string(i) + " ";
  EXPECT_EQ(parse_query(many).items.size(), kMaxQueryItems);
  EXPECT_TRUE(parse_query("   ").items.empty());
  EXPECT_TRUE(parse_query("*").items.empty());
  // A prefix needs three letters (code points, so "éé*" is two); "beg*" is fine.
  for (const char* short_prefix : {"a*", "be*", "-be*", "\xc3\xa9\xc3\xa9*"}) {
    try {
      parse_query(short_prefix);
      ADD_FAILURE() << short_prefix;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
      EXPECT_EQ(e.where().field, "q");
      EXPECT_NE(e.message().find("at least 3 letters"), std::string::npos) << e.message();
    }
  }
  EXPECT_EQ(parse_query("beg*").items.at(0).kind, QueryItem::Kind::prefix);
}

}  // namespace
}  // namespace vakkaart::search
