#include "sources/canonical_json.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "unit/support/sample_documents.h"

namespace vakkaart::sources {
namespace {

using testing::sample_framework;
using testing::sample_qualification;

TEST(CanonicalJson, FrameworkRoundTripsByteForByte) {
  auto f = sample_framework();
  std::string first = dump_canonical(framework_to_json(f));
  ParseResult parsed = parse_canonical_json(first, "f.json");
  ASSERT_EQ(parsed.documents.size(), 1u);
  const auto& back = std::get<model::Framework>(parsed.documents[0]);
  EXPECT_EQ(back, f);
  EXPECT_EQ(dump_canonical(framework_to_json(back)), first);
}

// Issue 18: translations are optional members (title_labels, definition_labels, labels), written
// only when there are some, and read back exactly; an unknown language is refused by its path.
TEST(CanonicalJson, LabelsRoundTripAndAreLeftOutWhenNone) {
  model::Framework f = testing::labelled_framework();
  std::string first = dump_canonical(framework_to_json(f));
  EXPECT_NE(first.find("\"en\": \"Demo occupational structure\""), std::string::npos);
  ParseResult parsed = parse_canonical_json(first, "f.json");
  EXPECT_EQ(std::get<model::Framework>(parsed.documents.at(0)), f);
  std::string plain = dump_canonical(framework_to_json(testing::sample_framework()));
  EXPECT_EQ(plain.find("labels"), std::string::npos);
  Json bad = framework_to_json(f);
  bad["layers"][0]["title_labels"]["de"] = "Lernende";
  try {
    parse_canonical_json(bad.dump(), "f.json");
    FAIL() << "a German label was accepted";
  } catch (const Error& e) {
    EXPECT_NE(e.where().field.find("layers[0].title_labels.de"), std::string::npos)
        << e.where().field;
  }
}

TEST(CanonicalJson, QualificationRoundTripsByteForByte) {
  auto q = sample_qualification();
  std::string first = dump_canonical(qualification_to_json(q));
  ParseResult parsed = parse_canonical_json(first, "q.json");
  const auto& back = std::get<model::Qualification>(parsed.documents.at(0));
  EXPECT_EQ(back, q);
  EXPECT_EQ(dump_canonical(qualification_to_json(back)), first);
}

TEST(CanonicalJson, QualificationPartsRoundTripAndAreOmittedWhenEmpty) {
  const auto plain = qualification_to_json(sample_qualification());
  for (const char* key : {"title_references", "scope", "partial_qualifications", "footnotes"})
    EXPECT_FALSE(plain.contains(key)) << key;
  auto q = testing::sample_qualification_with_parts();
  std::string first = dump_canonical(qualification_to_json(q));
  ParseResult parsed = parse_canonical_json(first, "q.json");
  const auto& back = std::get<model::Qualification>(parsed.documents.at(0));
  EXPECT_EQ(back, q);
  EXPECT_EQ(dump_canonical(qualification_to_json(back)), first);
}

TEST(CanonicalJson, QualificationPartsReferToTheDocument) {
  auto bad_number = qualification_to_json(testing::sample_qualification_with_parts());
  bad_number["partial_qualifications"][1]["competences"][1] = 7;
  try {
    parse_canonical_json(dump_canonical(bad_number), "q.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "$.partial_qualifications[1].competences[1]");
    EXPECT_NE(e.message().find("no competence 7"), std::string::npos) << e.message();
  }
  auto bad_place = qualification_to_json(testing::sample_qualification_with_parts());
  bad_place["footnotes"][0]["referenced_at"][0] = "competences[5].title";
  EXPECT_THROW(parse_canonical_json(dump_canonical(bad_place), "q.json"), Error);
}

TEST(CanonicalJson, ProfileShapeListsEveryClusterInModelOrder) {
  auto f = sample_framework();
  Json j = profile_to_json(f, f.profiles[1]);
  EXPECT_EQ(j["kind"], "profile");
  ASSERT_EQ(j["clusters"].size(), 2u);
  EXPECT_EQ(j["clusters"][1]["id"], "orienteren-en-relaties");
  EXPECT_EQ(j["clusters"][1]["layer"], "kernactiviteiten");
  EXPECT_TRUE(j["clusters"][1]["main_activities"].empty());
  EXPECT_TRUE(j["clusters"][0]["main_activities"][0]["title"].is_null());
  // Nested children carry no empty "children" array; top-level activities always do.
  Json a = profile_to_json(f, f.profiles[0])["clusters"][1]["main_activities"][0]["activities"][0];
  EXPECT_TRUE(a.contains("children"));
  EXPECT_FALSE(a["children"][0].contains("children"));
}

TEST(CanonicalJson, LooseProfilesRebuildTheirFramework) {
  auto f = sample_framework();
  Json arr = Json::array();
  for (const auto& p : f.profiles)
    arr.push_back(profile_to_json(f, p));
  ParseResult parsed = parse_canonical_json(arr.dump(), "profiles.json");
  ASSERT_EQ(parsed.documents.size(), 1u);
  auto back = std::get<model::Framework>(parsed.documents[0]);
  EXPECT_EQ(back.clusters, f.clusters);
  EXPECT_EQ(back.profiles, f.profiles);
  EXPECT_TRUE(back.title.empty());
  ASSERT_FALSE(parsed.notes.empty());
  EXPECT_EQ(parsed.notes[0].kind, ReportNote::Kind::decision);
}

TEST(CanonicalJson, SyntaxErrorsNameTheLine) {
  try {
    parse_canonical_json("{\n  \"kind\": \"profile\",\n  oops\n}", "bad.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_EQ(e.where().file, "bad.json");
    EXPECT_EQ(e.where().line, 3);
  }
}

TEST(CanonicalJson, MissingFieldsNameTheirPath) {
  Json q = qualification_to_json(sample_qualification());
  q["competences"][1]["activities"][0].erase("text");
  try {
    parse_canonical_json(q.dump(), "q.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "$.competences[1].activities[0].text");
  }
  Json bad = qualification_to_json(sample_qualification());
  bad["competences"][0]["activities"][0]["descriptor"] = "telepathic";
  EXPECT_THROW(parse_canonical_json(bad.dump(), "q.json"), Error);
  EXPECT_THROW(parse_canonical_json(R"({"kind":"recipe"})", "x.json"), Error);
  EXPECT_THROW(parse_canonical_json("[]", "x.json"), Error);
}

TEST(CanonicalJson, Sniffing) {
  EXPECT_TRUE(looks_like_canonical_json("  {\"kind\": \"profile\"}"));
  EXPECT_FALSE(looks_like_canonical_json("NOTA\n{\"kind\"}"));
  EXPECT_FALSE(looks_like_canonical_json("{\"name\": 1}"));
}

}  // namespace
}  // namespace vakkaart::sources
