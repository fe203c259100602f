// A framework as an XLSX workbook (exchange/framework_xlsx, libxlsxwriter) read back by
// sources/xlsx_sheet (libzip + pugixml): the same cells, the same framework; bad workbooks are
// refused naming the cell.
#include <zip.h>

#include <gtest/gtest.h>

#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "exchange/framework_xlsx.h"
#include "sources/format.h"
#include "sources/source_file.h"
#include "sources/xlsx_sheet.h"
#include "unit/support/sample_documents.h"

namespace vakkaart::exchange {
namespace {

model::Framework xlsx_bundled_framework() {
  std::string path = std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt";
  auto text = sources::read_source_file(path);
  auto parsed = sources::parse_document(text.text, sources::Format::sociare_note, path);
  return std::get<model::Framework>(parsed.documents.at(0));
}

/// A workbook of our own making: the given sheet XML and shared strings in a zip.
std::string xlsx_zip(const std::string& sheet, const std::string& shared) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  auto add = [&](const char* name, const std::string& text) {
    char* copy = static_cast<char*>(malloc(text.size()));
    memcpy(copy, text.data(), text.size());
    zip_file_add(z, name, zip_source_buffer(z, copy, text.size(), 1), 0);
  };
  add("xl/workbook.xml", "<workbook><sheets><sheet name=\"a\"/></sheets></workbook>");
  add("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + sheet + "</sheetData></worksheet>");
  if (!shared.empty())
    add("xl/sharedStrings.xml", "<sst>" + shared + "</sst>");
  zip_close(z);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  auto size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

const std::string kXlsxHeader =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>path</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t>kind</t></is></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>provenance</t></is></c>"
    "<c r=\"D1\" t=\"inlineStr\"><is><t>weight</t></is></c>"
    "<c r=\"E1\" t=\"inlineStr\"><is><t>wording</t></is></c></row>";

TEST(FrameworkXlsx, RoundTripGivesTheSameCellsAndFramework) {
  model::Framework f = xlsx_bundled_framework();
  auto rows = framework_to_rows(f);
  std::string xlsx = rows_to_xlsx(rows);
  EXPECT_EQ(sources::detect_format(xlsx, "f.xlsx"), sources::Format::sheet_xlsx);
  auto cells = sources::read_xlsx_first_sheet(xlsx, "f.xlsx");
  ASSERT_EQ(cells.size(), rows.size() + 1);
  EXPECT_EQ(cells[3].number, 4u);
  auto parsed = sources::parse_document(xlsx, sources::Format::sheet_xlsx, "f.xlsx");
  model::Framework back = std::get<model::Framework>(parsed.documents.at(0));
  EXPECT_EQ(back, f);
  EXPECT_EQ(sources::read_xlsx_first_sheet(rows_to_xlsx(framework_to_rows(back)), "g.xlsx").size(),
            cells.size());
  for (std::size_t i = 1; i < cells.size(); ++i) {
    cells[i].cells.resize(5);
    EXPECT_EQ(cells[i].cells[4], rows[i - 1].wording);
  }
}

TEST(FrameworkXlsx, ACharacterXmlCannotCarryIsLeftOutNotAnUnreadableWorkbook) {
  // A source is stored as written, U+FFFE included; written raw into sharedStrings.xml it made
  // a workbook Excel refuses (and this reader too).
  auto rows = framework_to_rows(xlsx_bundled_framework());
  const std::string wording = rows[3].wording;
  rows[3].wording = wording.substr(0, 4) + "\xEF\xBF\xBE" + wording.substr(4) + "\x01";
  const auto cells = sources::read_xlsx_first_sheet(rows_to_xlsx(rows), "f.xlsx");
  ASSERT_GT(cells.size(), 4u);
  ASSERT_GT(cells[4].cells.size(), 4u);
  EXPECT_EQ(cells[4].cells[4], wording);
}

TEST(FrameworkXlsx, ReadsSharedRichAndInlineStringsAndSkipsEmptyRows) {
  std::string sheet = kXlsxHeader +
                      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v>"
                      "</c><c r=\"E2\" t=\"s\"><v>2</v></c></row><row r=\"3\"/>"
                      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>l</t></is></c>"
                      "<c r=\"B5\" t=\"inlineStr\"><is><t>layer</t></is></c>"
                      "<c r=\"E5\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> L_x000D_ </t>"
                      "</is></c></row>";
  std::string shared =
      "<si><t>fw</t></si><si><t>framework</t></si>"
      "<si><r><t>Een </t></r><r><t>kader</t></r><rPh><t>x</t></rPh></si>";
  auto rows = sources::read_xlsx_first_sheet(xlsx_zip(sheet, shared), "t.xlsx");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells[4], "Een kader");
  EXPECT_EQ(rows[2].number, 5u);
  EXPECT_EQ(rows[2].cells[4], " L\n ");  // _x000D_ is a CR, which becomes LF
}

void xlsx_expect_error(const std::string& sheet, const std::string& shared, int row,
                       const std::string& field) {
  try {
    sources::parse_framework_xlsx(xlsx_zip(sheet, shared), "bad.xlsx");
    FAIL() << "no error for: " << sheet;
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "bad.xlsx") << e.what();
    EXPECT_EQ(e.where().line, row) << e.what();
    EXPECT_EQ(e.where().field, field) << e.what();
  }
}

TEST(FrameworkXlsx, BadWorkbooksNameTheCell) {
  const std::string fw =
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>fw</t></is></c><c r=\"B2\" "
      "t=\"inlineStr\"><is><t>framework</t></is></c><c r=\"E2\" t=\"inlineStr\"><is><t>F</t>"
      "</is></c></row>";
  xlsx_expect_error(kXlsxHeader + fw +
                        "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>x</t>"
                        "</is></c></row>",
                    "", 3, "cell B3 (kind)");
  xlsx_expect_error(kXlsxHeader + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>", "", 2,
                    "xl/worksheets/sheet1.xml cell A2");
  // Columns A-G are read (two translation columns); text right of the header's last one is
  // refused, a cell beyond G by the reader.
  xlsx_expect_error(kXlsxHeader + "<row r=\"2\"><c r=\"G2\"><v>1</v></c></row>", "", 2, "cell G2");
  xlsx_expect_error(kXlsxHeader + "<row r=\"2\"><c r=\"H2\"><v>1</v></c></row>", "", 2,
                    "xl/worksheets/sheet1.xml cell H2");
  xlsx_expect_error(kXlsxHeader +
                        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>\xff</t>"
                        "</is></c></row>",
                    "", 2, "xl/worksheets/sheet1.xml cell A2");
  xlsx_expect_error("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", "", 1, "cell A1");
  EXPECT_THROW(sources::read_xlsx_first_sheet("PK\x03\x04 not a zip", "z.xlsx"), Error);
}

TEST(FrameworkXlsx, APartBeyondTheLimitIsRefused) {
  std::string sheet = kXlsxHeader;
  for (int i = 2; i < 400; ++i)
    sheet += "<row r=\"" + std::to_string(i) + "\"><c t=\"inlineStr\"><is><t>" +
             std::string(100, 'a') + "</t></is></c></row>";
  sources::XlsxLimits limits;
  limits.max_part_bytes = 20000;
  try {
    sources::read_xlsx_first_sheet(xlsx_zip(sheet, ""), "big.xlsx", limits);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::too_large);
  }
  limits = {};
  limits.max_rows = 10;
  EXPECT_THROW(sources::read_xlsx_first_sheet(xlsx_zip(sheet, ""), "many.xlsx", limits), Error);
}

TEST(FrameworkXlsx, TranslationColumnsRoundTrip) {
  model::Framework f = testing::labelled_framework();
  std::string xlsx = rows_to_xlsx(framework_to_rows(f));
  auto cells = sources::read_xlsx_first_sheet(xlsx, "f.xlsx");
  ASSERT_FALSE(cells.empty());
  EXPECT_EQ(cells[0].cells, (std::vector<std::string>{"path", "kind", "provenance", "weight",
                                                      "wording", "wording_en", "wording_fr"}));
  auto parsed = sources::parse_document(xlsx, sources::Format::sheet_xlsx, "f.xlsx");
  EXPECT_EQ(std::get<model::Framework>(parsed.documents.at(0)), f);
}

}  // namespace
}  // namespace vakkaart::exchange
