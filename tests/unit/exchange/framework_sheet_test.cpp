// A framework as spreadsheet rows and CSV (exchange/framework_sheet) and read back
// (sources/framework_sheet): the round trip is exact, bad rows are named by line and column.
#include <gtest/gtest.h>

#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "sources/format.h"
#include "sources/source_file.h"
#include "unit/support/sample_documents.h"

namespace vakkaart::exchange {
namespace {

model::Framework sheet_bundled_framework() {
  std::string path = std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt";
  auto text = sources::read_source_file(path);
  auto parsed = sources::parse_document(text.text, sources::Format::sociare_note, path);
  return std::get<model::Framework>(parsed.documents.at(0));
}

model::Framework sheet_read(const std::string& csv) {
  auto parsed = sources::parse_document(csv, sources::detect_format(csv, "f.csv"), "f.csv");
  return std::get<model::Framework>(parsed.documents.at(0));
}

TEST(FrameworkSheet, CsvRoundTripIsExact) {
  model::Framework f = sheet_bundled_framework();
  std::string csv = rows_to_csv(framework_to_rows(f));
  model::Framework back = sheet_read(csv);
  EXPECT_EQ(back, f);
  EXPECT_EQ(rows_to_csv(framework_to_rows(back)), csv);
}

TEST(FrameworkSheet, NestedActivitiesUntitledMainActivitiesAndQuotingSurvive) {
  model::Framework f;
  f.id = "fw";
  f.title = "Een \"kader\", met komma";
  f.layers = {{"l", "Laag"}};
  f.clusters = {{"c", "l", "Cluster"}, {"d", "l", " spaties "}};
  model::Profile p;
  p.id = "p";
  p.title = "Profiel";
  p.framework_id = "fw";
  p.definition = "twee\nregels";
  model::MainActivity untitled;
  untitled.activities = {{"a", {{"a.1", {{"a.1.1", {}}}}}}, {"b", {}}};
  model::MainActivity titled;
  titled.title = "Titel";
  p.clusters = {{"c", {untitled, titled}}, {"d", {}}};
  f.profiles = {p};
  std::string csv = rows_to_csv(framework_to_rows(f));
  EXPECT_NE(csv.find("p/c/1/1/1/1,sub_activity,,,a.1.1\r\n"), std::string::npos) << csv;
  EXPECT_EQ(sheet_read(csv), f);
}

TEST(FrameworkSheet, AFormulaInStoredTextIsNoFormulaInTheCsvAndComesBackExactly) {
  model::Framework f = sheet_bundled_framework();
  f.profiles.at(0).title = "=HYPERLINK(\"http://example.org\",\"klik\")";
  f.profiles.at(0).definition = "'=al een apostrof";
  f.clusters.at(0).title = "-min";
  const std::string csv = rows_to_csv(framework_to_rows(f));
  EXPECT_NE(csv.find(",\"'=HYPERLINK("), std::string::npos) << csv.substr(0, 600);
  EXPECT_NE(csv.find(",''=al een apostrof"), std::string::npos);
  EXPECT_NE(csv.find(",'-min"), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK("), std::string::npos);
  EXPECT_EQ(sheet_read(csv), f);
}

void sheet_expect_error(const std::string& body, int line, const std::string& column) {
  std::string csv = "path,kind,provenance,weight,wording\n" + body;
  try {
    sheet_read(csv);
    FAIL() << "no error for: " << body;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error) << e.what();
    EXPECT_EQ(e.where().file, "f.csv");
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().field, column) << e.what();
  }
}

TEST(FrameworkSheet, BadRowsNameLineAndColumn) {
  sheet_expect_error("l,layer,,,Laag\n", 2, "column kind");
  sheet_expect_error("fw,framework,,,\n", 2, "column wording");
  sheet_expect_error(
      "fw,framework,,,F\nl,layer,,,L\nl/c,cluster,,,C\np,profile,,,P\n"
      "p/c/2,main_activity,,,M\n",
      6, "column path");
  sheet_expect_error(
      "fw,framework,,,F\nl,layer,,,L\nl/c,cluster,,,C\np,profile,,,P\n"
      "p/c/1,main_activity,,,M\np/c/1/1,activity,,,A\np/c/1/1,activity,,,B\n",
      8, "column path");
  sheet_expect_error(
      "fw,framework,,,F\nl,layer,,,L\nl/c,cluster,,,C\np,profile,,,P\n"
      "p/c/1,main_activity,,,M\np/c/1/01,activity,,,A\n",
      7, "column path");
  sheet_expect_error("fw,framework,,,F\nl,layer,,,L\nl/x/c,cluster,,,C\n", 4, "column path");
  sheet_expect_error("fw,framework,,,F\nq,profile,,,P\nq/c/1,main_activity,,,M\n", 4,
                     "column path");
  sheet_expect_error(
      "fw,framework,,,F\nl,layer,,,L\nl/c,cluster,,,C\np,profile,,,P\n"
      "p/c/1,main_activity,,,M\np/c/1/1,activity,,,A\np/c/1/1/1,activity,,,S\n",
      8, "column kind");
  sheet_expect_error("fw,framework,,,F\nl,layer,,12,L\n", 3, "column weight");
  sheet_expect_error("fw,framework,,,F\nl,bogus,,,L\n", 3, "column kind");
  sheet_expect_error("fw,framework,,,F\n\"l a?\",layer,,,L\n", 3, "column path");
  sheet_expect_error("fw,framework,,,F\nl,layer,,,L\nl,layer,,,L\n", 4, "column path");
}

TEST(FrameworkSheet, OnlyItsOwnHeaderIsDetected) {
  EXPECT_TRUE(
      sources::looks_like_framework_csv("\xEF\xBB\xBFpath,kind,provenance,weight,wording\r\n"));
  EXPECT_FALSE(sources::looks_like_framework_csv("path,kind,provenance,weight\n"));
  EXPECT_FALSE(sources::looks_like_framework_csv("conceptUri,preferredLabel\n"));
}

}  // namespace
}  // namespace vakkaart::exchange

