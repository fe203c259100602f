// CSV fields (core/csv_cell): quoting, and the apostrophe before a cell a spreadsheet program
// would run as a formula, which the readers take off again.
#include "core/csv_cell.h"

#include <gtest/gtest.h>

namespace vakkaart {
namespace {

std::string field(std::string_view cell) {
  std::string out;
  append_csv_field(out, cell);
  return out;
}

TEST(CsvCell, QuotesWhatRfc4180AndSpreadsheetsNeed) {
  EXPECT_EQ(field("plain text"), "plain text");
  EXPECT_EQ(field("a, b"), "\"a, b\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field(" padded "), "\" padded \"");
  EXPECT_EQ(field(""), "");
}

TEST(CsvCell, AFormulaIsWrittenAsText) {
  EXPECT_EQ(field("=HYPERLINK(\"http://x\",\"klik\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"");
  EXPECT_EQ(field("+32 2 123"), "'+32 2 123");
  EXPECT_EQ(field("-1"), "'-1");
  EXPECT_EQ(field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(field("\tcmd"), "'\tcmd");
  // Not at the start: no formula.
  EXPECT_EQ(field("a=b"), "a=b");
  EXPECT_EQ(field("'quoted'"), "'quoted'");
}

TEST(CsvCell, GuardAndUnguardAreInverse) {
  for (std::string cell : {"", "'", "''", "=1+1", "'=1+1", "''=1+1", "-", "'-", "'abc", "abc", "@",
                           "\r", "x=1", "'''"}) {
    EXPECT_EQ(unguard_csv_cell(guard_csv_cell(cell)), cell) << cell;
  }
  // A cell typed by hand with one apostrophe before text keeps it: only our guard is taken off.
  EXPECT_EQ(unguard_csv_cell("'abc"), "'abc");
  EXPECT_EQ(unguard_csv_cell("'=1+1"), "=1+1");
}

}  // namespace
}  // namespace vakkaart
