// A qualification's CASE package imported again (issue 18): it comes back as the qualification
// (not as a framework laid out around it), so export -> import -> export is byte-identical; and
// a competence's group is carried (CASE conceptKeywords, a SKOS collection).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/uuid_v5.h"
#include "exchange/case_export.h"
#include "exchange/case_validator.h"
#include "exchange/skos_export.h"
#include "sources/akov/decree_annex.h"
#include "sources/case_package.h"
#include "unit/support/bk_every_part.h"
#include "unit/support/bk_layout_fixture.h"

namespace vakkaart::exchange {
namespace {

/// BK-0338-3 with every part (scope, title note, partial qualifications, footnotes, withdrawn)
/// and a footnote at the definition, which no item carries.
model::Qualification cqi_every_part() {
  model::Qualification q = testing::bk_qualification_with_every_part();
  q.footnotes.push_back({"(2)", "Zoals het decreet het omschrijft.", {"definition"}});
  return q;
}

/// BK-0338-1 from its decree annex: competences with codes of their own and groups.
model::Qualification cqi_grouped() {
  const auto result = sources::parse_bk_decree_annex(
      testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "BK-0338-1-decree-annex.txt");
  return std::get<model::Qualification>(result.documents.at(0));
}

std::string cqi_findings(const Json& package) {
  std::string out;
  for (const CaseFinding& f : validate_case_package(package))
    out += f.path + ": " + f.message + "\n";
  return out;
}

model::Qualification cqi_import(const std::string& text) {
  auto parsed = sources::parse_case_package(text, "q.json");
  EXPECT_EQ(parsed.documents.size(), 1u);
  const auto* q = std::get_if<model::Qualification>(&parsed.documents.at(0));
  if (q == nullptr) {
    ADD_FAILURE() << "the package came back as a framework";
    return {};
  }
  return *q;
}

/// `q` as a package without `extensions` (written before issue 18) carries it.
model::Qualification cqi_without_extensions(model::Qualification q) {
  q.current = false;
  q.level = {};
  q.recognition.clear();
  q.year.reset();
  q.environment_context.clear();
  q.action_context.clear();
  q.autonomy = {};
  q.responsibility.clear();
  q.certificates.clear();
  q.raw_sections.clear();
  for (auto& c : q.competences) {
    for (auto& a : c.activities)
      a.descriptor.reset();
    for (auto& k : c.knowledge)
      k.kind.reset();
  }
  return q;
}

/// The package with no `extensions` anywhere, as one written before issue 18.
std::string cqi_strip_extensions(const std::string& text) {
  Json p = Json::parse(text);
  p["CFDocument"].erase("extensions");
  for (Json& item : p["CFItems"])
    item.erase("extensions");
  return dump_canonical(p);
}

TEST(CaseQualificationImport, EveryPartComesBackAndTheSecondExportIsIdentical) {
  const model::Qualification original = cqi_every_part();
  const std::string first = dump_canonical(qualification_to_case(original, {}));
  EXPECT_EQ(cqi_findings(Json::parse(first)), "");
  const model::Qualification q = cqi_import(first);
  EXPECT_EQ(q.id, "BK-0338-3");
  EXPECT_EQ(q.code, "BK-0338");
  EXPECT_EQ(q.version, 3);
  EXPECT_TRUE(q.withdrawn);
  EXPECT_TRUE(q.level.vks.has_value());
  EXPECT_FALSE(q.autonomy.independent_in.empty());
  // Everything else is the qualification as it was, the footnotes by mark and text (a
  // footnote at a text CASE has no item for keeps no place unless that text carries its mark).
  model::Qualification same = q;
  same.footnotes = original.footnotes;
  EXPECT_EQ(same, original);
  ASSERT_EQ(q.footnotes.size(), original.footnotes.size());
  for (const model::Footnote& f : original.footnotes)
    EXPECT_TRUE(
        std::any_of(q.footnotes.begin(), q.footnotes.end(),
                    [&](const model::Footnote& g) { return g.mark == f.mark && g.text == f.text; }))
        << f.mark << " " << f.text;
  EXPECT_EQ(dump_canonical(qualification_to_case(q, {})), first);
}

TEST(CaseQualificationImport, CodesAndGroupsComeBack) {
  const model::Qualification original = cqi_grouped();
  ASSERT_TRUE(std::any_of(original.competences.begin(), original.competences.end(),
                          [](const model::Competence& c) { return !c.group.empty(); }));
  ASSERT_TRUE(original.competences.at(0).code.has_value());
  const std::string first = dump_canonical(qualification_to_case(original, {}));
  EXPECT_EQ(cqi_findings(Json::parse(first)), "");
  const model::Qualification q = cqi_import(first);
  EXPECT_EQ(q, original);
  EXPECT_EQ(dump_canonical(qualification_to_case(q, {})), first);
}

TEST(CaseQualificationImport, APackageWithoutExtensionsGivesWhatItsItemsShow) {
  const model::Qualification original = cqi_every_part();
  const std::string old = cqi_strip_extensions(dump_canonical(qualification_to_case(original, {})));
  auto parsed = sources::parse_case_package(old, "old.json");
  const auto& q = std::get<model::Qualification>(parsed.documents.at(0));
  model::Qualification expected = cqi_without_extensions(original);
  expected.footnotes = q.footnotes;
  EXPECT_EQ(q, expected);
  EXPECT_TRUE(std::any_of(parsed.notes.begin(), parsed.notes.end(), [](const auto& n) {
    return n.message.find("carries no level") != std::string::npos;
  }));
  // Exported again it carries the (empty) fields: the items are as they were.
  const Json again = qualification_to_case(q, {});
  EXPECT_EQ(cqi_strip_extensions(dump_canonical(again)), old);
}

TEST(CaseQualificationImport, TheLevelContextAndDescriptorsAreTheExtensions) {
  const model::Qualification q = testing::bk_qualification_with_every_part();
  const Json p = qualification_to_case(q, {});
  const Json& ext = p["CFDocument"]["extensions"];
  EXPECT_EQ(ext["level"]["vks"], *q.level.vks);
  EXPECT_EQ(ext["autonomy"]["independent_in"].size(), q.autonomy.independent_in.size());
  EXPECT_EQ(ext["certificates"], q.certificates);
  EXPECT_FALSE(ext.contains("competences"));  // the items carry those
  size_t descriptors = 0;
  for (const Json& item : p["CFItems"])
    descriptors += item.contains("extensions") && item["extensions"].contains("descriptor");
  size_t expected = 0;
  for (const auto& c : q.competences)
    for (const auto& a : c.activities)
      expected += a.descriptor.has_value();
  EXPECT_GT(expected, 0u);
  EXPECT_EQ(descriptors, expected);
}

TEST(CaseQualificationImport, AGroupIsTheCompetencesConceptKeyword) {
  const model::Qualification q = cqi_grouped();
  const Json p = qualification_to_case(q, {});
  const std::string id =
      uuid_v5(vakkaart_uuid_namespace(),
              "competence:BK-0338-1:" + std::to_string(q.competences.at(0).number));
  const Json* item = nullptr;
  for (const Json& j : p["CFItems"])
    if (j["identifier"] == id)
      item = &j;
  ASSERT_NE(item, nullptr);
  EXPECT_EQ((*item)["conceptKeywords"], Json::array({q.competences.at(0).group}));
  // Without groups no item has keywords: the package is as before.
  model::Qualification plain = q;
  for (auto& c : plain.competences)
    c.group.clear();
  const Json plain_package = qualification_to_case(plain, {});
  for (const Json& j : plain_package["CFItems"])
    EXPECT_FALSE(j.contains("conceptKeywords")) << j.dump();
}

TEST(CaseQualificationImport, ImportingTheSamePackageTwiceGivesTheSameQualification) {
  const std::string text = dump_canonical(qualification_to_case(cqi_every_part(), {}));
  EXPECT_EQ(cqi_import(text), cqi_import(text));
}

/// The package of the every-part qualification, with `edit` applied.
std::string cqi_edited(void (*edit)(Json&)) {
  Json p = qualification_to_case(cqi_every_part(), {});
  edit(p);
  return p.dump();
}

void cqi_expect_refused(const std::string& text, const std::string& field) {
  try {
    sources::parse_case_package(text, "bad.json");
    ADD_FAILURE() << "accepted; expected an error at " << field;
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, field) << e.what();
  }
}

TEST(CaseQualificationImport, APackageThatBreaksOurShapeIsRefusedNamingTheField) {
  cqi_expect_refused(cqi_edited([](Json& p) { p["CFDocument"]["version"] = "drie"; }),
                     "CFDocument.version");
  cqi_expect_refused(cqi_edited([](Json& p) { p["CFDocument"]["version"] = "4"; }),
                     "CFDocument.version");
  cqi_expect_refused(
      cqi_edited([](Json& p) { p["CFDocument"]["notes"] = "vakkaart:BK-0338-3\n\nOnbekend:\nx"; }),
      "CFDocument.notes");
  cqi_expect_refused(cqi_edited([](Json& p) { p["CFDocument"]["extensions"]["farbe"] = 1; }),
                     "CFDocument.extensions.farbe");
  cqi_expect_refused(
      cqi_edited([](Json& p) { p["CFDocument"]["extensions"]["level"]["vks"] = "hoog"; }),
      "CFDocument.extensions.level.vks");
  // The first item with notes (in file order, which is the order they are read in).
  const Json p = qualification_to_case(cqi_every_part(), {});
  size_t first_noted = 0;
  while (!p["CFItems"][first_noted].contains("notes"))
    ++first_noted;
  cqi_expect_refused(cqi_edited([](Json& p) {
                       for (Json& item : p["CFItems"])
                         if (item.contains("notes"))
                           item["notes"] = "geen voetnoot";
                     }),
                     "CFItems[" + std::to_string(first_noted) + "].notes");
  // A competence whose identifier is none our export derives from the id.
  std::string text = p.dump();
  const std::string id = p["CFItems"][0]["identifier"];
  for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at))
    text.replace(at, id.size(), "00000000-0000-5000-8000-000000000000");
  cqi_expect_refused(text, "CFItems[0].identifier");
}

