#include "sources/akov_bk.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sources/canonical_json.h"
#include "sources/source_file.h"

namespace vakkaart::sources {
namespace {

const std::string kBkPath =
    std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt";

std::string bk_text() {
  return read_source_file(kBkPath).text;
}

model::Qualification parse(const std::string& text, std::vector<ReportNote>* notes = nullptr) {
  auto result = parse_akov_bk(text, "test.txt");
  if (notes != nullptr)
    *notes = result.notes;
  return std::get<model::Qualification>(result.documents.at(0));
}

std::size_t warnings(const std::vector<ReportNote>& notes) {
  std::size_t n = 0;
  for (const auto& note : notes)
    n += note.kind == ReportNote::Kind::warning;
  return n;
}

TEST(AkovBk, HeaderFields) {
  std::vector<ReportNote> notes;
  const auto q = parse(bk_text(), &notes);
  EXPECT_EQ(q.id, "BK-0338-3");
  EXPECT_EQ(q.code, "BK-0338");
  EXPECT_EQ(q.version, 3);
  EXPECT_TRUE(q.current);
  EXPECT_EQ(q.title, "Syndicaal deskundige");
  EXPECT_EQ(q.level.vks, 5);
  EXPECT_EQ(q.level.eqf, 5);
  EXPECT_EQ(q.recognition, "versie 3, 2020");
  EXPECT_EQ(q.year, 2020);
  EXPECT_EQ(q.certificates, "Er zijn geen wettelijke attesten of voorwaarden vereist.");
  EXPECT_TRUE(q.raw_sections.empty());
  EXPECT_EQ(warnings(notes), 0u);
}

TEST(AkovBk, CountsOfTheIssue) {
  const auto q = parse(bk_text());
  ASSERT_EQ(q.competences.size(), 15u);
  std::size_t activities = 0, cognitive = 0, problem_solving = 0, knowledge = 0;
  std::set<std::string> general, specific;
  for (const auto& c : q.competences) {
    for (const auto& a : c.activities) {
      ++activities;
      cognitive += a.descriptor == model::Descriptor::cognitive;
      problem_solving += a.descriptor == model::Descriptor::problem_solving;
    }
    for (const auto& k : c.knowledge) {
      ++knowledge;
      (k.kind == model::KnowledgeKind::general ? general : specific).insert(k.text);
    }
  }
  EXPECT_EQ(activities, 80u);
  EXPECT_EQ(cognitive, 70u);
  EXPECT_EQ(problem_solving, 10u);
  EXPECT_EQ(knowledge, 381u);
  EXPECT_EQ(general.size(), 18u);
  EXPECT_EQ(specific.size(), 31u);
  EXPECT_EQ(q.autonomy.independent_in.size(), 34u);
  EXPECT_EQ(q.autonomy.bound_to.size(), 4u);
  EXPECT_EQ(q.autonomy.relies_on.size(), 6u);
  EXPECT_EQ(q.environment_context.size(), 15u);
  EXPECT_EQ(q.action_context.size(), 23u);
  EXPECT_EQ(q.responsibility.size(), 15u);
}

TEST(AkovBk, EqualsTheGolden) {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/golden/BK-0338-3.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto golden = nlohmann::json::parse(buffer.str());
  const nlohmann::json ours = nlohmann::json::parse(qualification_to_json(parse(bk_text())).dump());
  for (const auto& [key, value] : golden.items()) {
    ASSERT_TRUE(ours.contains(key)) << key;
    EXPECT_EQ(ours[key], value) << "field " << key;
  }
}

TEST(AkovBk, UnknownSectionIsKeptAndReported) {
  std::string text = bk_text();
  const auto at = text.find("Verantwoordelijkheid");
  text.insert(at, "Nieuwe rubriek\n\n • Een regel die we niet kennen\n\n");
  std::vector<ReportNote> notes;
  const auto q = parse(text, &notes);
  ASSERT_EQ(q.raw_sections.size(), 1u);
  EXPECT_EQ(q.raw_sections[0].title, "Nieuwe rubriek");
  EXPECT_EQ(q.raw_sections[0].lines, std::vector<std::string>{"Een regel die we niet kennen"});
  EXPECT_EQ(warnings(notes), 1u);
  EXPECT_EQ(q.responsibility.size(), 15u);  // the next known section is read as usual
}

TEST(AkovBk, VariantsDoNotLoseText) {
  std::string text = bk_text();
  // Not current, motor skills filled in, certificates listed, no Handelingscontext.
  text.replace(text.find("Dit is de actuele versie"), 24, "Dit is niet de actuele versie");
  const auto motor = text.find("Motorische vaardigheden\n") + 24;
  text.insert(motor, "\n • Tilt zware lasten\n");
  const auto comp1 = text.find("  • Wekt geen onrealiseerbare verwachtingen");
  text.insert(comp1, "  • Tilt zware lasten\n");
  const auto action = text.find("Handelingscontext");
  const auto autonomy = text.find("Autonomie");
  text.erase(action, autonomy - action);
  text.replace(text.find("Er zijn geen"), std::string::npos,
               "Wettelijke attesten en voorwaarden\n\n • Rijbewijs B\n • Attest EHBO\n");
  std::vector<ReportNote> notes;
  const auto q = parse(text, &notes);
  EXPECT_FALSE(q.current);
  EXPECT_TRUE(q.action_context.empty());
  EXPECT_EQ(q.certificates, "Rijbewijs B\nAttest EHBO");
  const auto& activities = q.competences[0].activities;
  const auto tilt = std::find_if(activities.begin(), activities.end(),
                                 [](const auto& a) { return a.text == "Tilt zware lasten"; });
  ASSERT_NE(tilt, activities.end());
  EXPECT_EQ(tilt->descriptor, model::Descriptor::motor);
  EXPECT_GE(warnings(notes), 1u);  // the missing Handelingscontext
}

TEST(AkovBk, LevelWrittenPerFramework) {
  std::string text = bk_text();
  text.replace(text.find("\n5\n"), 3, "\nVKS 4 en EQF 4\n");
  const auto q = parse(text);
  EXPECT_EQ(q.level.vks, 4);
  EXPECT_EQ(q.level.eqf, 4);
}

TEST(AkovBk, DescriptorMatchIgnoresQuotesAndFinalPeriod) {
  std::string text = bk_text();
  const auto cognitive = text.find("Cognitieve vaardigheden");
  const auto at = text.find("Stelt te bereiken doelen op", cognitive);
  text.replace(at, 27, "Stelt te bereiken doelen op.");
  std::vector<ReportNote> notes;
  const auto q = parse(text, &notes);
  EXPECT_EQ(q.competences[2].activities[2].text, "Stelt te bereiken doelen op");
  EXPECT_EQ(q.competences[2].activities[2].descriptor, model::Descriptor::cognitive);
}

TEST(AkovBk, TruncatedInsideCompetencesIsAnError) {
  const std::string text = bk_text();
  const std::string cut = text.substr(0, text.find(" • Competentie 9:"));
  try {
    parse(cut);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_NE(e.message().find("truncated"), std::string::npos);
    EXPECT_GT(e.where().line, 0);
  }
}

TEST(AkovBk, MissingCodeIsAnError) {
  std::string text = bk_text();
  text.replace(text.find("BK-0338-3"), 9, "");
  EXPECT_THROW(parse(text), Error);
}

TEST(AkovBk, Detection) {
  EXPECT_TRUE(looks_like_akov_bk(bk_text()));
  EXPECT_FALSE(looks_like_akov_bk("Een gewone tekst over BK-0338-3 en meer.\n"));
}

}  // namespace
}  // namespace vakkaart::sources
