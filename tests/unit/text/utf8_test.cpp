#include "text/utf8.h"

#include <gtest/gtest.h>

namespace vakkaart::text {
namespace {

TEST(Utf8, DecodesEachLengthAndAdvancesOverIllFormedBytes) {
  const std::string s = "a\xC3\xAB\xE2\x82\xAC\xF0\x9F\x98\x80";  // a ë € 😀
  EXPECT_EQ(decode_utf8(s, 0).value, U'a');
  EXPECT_EQ(decode_utf8(s, 1).value, U'\u00EB');
  EXPECT_EQ(decode_utf8(s, 1).length, 2u);
  EXPECT_EQ(decode_utf8(s, 3).value, U'\u20AC');
  EXPECT_EQ(decode_utf8(s, 6).value, U'\U0001F600');
  EXPECT_EQ(decode_utf8(s, 6).length, 4u);
  const std::string bad = "\xFF\xC3";
  EXPECT_FALSE(decode_utf8(bad, 0).valid);
  EXPECT_EQ(decode_utf8(bad, 0).length, 1u);
  EXPECT_FALSE(decode_utf8(bad, 1).valid);  // truncated sequence at the end
  EXPECT_EQ(decode_utf8(bad, 1).length, 1u);
}

TEST(Utf8, ValidatesAndFindsTheFirstBadByte) {
  EXPECT_TRUE(is_valid_utf8("vrijwilligers co\xC3\xB6rdineren"));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_EQ(first_invalid_utf8("abc\xFFxyz"), 3u);
  EXPECT_EQ(first_invalid_utf8("abc"), std::string_view::npos);
}

TEST(Utf8, EncodesAndReplacesWhatIsNoCodePoint) {
  std::string out;
  append_utf8(out, U'\u00EB');
  append_utf8(out, U'\U0001F600');
  append_utf8(out, 0xD800);
  EXPECT_EQ(out, "\xC3\xAB\xF0\x9F\x98\x80\xEF\xBF\xBD");
}

TEST(Utf8, FindsAndDropsCharactersNoDocumentCanCarry) {
  EXPECT_FALSE(is_forbidden_in_text(U'\t'));
  EXPECT_FALSE(is_forbidden_in_text(U'\n'));
  EXPECT_FALSE(is_forbidden_in_text(U'\u00EB'));
  EXPECT_FALSE(is_forbidden_in_text(U'\uFFFD'));
  EXPECT_FALSE(is_forbidden_in_text(U'\U0001F600'));
  EXPECT_TRUE(is_forbidden_in_text(0));
  EXPECT_TRUE(is_forbidden_in_text(0x1B));
  EXPECT_TRUE(is_forbidden_in_text(0x7F));
  EXPECT_TRUE(is_forbidden_in_text(0x85));
  EXPECT_TRUE(is_forbidden_in_text(0xFDD0));
  EXPECT_TRUE(is_forbidden_in_text(0xFFFE));
  EXPECT_TRUE(is_forbidden_in_text(0xFFFF));
  EXPECT_TRUE(is_forbidden_in_text(0x10FFFF));
  // "T", U+FFFE, "x"; then a NUL after "ë".
  EXPECT_EQ(first_forbidden_character("T\xEF\xBF\xBEx"), 1u);
  EXPECT_EQ(first_forbidden_character(std::string("\xC3\xAB\0z", 4)), 2u);
  EXPECT_EQ(first_forbidden_character("co\xC3\xB6rdineren\tmet\r\n"), std::string_view::npos);
  EXPECT_EQ(without_forbidden_characters("T\xEF\xBF\xBEx\x01y\xEF\xB7\x90z"), "Txyz");
  EXPECT_EQ(without_forbidden_characters("a\xFF"
                                         "b\tc"),
            "a\xEF\xBF\xBD"
            "b\tc");
}

TEST(Utf8, CountsAndCutsOnCodePointBoundaries) {
  const std::string s = "\xC3\xAB\xC3\xAB\xC3\xAB";  // ëëë
  EXPECT_EQ(count_code_points(s), 3u);
  EXPECT_EQ(truncate_utf8(s, 3), "\xC3\xAB");
  EXPECT_EQ(truncate_utf8(s, 4), "\xC3\xAB\xC3\xAB");
  EXPECT_EQ(truncate_utf8(s, 10), s);
  EXPECT_EQ(floor_code_point_boundary(s, 1), 0u);
}

}  // namespace
}  // namespace vakkaart::text