TEST(CaseQualificationImport, AnotherDocumentIdentifierIsReadAsAFramework) {
  // Only the identifier our export derives from the id marks a qualification of ours.
  const std::string text = cqi_edited(
      [](Json& p) { p["CFDocument"]["identifier"] = "00000000-0000-5000-8000-000000000001"; });
  auto parsed = sources::parse_case_package(text, "other.json");
  EXPECT_TRUE(std::holds_alternative<model::Framework>(parsed.documents.at(0)));
}

TEST(CompetenceGroupSkos, AGroupIsACollectionOfItsCompetences) {
  const model::Qualification q = cqi_grouped();
  const RdfGraph g = qualification_to_skos(q, {});
  const std::string& group = q.competences.at(0).group;
  std::string segment;
  for (char c : group)
    segment += c == ' ' ? std::string("%20") : std::string(1, c);
  const std::string id = "urn:vakkaart:qualifications/BK-0338-1#group/" + segment;
  const std::string skos = "http://www.w3.org/2004/02/skos/core#";
  size_t members = 0, labels = 0;
  for (const RdfTriple& t : g.triples()) {
    if (t.subject != id)
      continue;
    members += t.predicate == skos + "member";
    labels += t.predicate == skos + "prefLabel" && t.object == RdfTerm::literal(group, "nl");
    EXPECT_NE(t.predicate, skos + "notation");
  }
  const auto listed = std::count_if(q.competences.begin(), q.competences.end(),
                                    [&](const model::Competence& c) { return c.group == group; });
  EXPECT_EQ(members, static_cast<size_t>(listed));
  EXPECT_EQ(labels, 1u);
  // Without groups there is no group collection.
  model::Qualification plain = q;
  for (auto& c : plain.competences)
    c.group.clear();
  const RdfGraph without = qualification_to_skos(plain, {});
  for (const RdfTriple& t : without.triples())
    EXPECT_EQ(t.subject.find("#group/"), std::string::npos) << t.subject;
}

}  // namespace
}  // namespace vakkaart::exchange
