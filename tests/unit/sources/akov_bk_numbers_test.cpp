// Digit runs of the AKOV layout too long for an int are a parse error at their line, never an
// std::out_of_range escaping as an internal error.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "sources/akov_bk.h"
#include "sources/source_file.h"

namespace vakkaart::sources {
namespace {

std::string akov_numbers_bk() {
  return read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
      .text;
}

void expect_akov_number_error(const std::string& text, int line, const std::string& field) {
  try {
    (void)parse_akov_bk(text, "bk.txt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_EQ(e.where().file, "bk.txt");
    EXPECT_EQ(e.where().line, line);
    EXPECT_EQ(e.where().field, field);
    EXPECT_NE(e.message().find("number out of range"), std::string::npos) << e.message();
  }
}

std::string akov_replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(AkovBkNumbers, OverlongNumbersAreParseErrorsAtTheirLine) {
  const std::string bk = akov_numbers_bk();
  const std::string huge(40, '9');
  expect_akov_number_error(akov_replace(bk, "BK-0338-3\n", "BK-0338-" + huge + "\n"), 4, "version");
  expect_akov_number_error(akov_replace(bk, "Competentie 1:", "Competentie " + huge + ":"), 29,
                           "competence");
  expect_akov_number_error(akov_replace(bk, "versie 3, 2020", "versie " + huge + ", 2020"), 23,
                           "recognition");
}

}  // namespace
}  // namespace vakkaart::sources
