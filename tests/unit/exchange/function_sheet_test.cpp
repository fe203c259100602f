// A function profile as sheet rows (exchange/function_sheet) and back
// (exchange/function_sheet_reader): CSV and XLSX give back exactly the function, the same bytes
// on a second export; bad sheets are refused naming the row and the column.
#include <gtest/gtest.h>

#include "core/error.h"
#include "core/json.h"
#include "exchange/framework_xlsx.h"
#include "exchange/function_sheet.h"
#include "exchange/function_sheet_reader.h"
#include "exchange/sheet_csv.h"
#include "exports/function_json.h"

namespace vakkaart::exchange {
namespace {

/// Every shape a function's fields take: own and sourced blocks, taken, reworded and own
/// items, statement details, decided changes, texts a CSV must quote.
model::FunctionProfile sheet_function() {
  model::FunctionProfile f;
  f.id = "coordinator-vrijwilligers";
  f.organisation = "Vzw \"De Brug\", Gent";
  f.title = "Coördinator vrijwilligers";
  f.purpose = "Zorgt dat vrijwilligers\nzich thuis voelen";
  f.context = " begint met een spatie";
  f.status = model::FunctionStatus::final;
  f.version = 7;
  f.created = "2026-12-04T18:23:16Z";
  f.updated = "2026-12-05T08:00:00Z";
  f.framework_id = "sociare-2016";
  f.next_id = 20;

  model::FunctionBlock taken;
  taken.id = "b1";
  taken.layer_id = "kernactiviteiten";
  taken.cluster_id = "afwegen-kiezen-ontwerpen";
  taken.title = "Ontwerpt een project";
  taken.weight = 12.5;
  model::BlockSource s;
  s.kind = model::SourceKind::profile;
  s.ref = "gemeenschapswerker:afwegen-kiezen-ontwerpen:1";
  s.item_id = "gemeenschapswerker";
  s.item_title = "Gemeenschapswerker";
  s.framework_id = "sociare-2016";
  s.cluster_id = "afwegen-kiezen-ontwerpen";
  s.position = 1;
  s.title = "";
  s.version = "fnv1a:55a3bdfd9d18c9ed";
  s.statements = {{"Analyseert de vraag", "activity", ""},
                  {"Bevraagt de buurt, de partners", "sub_activity", ""},
                  {"Leest plannen", "activity", ""}};
  taken.source = s;
  taken.items = {
      {"i2", "activity", "Analyseert de vraag", 1, std::nullopt},
      {"i3", "sub_activity", "Bevraagt de buurt, de partners", 2, "Bevraagt \"de\" buurt"},
      {"i4", "own", "", 0, "Eigen zin"},
      {"i5", "own", "vroeger", 0, "Eigen zin 2"},
      {"i6", "own", "zonder wording", 0, std::nullopt},
      {"i7", "activity", "", 3, ""}};
  taken.decided_changes = {"changed:1:abc", "removed:2"};

  model::FunctionBlock competence;
  competence.id = "b8";
  competence.layer_id = "lerende-professional";
  competence.cluster_id = "";
  competence.title = "Competentie 4";
  model::BlockSource q;
  q.kind = model::SourceKind::qualification;
  q.ref = "BK-0338-3:4";
  q.item_id = "BK-0338-3";
  q.item_title = "Syndicaal deskundige";
  q.position = 4;
  q.title = "Werkt samen";
  q.version = "3";
  q.statements = {{"Overlegt", "competence_activity", "B"}, {"Wetgeving", "knowledge", "a/b"}};
  competence.source = q;
  competence.items = {{"i9", "knowledge", "Wetgeving", 2, std::nullopt}};

  model::FunctionBlock own;
  own.id = "b10";
  own.title = "Eigen blok";
  own.weight = 30;
  own.items = {{"i11", "own", "", 0, "=SOM(A1)"}};

  f.blocks = {taken, competence, own, {"b12", "", "", "", std::nullopt, 0.1, {}, {}}};
  return f;
}

std::string canonical(const model::FunctionProfile& f) {
  return vakkaart::dump_canonical(exports::function_to_json(f));
}

TEST(FunctionSheet, CsvRoundTripIsExact) {
  const auto f = sheet_function();
  const std::string csv = function_to_sheet(f, SheetFormat::csv);
  const auto back = parse_function_csv(csv, "f.csv");
  EXPECT_EQ(back, f);
  EXPECT_EQ(canonical(back), canonical(f));
  EXPECT_EQ(function_to_sheet(back, SheetFormat::csv), csv);
}

TEST(FunctionSheet, XlsxRoundTripIsExact) {
  const auto f = sheet_function();
  const auto back = parse_function_xlsx(function_to_sheet(f, SheetFormat::xlsx), "f.xlsx");
  EXPECT_EQ(back, f);
  EXPECT_EQ(function_to_sheet(back, SheetFormat::csv), function_to_sheet(f, SheetFormat::csv));
}

TEST(FunctionSheet, ReadFunctionSheetTellsFormatsApart) {
  const auto f = sheet_function();
  EXPECT_EQ(read_function_sheet(function_to_sheet(f, SheetFormat::csv), "f.csv"), f);
  EXPECT_EQ(read_function_sheet(function_to_sheet(f, SheetFormat::xlsx), "f.xlsx"), f);
  EXPECT_FALSE(read_function_sheet(canonical(f), "f.json").has_value());
  // A damaged workbook is refused as a workbook, by its signature or its name, not read as JSON.
  const std::string xlsx = function_to_sheet(f, SheetFormat::xlsx);
  for (const auto& [bytes, name] :
       {std::pair{xlsx.substr(0, xlsx.size() / 2), std::string("f.bin")},
        std::pair{std::string("not a zip at all"), std::string("F.XLSX")}}) {
    try {
      read_function_sheet(bytes, name);
      ADD_FAILURE() << name;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("XLSX"), std::string::npos) << e.what();
    }
  }
}

TEST(FunctionSheet, RowsCarryPathProvenanceWeightAndWording) {
  const auto rows = function_to_rows(sheet_function());
  ASSERT_GE(rows.size(), 12u);
  EXPECT_EQ(rows[0], (sources::SheetRow{"coordinator-vrijwilligers", "function", "", "",
                                        "Coördinator vrijwilligers"}));
  auto find = [&](const std::string& kind, const std::string& path) {
    for (const auto& r : rows)
      if (r.kind == kind && r.path == path)
        return r;
    ADD_FAILURE() << "no " << kind << " row at " << path;
    return sources::SheetRow{};
  };
  const std::string b1 = "coordinator-vrijwilligers/b1";
  EXPECT_EQ(find("block", b1).provenance, "gemeenschapswerker:afwegen-kiezen-ontwerpen:1");
  EXPECT_EQ(find("block", b1).weight, "12.5");
  EXPECT_EQ(find("block", "coordinator-vrijwilligers/b10").provenance, "own");
  EXPECT_EQ(find("block", "coordinator-vrijwilligers/b10").weight, "30");
  EXPECT_EQ(find("activity", b1 + "/i2").provenance,
            "gemeenschapswerker:afwegen-kiezen-ontwerpen:1#1");
  EXPECT_EQ(find("sub_activity", b1 + "/i3").provenance,
            "gemeenschapswerker:afwegen-kiezen-ontwerpen:1#2 edited");
  EXPECT_EQ(find("sub_activity", b1 + "/i3").wording, "Bevraagt \"de\" buurt");
  EXPECT_EQ(find("original", b1 + "/i3").wording, "Bevraagt de buurt, de partners");
  EXPECT_EQ(find("own", b1 + "/i4").provenance, "own");
  EXPECT_EQ(find("own", b1 + "/i6").provenance, "own unedited");
  EXPECT_EQ(find("placement", "coordinator-vrijwilligers/b8").wording, "lerende-professional/");
  EXPECT_EQ(find("source_statement", "coordinator-vrijwilligers/b8/s2").provenance,
            "knowledge/a/b");
}

/// The function's CSV with `from` replaced by `to` once.
std::string edited_csv(const std::string& from, const std::string& to) {
  std::string csv = function_to_sheet(sheet_function(), SheetFormat::csv);
  auto at = csv.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return csv.replace(at, from.size(), to);
}

void expect_sheet_error(const std::string& csv, const std::string& where,
                        const std::string& message) {
  try {
    parse_function_csv(csv, "f.csv");
    ADD_FAILURE() << "no error; expected " << message;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << std::string(e.what());
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << std::string(e.what());
  }
}

TEST(FunctionSheet, ErrorsNameTheRowAndColumn) {
  expect_sheet_error(edited_csv(",function,", ",framework,"), "f.csv:2: column kind",
                     "the first row must be the function's");
  expect_sheet_error(edited_csv(",placement,", ",plaatsing,"), "column kind",
                     "an unknown kind \"plaatsing\"");
  expect_sheet_error(edited_csv(",12.5,", ",veel,"), "column weight", "the weight is a number");
  expect_sheet_error(edited_csv(",status,,,final", ",status,,,klaar"), "column wording",
                     "draft or final");
  expect_sheet_error(edited_csv("b1/i2,activity", "b9/i2,activity"), "column path",
                     "names the block \"b9\"");
  expect_sheet_error(edited_csv(",original,", ",own,"), "column kind",
                     "followed by its \"original\" row");
  expect_sheet_error(edited_csv(",next_id,,,20", ",next_id,,,twintig"), "column wording",
                     "a whole number");
  expect_sheet_error(edited_csv(":1#1,", ":2#1,"), "column provenance", "is not its block's");
  expect_sheet_error(edited_csv("/s2,", "/s3,"), "column path", "expected s2");
}

TEST(FunctionSheet, AMissingFieldRowIsNamed) {
  std::string csv = function_to_sheet(sheet_function(), SheetFormat::csv);
  const std::string row = "coordinator-vrijwilligers,updated,,,2026-12-05T08:00:00Z\r\n";
  csv.erase(csv.find(row), row.size());
  expect_sheet_error(csv, "f.csv:2", "the function has no \"updated\" row");
}

TEST(FunctionSheet, TranslationsAreRefused) {
  auto rows = function_to_rows(sheet_function());
  rows[0].labels["en"] = "Volunteer coordinator";
  try {
    function_from_rows(rows, "f.csv");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("column wording_en"), std::string::npos)
        << std::string(e.what());
  }
}

