// The SKOS export and our RDF serialisers: Turtle escaping of every kind of string, the
// JSON-LD shape, and the graph a framework, profile and qualification give.
#include <gtest/gtest.h>

#include "exchange/rdf_jsonld.h"
#include "exchange/rdf_turtle.h"
#include "exchange/skos_export.h"

namespace vakkaart::exchange {
namespace {

TEST(TurtleString, EscapesQuotesBackslashesLineBreaksAndControlsAndKeepsNonAscii) {
  EXPECT_EQ(turtle_string("plain"), "\"plain\"");
  EXPECT_EQ(turtle_string("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(turtle_string("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(turtle_string("one\ntwo\r\nthree\tfour"), "\"one\\ntwo\\r\\nthree\\tfour\"");
  EXPECT_EQ(turtle_string(std::string("bell\x07 nul") + '\0' + "x"),
            std::string("\"bell\\u0007 nul\\u0000x\""));
  EXPECT_EQ(turtle_string("co\xc3\xb6rdinatie \xe2\x80\x93 \xf0\x9f\x99\x82"),
            "\"co\xc3\xb6rdinatie \xe2\x80\x93 \xf0\x9f\x99\x82\"");
  EXPECT_EQ(turtle_string("'''\"\"\""), "\"'''\\\"\\\"\\\"\"");
}

TEST(TurtleWriter, GroupsBySubjectAbbreviatesAndPercentEncodesBadIriCharacters) {
  RdfGraph g(std::vector<RdfPrefix>{{"skos", "http://www.w3.org/2004/02/skos/core#"}});
  g.add("urn:x:a b", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        RdfTerm::iri("http://www.w3.org/2004/02/skos/core#Concept"));
  g.add("urn:x:a b", "http://www.w3.org/2004/02/skos/core#prefLabel",
        RdfTerm::literal("A \"b\"", "nl"));
  g.add("urn:x:a b", "http://www.w3.org/2004/02/skos/core#prefLabel",
        RdfTerm::literal("A \"b\"", "nl"));  // the same triple once
  g.add("urn:x:c", "http://www.w3.org/2004/02/skos/core#notation", RdfTerm::literal("c"));
  EXPECT_EQ(g.size(), 3u);
  EXPECT_EQ(to_turtle(g),
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
            "\n<urn:x:a%20b>\n    a skos:Concept ;\n    skos:prefLabel \"A \\\"b\\\"\"@nl .\n"
            "\n<urn:x:c>\n    skos:notation \"c\" .\n");
  Json ld = to_jsonld(g);
  EXPECT_EQ(ld["@context"]["skos"], "http://www.w3.org/2004/02/skos/core#");
  ASSERT_EQ(ld["@graph"].size(), 2u);
  EXPECT_EQ(ld["@graph"][0]["@type"], Json::array({"skos:Concept"}));
  EXPECT_EQ(ld["@graph"][0]["skos:prefLabel"][0]["@language"], "nl");
  EXPECT_FALSE(ld["@graph"][1]["skos:notation"][0].contains("@language"));
}

model::Framework skos_small_framework() {
  model::Framework f;
  f.id = "fw";
  f.title = "Raamwerk";
  f.layers = {{"kern", "Kern"}};
  f.clusters = {{"plannen", "kern", "Plannen"}, {"leren", "kern", "Leren"}};
  model::Profile p;
  p.id = "werker";
  p.title = "Werker";
  p.framework_id = "fw";
  p.definition = "Werkt.";
  p.clusters = {{"plannen", {{"Plant", {{"Maakt een plan", {{"Schrijft het op", {}}}}}}}},
                {"leren", {{std::nullopt, {{"Leert", {}}}}}}};
  f.profiles = {p};
  return f;
}

std::size_t skos_count(const RdfGraph& g, const std::string& local) {
  std::size_t n = 0;
  for (const auto& t : g.triples())
    n += t.predicate == "http://www.w3.org/2004/02/skos/core#" + local;
  return n;
}

TEST(SkosExport, AFrameworkIsASchemeOfConceptsWithBroaderNarrowerAndTheirAlignments) {
  model::Alignment kept;
  kept.source_ref = "werker:plannen:1";
  kept.target_ref = "ander:plannen:2";
  kept.type = model::AlignmentType::close;
  model::Alignment rejected = kept;
  rejected.target_ref = "ander:plannen:3";
  rejected.status = model::AlignmentStatus::rejected;
  model::Alignment elsewhere = kept;
  elsewhere.source_ref = "ander:plannen:2";
  SkosOptions options;
  options.base_url = "https://vk.example/";
  options.more_labels = [](const std::string& key) {
    return key == "profile:werker"
               ? std::vector<SkosLabel>{{"en", "Worker", true}, {"nl", "Medewerker", true}}
               : std::vector<SkosLabel>{};
  };
  auto g = framework_to_skos(skos_small_framework(), {kept, rejected, elsewhere}, options);
  // Concepts: 1 layer, 2 clusters, 1 profile, 2 main activities, 3 activities.
  std::size_t concepts = 0;
  for (const auto& t : g.triples())
    concepts += t.object.value == "http://www.w3.org/2004/02/skos/core#Concept";
  EXPECT_EQ(concepts, 9u);
  EXPECT_EQ(skos_count(g, "inScheme"), 9u);
  EXPECT_EQ(skos_count(g, "prefLabel"), 11u);  // 9 + the scheme + the profile's English one
  EXPECT_EQ(skos_count(g, "altLabel"), 1u);    // a second Dutch one is an alternative
  EXPECT_EQ(skos_count(g, "topConceptOf"), 2u);
  // clusters→layer 2, main activities→profile 2 and →cluster 2, activities 3.
  EXPECT_EQ(skos_count(g, "broader"), 9u);
  EXPECT_EQ(skos_count(g, "narrower"), 9u);
  EXPECT_EQ(skos_count(g, "closeMatch"), 1u);
  EXPECT_EQ(skos_count(g, "relatedMatch") + skos_count(g, "exactMatch"), 0u);
  std::string ttl = to_turtle(g);
  EXPECT_NE(ttl.find("<https://vk.example/profiles/werker#ma/plannen/1>\n"), std::string::npos);
  EXPECT_NE(ttl.find("skos:closeMatch <https://vk.example/profiles/ander#ma/plannen/2>"),
            std::string::npos);
  EXPECT_NE(ttl.find("<https://vk.example/api/frameworks/fw#scheme>"), std::string::npos);
  // The untitled main activity is known by its cluster.
  EXPECT_NE(ttl.find("<https://vk.example/profiles/werker#ma/leren/1>\n    a skos:Concept ;\n"
                     "    skos:prefLabel \"Leren\"@nl"),
            std::string::npos);
}

TEST(SkosExport, AProfileKeepsItsFrameworksLayersAndClustersAndAQualificationItsCompetences) {
  auto f = skos_small_framework();
  model::Profile other = f.profiles[0];
  other.id = "ander";
  f.profiles.push_back(other);
  auto g = profile_to_skos(f, f.profiles[0], {});
  std::size_t concepts = 0;
  for (const auto& t : g.triples())
    concepts += t.object.value == "http://www.w3.org/2004/02/skos/core#Concept";
  EXPECT_EQ(concepts, 9u);
  EXPECT_EQ(to_turtle(g).find("ander"), std::string::npos);

  model::Qualification q;
  q.id = "BK-1-1";
  q.title = "Kwalificatie";
  q.competences.resize(1);
  q.competences[0].number = 3;
  q.competences[0].title = "Communiceert";
  q.competences[0].activities = {{"Luistert", {}}};
  q.competences[0].knowledge = {{"Taal", {}}};
  auto qg = qualification_to_skos(q, {});
  EXPECT_EQ(skos_count(qg, "inScheme"), 3u);
  EXPECT_EQ(skos_count(qg, "broader"), 2u);
  EXPECT_NE(to_turtle(qg).find("<urn:vakkaart:qualifications/BK-1-1#competence/3>"),
            std::string::npos);
  EXPECT_EQ(skos_ref_iri({}, "a b:c:1"), "urn:vakkaart:profiles/a%20b#ma/c/1");
}

// Issue 18: a framework's translations are prefLabels (definitions) in their languages beside
// the Dutch; a further label in a language that has one becomes an alternative.
TEST(SkosExport, TranslationsArePrefLabelsInTheirLanguages) {
  model::Framework f = skos_small_framework();
  f.title_labels = {{"en", "Framework"}};
  f.layers[0].labels = {{"en", "Core"}, {"fr", "Noyau"}};
  f.clusters[1].labels = {{"en", "Learning"}};
  model::Profile& p = f.profiles[0];
  p.title_labels = {{"en", "Worker"}};
  p.definition_labels = {{"fr", "Travaille."}};
  p.clusters[0].main_activities[0].activities[0].children[0].labels = {{"en", "Writes it down"}};
  SkosOptions options;
  options.more_labels = [](const std::string& key) {
    return key == "profile:werker" ? std::vector<SkosLabel>{{"en", "Employee", true}}
                                   : std::vector<SkosLabel>{};
  };
  auto g = framework_to_skos(f, {}, options);
  // 9 concepts + the scheme in Dutch; the scheme, the layer (2), the cluster and the untitled
  // main activity it names (2), the profile and the sub-activity in English or French.
  EXPECT_EQ(skos_count(g, "prefLabel"), 10u + 7u);
  EXPECT_EQ(skos_count(g, "altLabel"), 1u);  // "Employee": the profile has an English one
  EXPECT_EQ(skos_count(g, "definition"), 2u);
  std::string ttl = to_turtle(g);
  EXPECT_NE(ttl.find("\"Noyau\"@fr"), std::string::npos);
  EXPECT_NE(ttl.find("\"Writes it down\"@en"), std::string::npos);
  EXPECT_NE(ttl.find("\"Travaille.\"@fr"), std::string::npos);
  EXPECT_NE(ttl.find("skos:altLabel \"Employee\"@en"), std::string::npos);
  // Without labels: the Dutch ones only.
  EXPECT_EQ(skos_count(framework_to_skos(skos_small_framework(), {}, {}), "prefLabel"), 10u);
}

}  // namespace
}  // namespace vakkaart::exchange
