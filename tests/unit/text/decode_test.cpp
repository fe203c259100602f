#include "text/decode.h"

#include <string>

#include <gtest/gtest.h>

#include "core/error.h"

namespace vakkaart::text {
namespace {

Error decode_error(std::string_view bytes, DecodePolicy policy) {
  try {
    decode_text(bytes, "in.txt", policy);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no Error thrown";
  return Error(ErrorCode::internal, "none");
}

TEST(Decode, Utf8WithBomAndCrlfBecomesLfNfc) {
  const DecodedText d = decode_text(
      "\xEF\xBB\xBF"
      "Cre\x65\xCC\x88"
      "ert\r\nlijn twee\rlijn drie\n",
      "in.txt", {});
  EXPECT_EQ(d.text, "Creëert\nlijn twee\nlijn drie\n");
  EXPECT_FALSE(d.converted_from_windows_1252);
}

TEST(Decode, Windows1252OnlyWhenThePolicyAllowsIt) {
  const std::string latin = "Je werkt in een caf\xE9.\n\x93mandaat\x94";
  const DecodedText d = decode_text(latin, "in.txt", {.allow_windows_1252 = true});
  EXPECT_EQ(d.text, "Je werkt in een café.\n“mandaat”");
  EXPECT_TRUE(d.converted_from_windows_1252);

  const Error e = decode_error("eerste\ntweede caf\xE9", {.allow_windows_1252 = false});
  EXPECT_EQ(e.code(), ErrorCode::encoding_error);
  EXPECT_EQ(e.where().file, "in.txt");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_NE(e.message().find("0xE9"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("column 11 of line 2"), std::string::npos) << e.message();
}

TEST(Decode, RefusesUtf16AndBinaryUnderEitherPolicy) {
  for (const bool windows : {false, true}) {
    const Error utf16 = decode_error(std::string("\xFF\xFEV\0", 4), {windows});
    EXPECT_EQ(utf16.code(), ErrorCode::encoding_error);
    EXPECT_NE(utf16.message().find("UTF-16"), std::string::npos);
    const Error nul = decode_error(std::string("ab\ncd\0", 6), {windows});
    EXPECT_EQ(nul.code(), ErrorCode::encoding_error);
    EXPECT_EQ(nul.where().line, 2);
    EXPECT_NE(nul.message().find("binary"), std::string::npos);
    const Error control = decode_error(std::string(100, '\x01'), {windows});
    EXPECT_NE(control.message().find("binary"), std::string::npos);
  }
}

}  // namespace
}  // namespace vakkaart::text