namespace vakkaart::exchange {
namespace {

// Issue 18: translations travel in wording_en / wording_fr columns, written only for a language
// the framework has a label in; a framework without labels keeps the five columns.
TEST(FrameworkSheetLabels, TranslationColumnsRoundTripExactly) {
  model::Framework f = testing::labelled_framework();
  std::string csv = rows_to_csv(framework_to_rows(f));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "\xEF\xBB\xBFpath,kind,provenance,weight,wording,wording_en,wording_fr");
  EXPECT_NE(csv.find("werker-a,definition,,,De werker a doet iets.,\"Worker a does something, "
                     "\"\"really\"\".\",\r\n"),
            std::string::npos);
  model::Framework back = sheet_read(csv);
  EXPECT_EQ(back, f);
  EXPECT_EQ(rows_to_csv(framework_to_rows(back)), csv);

  f.title_labels.erase("fr");
  f.clusters[1].labels.erase("fr");
  f.profiles[0].clusters[1].main_activities[0].title_labels.erase("fr");
  f.profiles[0].clusters[1].main_activities[0].activities[0].children[0].labels.clear();
  csv = rows_to_csv(framework_to_rows(f));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "\xEF\xBB\xBFpath,kind,provenance,weight,wording,wording_en");
  EXPECT_EQ(sheet_read(csv), f);

  csv = rows_to_csv(framework_to_rows(testing::sample_framework()));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "\xEF\xBB\xBFpath,kind,provenance,weight,wording");
}

TEST(FrameworkSheetLabels, OnlyKnownTranslationColumnsOnceEachAfterWording) {
  EXPECT_TRUE(
      sources::looks_like_framework_csv("path,kind,provenance,weight,wording,wording_fr\n"));
  EXPECT_TRUE(sources::looks_like_framework_csv(
      "path,kind,provenance,weight,wording,wording_fr,wording_en\n"));
  EXPECT_FALSE(
      sources::looks_like_framework_csv("path,kind,provenance,weight,wording,wording_de\n"));
  EXPECT_FALSE(sources::looks_like_framework_csv(
      "path,kind,provenance,weight,wording,wording_en,wording_en\n"));
  try {
    sheet_read(
        "path,kind,provenance,weight,wording,wording_en\nfw,framework,,,Kader,Framework\n"
        "fw,date,,,2020,2020\n");
    FAIL() << "a translated date was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 3) << e.what();
    EXPECT_EQ(e.where().field, "column wording_en") << e.what();
  }
}

}  // namespace
}  // namespace vakkaart::exchange
