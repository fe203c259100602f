// What the exchange exports make of a qualification's parts besides its competences: scope,
// notes under the title, partial qualifications, footnotes and withdrawn (issue 18). The
// qualification is BK-0338-3 read with every part from the bk-layouts fixtures.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/uuid_v5.h"
#include "exchange/case_export.h"
#include "exchange/case_validator.h"
#include "exchange/rdf_jsonld.h"
#include "exchange/rdf_turtle.h"
#include "exchange/skos_export.h"
#include "sources/case_package.h"
#include "unit/support/bk_every_part.h"

namespace vakkaart::exchange {
namespace {

const std::string kScope =
    "De syndicaal deskundige werkt binnen een vakorganisatie of een uitbetalingsinstelling.\n"
    "Het vertegenwoordigen van werknemers in een ondernemingsraad valt buiten deze "
    "beroepskwalificatie.";
const std::string kTitleNote =
    "Deze benaming wordt gebruikt in het beroepscompetentieprofiel van Constructiv";
const std::string kActivityFootnote =
    "(1) Verwachtingen over de uitkomst van een dossier,\nook bij een beroepsprocedure.";
const std::string kTitleFootnote = "* Ook tegenover de eigen organisatie.";
// Constructed: no fixture has a footnote at the definition, which no item carries.
const std::string kDefinitionFootnote = "(2) Zoals het decreet het omschrijft.";

model::Qualification parts_qualification() {
  model::Qualification q = testing::bk_qualification_with_every_part();
  q.footnotes.push_back({"(2)", "Zoals het decreet het omschrijft.", {"definition"}});
  return q;
}

/// The same qualification without any of the parts.
model::Qualification parts_stripped(model::Qualification q) {
  q.title_references.clear();
  q.scope.clear();
  q.partial_qualifications.clear();
  q.footnotes.clear();
  q.withdrawn = false;
  return q;
}

std::string parts_uuid(const std::string& name) {
  return uuid_v5(vakkaart_uuid_namespace(), name);
}

const Json* parts_find(const Json& list, const std::string& identifier) {
  for (const Json& j : list)
    if (j["identifier"] == identifier)
      return &j;
  return nullptr;
}

TEST(QualificationPartsCase, TheFixtureHasEveryPart) {
  const model::Qualification q = parts_qualification();
  ASSERT_EQ(q.partial_qualifications.size(), 2u);
  ASSERT_EQ(q.footnotes.size(), 3u);
  ASSERT_EQ(q.title_references.size(), 1u);
  EXPECT_EQ(q.title_references[0].note, kTitleNote);
  EXPECT_EQ(q.scope, kScope);
  EXPECT_TRUE(q.withdrawn);
}

TEST(QualificationPartsCase, PartsBecomeNotesPartialItemsAndADeprecatedStatus) {
  const model::Qualification q = parts_qualification();
  const Json p = qualification_to_case(q, {});
  std::string findings;
  for (const CaseFinding& f : validate_case_package(p))
    findings += f.path + ": " + f.message + "\n";
  EXPECT_EQ(findings, "");

  const Json& doc = p["CFDocument"];
  EXPECT_EQ(doc["notes"], "vakkaart:BK-0338-3\n\nAfbakening:\n" + kScope + "\n\nTitel:\n" +
                              kTitleNote + "\n\nVoetnoten:\n" + kDefinitionFootnote);
  EXPECT_EQ(doc["adoptionStatus"], "Deprecated");

  // Footnotes on the items whose text carries their mark.
  const Json* second = parts_find(p["CFItems"], parts_uuid("competence:BK-0338-3:2"));
  ASSERT_NE(second, nullptr);
  EXPECT_EQ((*second)["fullStatement"], "Werkt veranderingsgericht*");
  EXPECT_EQ((*second)["notes"], kTitleFootnote);
  const Json* activity = parts_find(p["CFItems"], parts_uuid("competence-activity:BK-0338-3:1/3"));
  ASSERT_NE(activity, nullptr);
  EXPECT_EQ((*activity)["fullStatement"], "Wekt geen onrealiseerbare verwachtingen (1)");
  EXPECT_EQ((*activity)["notes"], kActivityFootnote);
  const Json* first = parts_find(p["CFItems"], parts_uuid("competence:BK-0338-3:1"));
  ASSERT_NE(first, nullptr);
  EXPECT_FALSE(first->contains("notes"));

  // A partial qualification: an item of its own type under the document, its competences
  // isPartOf it in the page's order.
  const std::string pid = parts_uuid("partial-qualification:BK-0338-3:BKD-0593-1-DBK-01");
  const Json* partial = parts_find(p["CFItems"], pid);
  ASSERT_NE(partial, nullptr);
  EXPECT_EQ((*partial)["fullStatement"], "Onthaalmedewerker vakorganisatie");
  EXPECT_EQ((*partial)["humanCodingScheme"], "BKD-0593-1-DBK-01");
  EXPECT_EQ((*partial)["CFItemType"], sources::case_types::partial_qualification);
  std::vector<std::pair<std::string, long long>> parts;
  bool under_document = false;
  for (const Json& a : p["CFAssociations"]) {
    if (a["associationType"] == "isPartOf" && a["destinationNodeURI"]["identifier"] == pid)
      parts.emplace_back(a["originNodeURI"]["identifier"].get<std::string>(),
                         a["sequenceNumber"].get<long long>());
    if (a["associationType"] == "isChildOf" && a["originNodeURI"]["identifier"] == pid)
      under_document = a["destinationNodeURI"]["identifier"] == doc["identifier"] &&
                       a["sequenceNumber"] == q.competences.size() + 1;
  }
  EXPECT_TRUE(under_document);
  EXPECT_EQ(parts, (std::vector<std::pair<std::string, long long>>{
                       {parts_uuid("competence:BK-0338-3:1"), 1},
                       {parts_uuid("competence:BK-0338-3:3"), 2}}));
  int partial_of_second = 0;
  const std::string second_pid = parts_uuid("partial-qualification:BK-0338-3:BKD-0593-1-DBK-02");
  for (const Json& a : p["CFAssociations"])
    partial_of_second +=
        a["associationType"] == "isPartOf" && a["destinationNodeURI"]["identifier"] == second_pid;
  EXPECT_EQ(partial_of_second, 5);

  // The type comes last in CFDefinitions, so the other types keep their codes.
  const Json& types = p["CFDefinitions"]["CFItemTypes"];
  EXPECT_EQ(types.back()["title"], "Deelkwalificatie");
  EXPECT_EQ(types.back()["hierarchyCode"], "10");

  // Stable: a re-export gives the same bytes.
  EXPECT_EQ(dump_canonical(qualification_to_case(q, {})), dump_canonical(p));
}

TEST(QualificationPartsCase, WithoutThePartsThePackageIsWhatItWas) {
  const Json stripped = qualification_to_case(parts_stripped(parts_qualification()), {});
  EXPECT_EQ(stripped["CFDocument"]["notes"], "vakkaart:BK-0338-3");
  EXPECT_FALSE(stripped["CFDocument"].contains("adoptionStatus"));
  for (const Json& item : stripped["CFItems"])
    EXPECT_FALSE(item.contains("notes")) << item.dump();
  for (const Json& t : stripped["CFDefinitions"]["CFItemTypes"])
    EXPECT_NE(t["title"], "Deelkwalificatie");
}

// Export -> import -> export of these parts: case_qualification_import_test.cpp (the package
// comes back as the qualification since issue 18, no longer as a framework).

// --- SKOS ---

constexpr const char* kSkosNs = "http://www.w3.org/2004/02/skos/core#";
const std::string kScheme = "urn:vakkaart:qualifications/BK-0338-3#scheme";
const std::string kCompetence = "urn:vakkaart:qualifications/BK-0338-3#competence/";

bool parts_has(const RdfGraph& g, const std::string& s, const std::string& p, const RdfTerm& o) {
  return std::any_of(g.triples().begin(), g.triples().end(), [&](const RdfTriple& t) {
    return t.subject == s && t.predicate == p && t.object == o;
  });
}

std::string skos_p(const char* local) {
  return std::string(kSkosNs) + local;
}

TEST(QualificationPartsSkos, PartsBecomeNotesCollectionsAndDeprecation) {
  const model::Qualification q = parts_qualification();
  const RdfGraph g = qualification_to_skos(q, {});
  EXPECT_TRUE(parts_has(g, kScheme, skos_p("scopeNote"), RdfTerm::literal(kScope, "nl")));
  EXPECT_TRUE(parts_has(g, kScheme, skos_p("note"), RdfTerm::literal(kTitleNote, "nl")));
  EXPECT_TRUE(parts_has(g, kScheme, skos_p("note"), RdfTerm::literal(kDefinitionFootnote, "nl")));
  EXPECT_TRUE(
      parts_has(g, kCompetence + "2", skos_p("note"), RdfTerm::literal(kTitleFootnote, "nl")));
  EXPECT_TRUE(parts_has(g, kCompetence + "1/activity/3", skos_p("note"),
                        RdfTerm::literal(kActivityFootnote, "nl")));

  const std::string partial = "urn:vakkaart:qualifications/BK-0338-3#partial/BKD-0593-1-DBK-01";
  EXPECT_TRUE(parts_has(g, partial, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                        RdfTerm::iri(skos_p("Collection"))));
  EXPECT_TRUE(parts_has(g, partial, skos_p("prefLabel"),
                        RdfTerm::literal("Onthaalmedewerker vakorganisatie", "nl")));
  EXPECT_TRUE(parts_has(g, partial, skos_p("notation"), RdfTerm::literal("BKD-0593-1-DBK-01")));
  EXPECT_TRUE(parts_has(g, partial, skos_p("member"), RdfTerm::iri(kCompetence + "1")));
  EXPECT_TRUE(parts_has(g, partial, skos_p("member"), RdfTerm::iri(kCompetence + "3")));
  EXPECT_FALSE(parts_has(g, partial, skos_p("member"), RdfTerm::iri(kCompetence + "2")));

  const std::string deprecated = "http://www.w3.org/2002/07/owl#deprecated";
  EXPECT_TRUE(parts_has(g, kScheme, deprecated, RdfTerm::boolean(true)));
  EXPECT_TRUE(parts_has(g, kCompetence + "1", deprecated, RdfTerm::boolean(true)));
  EXPECT_TRUE(parts_has(g, kCompetence + "1/knowledge/1", deprecated, RdfTerm::boolean(true)));
  EXPECT_TRUE(parts_has(g, partial, deprecated, RdfTerm::boolean(true)));

  // Exactly these triples are added to what the qualification without its parts gives.
  std::size_t lines = 0;
  for (const model::Competence& c : q.competences)
    lines += c.activities.size() + c.knowledge.size();
  const std::size_t concepts = q.competences.size() + lines;
  const std::size_t collections = 2 * 3 + 2 + 5;      // type, label, notation + members
  const std::size_t notes = 1 + 1 + 1 + 2;            // scope, title, footnotes
  const std::size_t deprecations = 1 + concepts + 2;  // scheme, concepts, collections
  EXPECT_EQ(g.size(), qualification_to_skos(parts_stripped(q), {}).size() + collections + notes +
                          deprecations);
}

TEST(QualificationPartsSkos, SerialisationsWriteTheBooleanAndTheOwlPrefixOnlyWhenNeeded) {
  const model::Qualification q = parts_qualification();
  const std::string turtle = to_turtle(qualification_to_skos(q, {}));
  EXPECT_NE(turtle.find("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"), std::string::npos);
  EXPECT_NE(turtle.find("\n<" + kScheme + ">\n    a skos:ConceptScheme ;"), std::string::npos);
  EXPECT_NE(turtle.find("    owl:deprecated true"), std::string::npos);
  EXPECT_NE(turtle.find("    skos:member <" + kCompetence + "3>"), std::string::npos);
  const Json ld = to_jsonld(qualification_to_skos(q, {}));
  EXPECT_EQ(ld["@context"]["owl"], "http://www.w3.org/2002/07/owl#");
  EXPECT_EQ(ld["@graph"][0]["owl:deprecated"], Json::array({Json{{"@value", true}}}));

  const std::string plain = to_turtle(qualification_to_skos(parts_stripped(q), {}));
  EXPECT_EQ(plain.find("owl:"), std::string::npos);
  EXPECT_EQ(plain.find("skos:note"), std::string::npos);
  EXPECT_EQ(plain.find("Collection"), std::string::npos);
}

TEST(QualificationPartsBoth, ACompetenceNumberTheQualificationLacksNamesNothing) {
  // The readers refuse such a number; a model built otherwise still exports only links to
  // what the export holds.
  model::Qualification q = parts_stripped(parts_qualification());
  q.partial_qualifications = {{"BKD-0593-1-DBK-09", "", {2, 99}}};
  const RdfGraph g = qualification_to_skos(q, {});
  const std::string partial = "urn:vakkaart:qualifications/BK-0338-3#partial/BKD-0593-1-DBK-09";
  EXPECT_TRUE(parts_has(g, partial, skos_p("member"), RdfTerm::iri(kCompetence + "2")));
  EXPECT_FALSE(parts_has(g, partial, skos_p("member"), RdfTerm::iri(kCompetence + "99")));
  // Without a title, the code is the label (CASE: the fullStatement, which may not be empty).
  EXPECT_TRUE(
      parts_has(g, partial, skos_p("prefLabel"), RdfTerm::literal("BKD-0593-1-DBK-09", "nl")));
  const Json p = qualification_to_case(q, {});
  EXPECT_TRUE(validate_case_package(p).empty());
  int part_of = 0;
  for (const Json& a : p["CFAssociations"])
    part_of += a["associationType"] == "isPartOf";
  EXPECT_EQ(part_of, 1);
  const Json* item =
      parts_find(p["CFItems"], parts_uuid("partial-qualification:BK-0338-3:BKD-0593-1-DBK-09"));
  ASSERT_NE(item, nullptr);
  EXPECT_EQ((*item)["fullStatement"], "BKD-0593-1-DBK-09");
}

}  // namespace
}  // namespace vakkaart::exchange