TEST(FunctionSheet, XlsxErrorsNameTheCell) {
  auto rows = function_to_rows(sheet_function());
  rows[4].kind = "doel";
  try {
    parse_function_xlsx(rows_to_xlsx(rows), "f.xlsx");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cell B6 (kind)"), std::string::npos)
        << std::string(e.what());
  }
}

TEST(FunctionSheet, ASheetOverTheSizeLimitIsRefusedBeforeReading) {
  const std::string big(sources::kMaxSheetBytes + 1, ',');
  for (auto* read : {&parse_function_csv, &parse_function_xlsx}) {
    try {
      read(big, "big.csv");
      ADD_FAILURE();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::too_large);
    }
  }
}

TEST(FunctionSheet, MediaTypesNameTheFormats) {
  EXPECT_EQ(sheet_format_from_media("text/csv"), SheetFormat::csv);
  EXPECT_EQ(
      sheet_format_from_media("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      SheetFormat::xlsx);
  EXPECT_EQ(sheet_media_type(SheetFormat::csv), std::string("text/csv; charset=utf-8"));
  EXPECT_FALSE(sheet_format_from_media("text/plain").has_value());
  EXPECT_FALSE(sheet_format_from_media("application/json").has_value());
  EXPECT_EQ(sheet_format_from_name("xlsx"), SheetFormat::xlsx);
  EXPECT_FALSE(sheet_format_from_name("ods").has_value());
}

TEST(FunctionSheet, AnIdWithASlashIsNotExported) {
  auto f = sheet_function();
  f.blocks[0].items[0].id = "i/2";
  EXPECT_THROW(function_to_rows(f), Error);
}

}  // namespace
}  // namespace vakkaart::exchange
