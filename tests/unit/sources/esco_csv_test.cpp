// The CSV reader (libcsv, RFC 4180) and ESCO's CSV download read into a framework.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "sources/csv_table.h"
#include "sources/esco_csv.h"
#include "sources/format.h"

namespace vakkaart::sources {
namespace {

TEST(CsvTable, ReadsQuotesEmbeddedLineBreaksCrlfAndABomExactly) {
  auto t = read_csv(
      "\xEF\xBB\xBF"
      "a,b,c\r\n"
      " x ,\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
      "\n"
      "1,,\"\"\n"
      "short\n",
      "t.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{" x ", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[1].fields, (std::vector<std::string>{"1", "", ""}));
  EXPECT_EQ(t.rows[1].line, 5u);  // the quoted line break and the blank line are counted
  EXPECT_EQ(t.rows[2].fields, (std::vector<std::string>{"short"}));
  EXPECT_EQ(t.column("c"), 2u);
  EXPECT_EQ(t.column("d"), std::string::npos);
}

void csv_expect_error(const std::string& text, int line, const std::string& column,
                      ErrorCode code = ErrorCode::parse_error, const CsvLimits& limits = {}) {
  try {
    read_csv(text, "bad.csv", limits);
    FAIL() << "no error for: " << text;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.message();
    EXPECT_EQ(e.where().file, "bad.csv");
    EXPECT_EQ(e.where().line, line) << e.message();
    EXPECT_EQ(e.where().field, column) << e.message();
  }
}

TEST(CsvTable, NamesTheLineAndColumnOfEveryKindOfError) {
  csv_expect_error("a,b\n1,x\"y\"\n", 2, "column 2 (b)");         // a quote in an unquoted field
  csv_expect_error("a,b\n\"1\"x,2\n", 2, "column 1 (a)");         // text after a closing quote
  csv_expect_error("a,b\n1,\"open\nstill\n", 2, "column 2 (b)");  // never closed
  csv_expect_error("a,b\n1,2,3\n", 2, "column 3");                // more fields than the header
  csv_expect_error("a\n1\n2\n3\n", 4, "", ErrorCode::too_large, {2, 64});
  csv_expect_error("a,b,c\n", 1, "column 3", ErrorCode::too_large, {10, 2});  // the header
  csv_expect_error("", 1, "");
}

std::string esco_read(const std::string& name) {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/data/esco/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<EscoFile> esco_sample() {
  std::vector<EscoFile> files;
  for (const char* name : {"occupations_nl.csv", "skills_nl.csv", "skillGroups_nl.csv",
                           "broaderRelationsSkillPillar_nl.csv", "occupationSkillRelations_nl.csv"})
    files.push_back({std::string("esco/") + name, esco_read(name)});
  return files;
}

TEST(EscoCsv, KnowsEachFileByItsHeaderAndIsDetectedAsAFormat) {
  for (const auto& f : esco_sample()) {
    EXPECT_TRUE(looks_like_esco_csv(f.text)) << f.path;
    EXPECT_EQ(detect_format(f.text, f.path), Format::esco_csv) << f.path;
  }
  EXPECT_EQ(esco_file_kind(csv_header(esco_read("skills_nl.csv"))), EscoFileKind::skills);
  EXPECT_EQ(esco_file_kind({"occupationUri", "relationType", "skillType", "skillUri"}),
            EscoFileKind::relations);
  EXPECT_FALSE(looks_like_esco_csv("a,b\n1,2\n"));
  // A collection names skillType too, but is no skills file.
  EXPECT_EQ(esco_file_kind({"conceptType", "conceptUri", "preferredLabel", "status", "skillType",
                            "reuseLevel", "altLabels", "description", "broaderConceptUri",
                            "broaderConceptPT"}),
            EscoFileKind::unused);
  EXPECT_EQ(esco_file_kind({"originalSkillUri", "originalSkillType", "relationType",
                            "relatedSkillType", "relatedSkillUri"}),
            EscoFileKind::unused);
  EXPECT_EQ(format_from_name("esco"), Format::esco_csv);
}

TEST(EscoCsv, ReadsTheSampleIntoLayersGroupsACatalogProfileAndOccupations) {
  auto result = parse_esco_files(esco_sample());
  ASSERT_EQ(result.documents.size(), 1u);
  const auto& f = std::get<model::Framework>(result.documents[0]);
  EXPECT_EQ(f.id, "esco-nl");
  ASSERT_EQ(f.layers.size(), 2u);
  EXPECT_EQ(f.layers[0].id, "skill-competence");
  EXPECT_EQ(f.layers[0].title, "skill/competence");
  EXPECT_EQ(f.layers[1].id, "knowledge");
  // Groups S1, S2, S4, S6 (skills) and 0421, 031 (knowledge), ids from their codes.
  ASSERT_EQ(f.clusters.size(), 6u);
  EXPECT_EQ(f.clusters[0].id, "s1");
  EXPECT_EQ(f.clusters[0].title, "communiceren, samenwerken en creativiteit");
  EXPECT_EQ(f.clusters[4].layer_id, "knowledge");
  // The catalog and five occupations.
  ASSERT_EQ(f.profiles.size(), 6u);
  const auto& catalog = f.profiles[0];
  EXPECT_EQ(catalog.id, "esco-nl-vaardigheden");
  std::size_t skills = 0;
  for (const auto& pc : catalog.clusters)
    skills += pc.main_activities.size();
  EXPECT_EQ(skills, 21u);
  // "kennis delen" has a skill as its broader concept: it sits in that skill's group (S1).
  const auto& s1 = catalog.clusters[0];
  ASSERT_EQ(s1.cluster_id, "s1");
  EXPECT_EQ(s1.main_activities.back().title, "kennis delen");
  // Text exactly as the file has it: quotes and a line break inside a quoted field.
  EXPECT_EQ(s1.main_activities[0].activities.at(0).text,
            "Luistert actief naar wat anderen zeggen, toont begrip voor de punten die aan de "
            "orde komen en stelt gepaste vragen, zoals de \"open vraag\".");
  EXPECT_NE(s1.main_activities[4].activities.at(0).text.find(".\nBereidt"), std::string::npos);
  const auto* union_worker = f.find_profile("esco-nl-3339-9");
  ASSERT_NE(union_worker, nullptr);
  EXPECT_EQ(union_worker->title, "vakbondsmedewerker");
  std::size_t held = 0;
  for (const auto& pc : union_worker->clusters)
    held += pc.main_activities.size();
  EXPECT_EQ(held, 9u);
  // The relation to a skill outside the sample is reported, not imported.
  bool warned = false;
  for (const auto& n : result.notes)
    warned = warned || n.message.find("1 occupation-skill relations") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(EscoCsv, OccupationsSharingACodeGetDistinctIdsAndTheProfileClusterProductIsBounded) {
  const std::string skills =
      "conceptType,conceptUri,skillType,preferredLabel\n"
      "KnowledgeSkillCompetence,http://x/s1,knowledge,arbeidsrecht\n";
  std::string occupations = "conceptType,conceptUri,iscoGroup,preferredLabel,code\n";
  for (int i = 0; i < 3; ++i)
    occupations += "Occupation,http://x/o" + std::to_string(i) + ",1,beroep,1.1\n";
  auto result = parse_esco_files({{"skills.csv", skills}, {"occupations.csv", occupations}});
  const auto& f = std::get<model::Framework>(result.documents.at(0));
  ASSERT_EQ(f.profiles.size(), 4u);
  EXPECT_EQ(f.id, "esco");
  EXPECT_EQ(f.profiles[1].id, "esco-1-1");
  EXPECT_EQ(f.profiles[2].id, "esco-1-1-2");
  EXPECT_EQ(f.profiles[3].id, "esco-1-1-3");
  // 3,000 skills in groups of their own and 2,000 occupations: over the bound, refused.
  std::string many_skills = "conceptType,conceptUri,skillType,preferredLabel\n";
  std::string broader = "conceptUri,broaderUri\n";
  for (int i = 0; i < 3000; ++i) {
    many_skills += "K,http://x/s" + std::to_string(i) + ",knowledge,s\n";
    broader += "http://x/s" + std::to_string(i) + ",http://x/g" + std::to_string(i) + "\n";
  }
  std::string many_occupations = "conceptType,conceptUri,iscoGroup,preferredLabel\n";
  for (int i = 0; i < 2000; ++i)
    many_occupations += "Occupation,http://x/o" + std::to_string(i) + ",1,o\n";
  try {
    parse_esco_files({{"skills.csv", many_skills},
                      {"broader.csv", broader},
                      {"occupations.csv", many_occupations}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::too_large);
  }
}

TEST(EscoCsv, ErrorsNameFileLineAndColumn) {
  std::vector<EscoFile> files = {{"skills_nl.csv",
                                  "conceptType,conceptUri,skillType,reuseLevel,preferredLabel\n"
                                  "KnowledgeSkillCompetence,http://x/s1,knowledge,,label\n"
                                  "KnowledgeSkillCompetence,http://x/s2,knowledge,,\n"}};
  try {
    parse_esco_files(files);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "skills_nl.csv");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "column 5 (preferredLabel)");
  }
  EXPECT_THROW(parse_esco_files({{"occupations_nl.csv", esco_read("occupations_nl.csv")}}),
               Error);  // no skills file
}

}  // namespace
}  // namespace vakkaart::sources
