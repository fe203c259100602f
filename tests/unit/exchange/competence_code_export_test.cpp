// A competence's own code (the older layouts' "(co 01310)", issue 18) in the exchange exports:
// CASE's humanCodingScheme of the competence item, a further skos:notation of its concept.
// Without codes every export stays as it was.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/uuid_v5.h"
#include "exchange/case_export.h"
#include "exchange/case_validator.h"
#include "exchange/skos_export.h"
#include "sources/akov/decree_annex.h"
#include "unit/support/bk_layout_fixture.h"

namespace vakkaart::exchange {
namespace {

model::Qualification coded() {
  const auto result = sources::parse_bk_decree_annex(
      testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "BK-0338-1-decree-annex.txt");
  return std::get<model::Qualification>(result.documents.at(0));
}

model::Qualification uncoded(model::Qualification q) {
  for (auto& c : q.competences)
    c.code.reset();
  return q;
}

const Json* item(const Json& package, int competence) {
  const std::string id =
      uuid_v5(vakkaart_uuid_namespace(), "competence:BK-0338-1:" + std::to_string(competence));
  for (const Json& j : package["CFItems"])
    if (j["identifier"] == id)
      return &j;
  return nullptr;
}

TEST(CompetenceCodeCase, TheCodeIsTheHumanCodingSchemeOfTheCompetence) {
  const model::Qualification q = coded();
  ASSERT_EQ(q.competences.at(0).code, "co 01310");
  const Json p = qualification_to_case(q, {});
  EXPECT_TRUE(validate_case_package(p).empty());
  ASSERT_NE(item(p, 1), nullptr);
  EXPECT_EQ((*item(p, 1))["humanCodingScheme"], "co 01310");
  EXPECT_EQ((*item(p, 2))["humanCodingScheme"], "co 01320");

  // Without codes: the ref, as before; and that is the only difference.
  Json plain = qualification_to_case(uncoded(q), {});
  ASSERT_NE(item(plain, 1), nullptr);
  EXPECT_EQ((*item(plain, 1))["humanCodingScheme"], "BK-0338-1:1");
  EXPECT_EQ((*item(plain, 2))["humanCodingScheme"], "BK-0338-1:2");
  for (Json& j : plain["CFItems"]) {
    const std::string code = j.value("humanCodingScheme", "");
    if (code == "BK-0338-1:1")
      j["humanCodingScheme"] = "co 01310";
    if (code == "BK-0338-1:2")
      j["humanCodingScheme"] = "co 01320";
  }
  EXPECT_EQ(plain.dump(), p.dump()) << Json::diff(plain, p).dump();
}

bool has(const RdfGraph& g, const std::string& s, const std::string& p, const RdfTerm& o) {
  return std::any_of(g.triples().begin(), g.triples().end(), [&](const RdfTriple& t) {
    return t.subject == s && t.predicate == p && t.object == o;
  });
}

TEST(CompetenceCodeSkos, TheCodeIsAFurtherNotationOfTheCompetence) {
  const model::Qualification q = coded();
  const RdfGraph g = qualification_to_skos(q, {});
  const std::string notation = "http://www.w3.org/2004/02/skos/core#notation";
  const std::string first = "urn:vakkaart:qualifications/BK-0338-1#competence/1";
  EXPECT_TRUE(has(g, first, notation, RdfTerm::literal("BK-0338-1:1")));
  EXPECT_TRUE(has(g, first, notation, RdfTerm::literal("co 01310")));
  EXPECT_TRUE(has(g, "urn:vakkaart:qualifications/BK-0338-1#competence/2", notation,
                  RdfTerm::literal("co 01320")));
  // Exactly the two notations more than without codes.
  EXPECT_EQ(g.size(), qualification_to_skos(uncoded(q), {}).size() + 2);
}

}  // namespace
}  // namespace vakkaart::exchange
