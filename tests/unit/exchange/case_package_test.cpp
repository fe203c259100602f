#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/uuid_v5.h"
#include "exchange/case_export.h"
#include "exchange/case_validator.h"
#include "sources/case_package.h"
#include "sources/format.h"
#include "sources/source_file.h"
#include "store/sql/case_origin_json.h"
#include "unit/support/sample_documents.h"

namespace vakkaart::exchange {
namespace {

std::string case_read_fixture(const std::string& name) {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/data/case/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Framework case_bundled_framework() {
  std::string path = std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt";
  auto text = sources::read_source_file(path);
  auto parsed = sources::parse_document(text.text, sources::Format::sociare_note, path);
  return std::get<model::Framework>(parsed.documents.at(0));
}

model::Qualification case_bundled_qualification() {
  std::string path = std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt";
  auto text = sources::read_source_file(path);
  auto parsed = sources::parse_document(text.text, sources::Format::akov_bk, path);
  return std::get<model::Qualification>(parsed.documents.at(0));
}

std::vector<model::Alignment> case_sample_alignments() {
  model::Alignment exact;
  exact.source_ref = "werker-a:orienteren-en-relaties:1";
  exact.source_kind = "main_activity";
  exact.target_ref = "BK-0338-3:2";
  exact.target_kind = "competence";
  exact.target_item_title = "Syndicaal deskundige";
  exact.target_title = "Verzamelt informatie";
  exact.type = model::AlignmentType::exact;
  model::Alignment close = exact;
  close.source_ref = "werker-a:de-eigen-deskundigheid-opbouwen:1";
  close.type = model::AlignmentType::close;
  model::Alignment rejected = exact;
  rejected.target_ref = "BK-0338-3:3";
  rejected.status = model::AlignmentStatus::rejected;
  return {exact, close, rejected};
}

std::string case_findings_text(const std::vector<CaseFinding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += f.path + ": " + f.message + "\n";
  return out;
}

const model::Framework& case_parsed_framework(const sources::ParseResult& r) {
  return std::get<model::Framework>(r.documents.at(0));
}

TEST(CaseUuid, Version5MatchesTheRfcAlgorithm) {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  EXPECT_EQ(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_TRUE(is_uuid(vakkaart_uuid_namespace()));
  EXPECT_FALSE(is_uuid("886313e1-3b8a-5372-9b90-0c9aee199e5"));
  EXPECT_FALSE(is_uuid("886313e1x3b8a-5372-9b90-0c9aee199e5d"));
  EXPECT_THROW(uuid_v5("not-a-uuid", "x"), Error);
}

TEST(CaseExport, EveryExportFollowsTheBindingRules) {
  auto f = testing::sample_framework();
  auto alignments = case_sample_alignments();
  EXPECT_EQ(case_findings_text(validate_case_package(framework_to_case(f, alignments))), "");
  EXPECT_EQ(
      case_findings_text(validate_case_package(profile_to_case(f, f.profiles[0], alignments))), "");
  EXPECT_EQ(case_findings_text(
                validate_case_package(qualification_to_case(testing::sample_qualification(), {}))),
            "");
  CaseExportOptions served;
  served.base_uri = "http://127.0.0.1:8080/ims/case/v1p1";
  EXPECT_EQ(case_findings_text(
                validate_case_package(framework_to_case(case_bundled_framework(), {}, served))),
            "");
  EXPECT_EQ(case_findings_text(
                validate_case_package(qualification_to_case(case_bundled_qualification(), {}))),
            "");
}

TEST(CaseExport, IdentifiersAreVersion5UuidsOfOurIds) {
  auto f = testing::sample_framework();
  Json a = framework_to_case(f, {});
  Json b = framework_to_case(f, {});
  EXPECT_EQ(dump_canonical(a), dump_canonical(b));
  EXPECT_EQ(a["CFDocument"]["identifier"],
            uuid_v5(vakkaart_uuid_namespace(), "framework:demo-2020"));
  // A main activity is named by its crosswalk ref, so alignments in other packages point at it.
  bool found = false;
  for (const auto& item : a["CFItems"])
    // Not every item has a coding scheme: value() reads a missing one as "".
    if (item.value("humanCodingScheme", "") == "werker-a:orienteren-en-relaties:1")
      found = item["identifier"] ==
              uuid_v5(vakkaart_uuid_namespace(), "main-activity:werker-a:orienteren-en-relaties:1");
  EXPECT_TRUE(found);
}

TEST(CaseExport, CrosswalksBecomeExactMatchOrRelatedAndRejectedOnesStayOut) {
  Json p = framework_to_case(testing::sample_framework(), case_sample_alignments());
  int exact = 0, related = 0;
  for (const auto& a : p["CFAssociations"]) {
    exact += a["associationType"] == "exactMatchOf";
    if (a["associationType"] == "isRelatedTo") {
      ++related;
      EXPECT_EQ(a["notes"], "vakkaart crosswalk: close, computed");
    }
  }
  EXPECT_EQ(exact, 1);
  EXPECT_EQ(related, 1);
}

TEST(CaseRoundTrip, ExportImportExportIsIdentical) {
  for (const model::Framework& f : {testing::sample_framework(), case_bundled_framework()}) {
    auto alignments = case_sample_alignments();
    std::string first = dump_canonical(framework_to_case(f, alignments));
    auto parsed = sources::parse_case_package(first, "export.json");
    EXPECT_EQ(case_parsed_framework(parsed), f);
    EXPECT_EQ(dump_canonical(framework_to_case(case_parsed_framework(parsed), alignments)), first);
  }
}

TEST(CaseRoundTrip, AProfilesPackageComesBackAsThatOneLooseProfile) {
  const model::Framework f = case_bundled_framework();
  ASSERT_GT(f.profiles.size(), 1u);
  const model::Profile& p = f.profiles[1];
  // As the store hands a profile over: its framework without profiles.
  model::Framework bare = f;
  bare.profiles.clear();
  const Json package = profile_to_case(bare, p, {});
  EXPECT_EQ(case_findings_text(validate_case_package(package)), "");
  EXPECT_EQ(package["CFDocument"]["notes"], "vakkaart:" + f.id);
  int profile_items = 0;
  for (const Json& item : package["CFItems"])
    profile_items += item["CFItemType"] == sources::case_types::profile;
  EXPECT_EQ(profile_items, 1);
  const std::string first = dump_canonical(package);
  auto parsed = sources::parse_case_package(first, "profile.json");
  const model::Framework& back = case_parsed_framework(parsed);
  EXPECT_EQ(back.id, f.id);
  EXPECT_EQ(back.title, "");  // a loose profile: the import merges it into its framework
  ASSERT_EQ(back.profiles.size(), 1u);
  EXPECT_EQ(back.profiles[0], p);
  EXPECT_EQ(back.layers, f.layers);
  EXPECT_EQ(back.clusters, f.clusters);
  EXPECT_TRUE(back.case_origin.empty());
  EXPECT_EQ(dump_canonical(profile_to_case(bare, back.profiles[0], {})), first);
}

TEST(CaseImport, AnOpenSaltPackageImportsWithAllItemsAndAssociations) {
  std::string text = case_read_fixture("opensalt-sample.json");
  EXPECT_EQ(sources::detect_format(text, "opensalt-sample.json"), sources::Format::case_package);
  EXPECT_EQ(case_findings_text(validate_case_package(Json::parse(text))), "");
  auto parsed = sources::parse_case_package(text, "opensalt-sample.json");
  const model::Framework& f = case_parsed_framework(parsed);
  EXPECT_EQ(f.id, "561ae200-8c5b-5b42-84cb-1ce488e6e8e1");
  EXPECT_EQ(f.title, "Digitale vaardigheden (voorbeeld)");
  EXPECT_EQ(f.date, "1.0");
  // The two domains, in sequenceNumber order although the file lists DV.2 first.
  ASSERT_EQ(f.clusters.size(), 2u);
  EXPECT_EQ(f.clusters[0].title, "DV.1 Informatie zoeken en beoordelen");
  EXPECT_EQ(f.clusters[1].title, "DV.2 Communiceren en samenwerken");
  ASSERT_EQ(f.profiles.size(), 1u);
  const auto& dv1 = f.profiles[0].clusters[0].main_activities;
  ASSERT_EQ(dv1.size(), 2u);
  EXPECT_EQ(dv1[0].title, "Zoekt gericht informatie met zoekmachines en databanken.");
  ASSERT_EQ(dv1[0].activities.size(), 2u);
  EXPECT_EQ(dv1[0].activities[1].text, "Verfijnt een zoekopdracht met filters.");
  EXPECT_EQ(dv1[1].title, "Beoordeelt de betrouwbaarheid van een bron.");
  EXPECT_EQ(f.profiles[0].clusters[1].main_activities.size(), 1u);
  // 7 items: 2 clusters + 3 main activities + 2 activities. 7 isChildOf are the hierarchy; the
  // other two associations are named in the report.
  std::string report;
  for (const auto& n : parsed.notes)
    report += n.message + "\n";
  EXPECT_NE(report.find("7 items, 9 associations"), std::string::npos) << report;
  EXPECT_NE(report.find("2 associations outside the hierarchy"), std::string::npos) << report;
  EXPECT_EQ(report.find("not kept"), std::string::npos) << report;

  // Every item and every association comes back out under the identifier the package gave it,
  // the associations outside the hierarchy as the package stated them.
  Json again = framework_to_case(f, {});
  EXPECT_EQ(case_findings_text(validate_case_package(again)), "");
  EXPECT_EQ(again["CFDocument"]["identifier"], "561ae200-8c5b-5b42-84cb-1ce488e6e8e1");
  // The document's adoptionStatus and description come back as the package gave them; it has
  // no notes, so the document's notes are our id line alone, and no item gets notes.
  EXPECT_EQ(again["CFDocument"]["adoptionStatus"], "Draft");
  EXPECT_EQ(again["CFDocument"]["description"],
            "Een klein kader van eigen makelij in de vorm van een OpenSALT-export.");
  EXPECT_EQ(again["CFDocument"]["notes"], "vakkaart:561ae200-8c5b-5b42-84cb-1ce488e6e8e1");
  EXPECT_TRUE(f.case_origin.item_notes.empty());
  Json source = Json::parse(text);
  std::map<std::string, std::string> exported_items;
  for (const auto& item : again["CFItems"])
    exported_items[item["identifier"].get<std::string>()] = item["fullStatement"];
  for (const auto& item : source["CFItems"]) {
    const auto id = item["identifier"].get<std::string>();
    ASSERT_TRUE(exported_items.count(id)) << "item " << id << " lost its identifier";
    // A top item's humanCodingScheme leads its cluster's title ("DV.1 Informatie …").
    EXPECT_NE(exported_items[id].find(item["fullStatement"].get<std::string>()), std::string::npos);
  }
  std::map<std::string, Json> exported_associations;
  for (const auto& a : again["CFAssociations"])
    exported_associations[a["identifier"].get<std::string>()] = a;
  for (const auto& a : source["CFAssociations"]) {
    const auto id = a["identifier"].get<std::string>();
    ASSERT_TRUE(exported_associations.count(id)) << "association " << id << " lost";
    const auto& out = exported_associations[id];
    EXPECT_EQ(out["originNodeURI"]["identifier"], a["originNodeURI"]["identifier"]);
    if (a["associationType"] != "isChildOf") {
      EXPECT_EQ(out["associationType"], a["associationType"]);
      EXPECT_EQ(out["destinationNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"]);
      EXPECT_EQ(out["destinationNodeURI"]["title"], a["destinationNodeURI"]["title"]);
    }
  }
  // And from then on the round trip is exact.
  auto second = sources::parse_case_package(dump_canonical(again), "again.json");
  EXPECT_EQ(store::case_origin_to_text(case_parsed_framework(second).case_origin),
            store::case_origin_to_text(f.case_origin));
  EXPECT_EQ(case_parsed_framework(second), f);
  EXPECT_EQ(dump_canonical(framework_to_case(case_parsed_framework(second), {})),
            dump_canonical(again));
}

TEST(CaseImport, AnOriginStoredBeforeTheDocumentFieldsReadsAndIsStoredAsBefore) {
  // frameworks.case_origin as written before the document's notes, description, adoptionStatus
  // and the items' notes were kept: those are optional members, so no migration.
  const std::string stored = R"({"identifiers":{"a":"b"},"associations":[]})";
  const model::CaseOrigin origin = store::case_origin_from_text(stored);
  EXPECT_EQ(origin.identifiers.at("a"), "b");
  EXPECT_TRUE(origin.document_notes.empty());
  EXPECT_TRUE(origin.document_description.empty());
  EXPECT_TRUE(origin.adoption_status.empty());
  EXPECT_TRUE(origin.item_notes.empty());
  EXPECT_EQ(store::case_origin_to_text(origin), stored);
}

TEST(CaseImport, BadPackagesAreRefusedNamingTheField) {
  try {
    sources::parse_case_package(R"({"CFDocument": {"identifier": "x", "title": "t"},
      "CFItems": [{"identifier": "a"}]})",
                                "bad.json");
    FAIL() << "accepted an item without fullStatement";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_NE(std::string(e.what()).find("CFItems[0]"), std::string::npos) << e.what();
  }
  try {
    sources::parse_case_package("{\"CFDocument\":\n{\"identifier\": ]", "broken.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2);
  }
  EXPECT_THROW(sources::parse_case_package("[]", "a.json"), Error);
  EXPECT_THROW(sources::parse_case_package(R"({"CFDocument": 3})", "a.json"), Error);
}

TEST(CaseImport, ACycleOrADeepChainDoesNotCrash) {
  std::string items, assocs;
  std::string doc = "00000000-0000-4000-8000-000000000000";
  std::string prev = doc;
  for (int i = 1; i <= 100; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    items +=
        std::string(i > 1 ? "," : "") + R"({"identifier":")" + id + R"(","fullStatement":"s"})";
    assocs += std::string(i > 1 ? "," : "") + R"({"associationType":"isChildOf",)" +
              R"("originNodeURI":{"identifier":")" + id + R"("},"destinationNodeURI":{)" +
              R"("identifier":")" + prev + R"("}})";
    prev = id;
  }
  std::string text = R"({"CFDocument":{"identifier":")" + doc + R"(","title":"t"},"CFItems":[)" +
                     items + R"(],"CFAssociations":[)" + assocs + "]}";
  EXPECT_THROW(sources::parse_case_package(text, "deep.json"), Error);
}

// The validator's own rules, each broken once.
class CaseValidatorRules : public ::testing::Test {
 protected:
  Json package = framework_to_case(testing::sample_framework(), {});
  std::string findings() { return case_findings_text(validate_case_package(package)); }
};

TEST_F(CaseValidatorRules, RequiredPropertiesPerClass) {
  package["CFDocument"].erase("creator");
  package["CFItems"][0].erase("fullStatement");
  package["CFAssociations"][0].erase("destinationNodeURI");
  package["CFDefinitions"]["CFItemTypes"][0].erase("hierarchyCode");
  std::string f = findings();
  EXPECT_NE(f.find("CFDocument: CFDocument requires \"creator\""), std::string::npos) << f;
  EXPECT_NE(f.find("CFItems[0]: CFItem requires \"fullStatement\""), std::string::npos) << f;
  EXPECT_NE(f.find("CFAssociations[0]: CFAssociation requires \"destinationNodeURI\""),
            std::string::npos)
      << f;
  EXPECT_NE(f.find("CFItemType requires \"hierarchyCode\""), std::string::npos) << f;
}

TEST_F(CaseValidatorRules, ObjectsAreClosed) {
  package["CFItems"][1]["colour"] = "blue";
  package["CFAssociations"][0]["originNodeURI"]["extra"] = 1;
  package["CFSomething"] = Json::array();
  std::string f = findings();
  EXPECT_NE(f.find("CFItems[1].colour"), std::string::npos) << f;
  EXPECT_NE(f.find("CFAssociations[0].originNodeURI.extra"), std::string::npos) << f;
  EXPECT_NE(f.find("CFSomething"), std::string::npos) << f;
}

TEST_F(CaseValidatorRules, IdentifiersFollowTheUuidPattern) {
  package["CFItems"][0]["identifier"] = "werker-a";
  EXPECT_NE(findings().find("CFItems[0].identifier: must be a UUID"), std::string::npos);
}

TEST_F(CaseValidatorRules, AssociationTypesAreTheDefinedOnesOrExtensions) {
  package["CFAssociations"][0]["associationType"] = "isSimilarTo";
  EXPECT_NE(findings().find("is not a CASE association type"), std::string::npos);
  package["CFAssociations"][0]["associationType"] = "ext:isSimilarTo";
  EXPECT_EQ(findings().find("is not a CASE association type"), std::string::npos);
}

TEST_F(CaseValidatorRules, DatesAndReferences) {
  package["CFItems"][0]["lastChangeDateTime"] = "2020-01-01";
  package["CFAssociations"][0]["originNodeURI"]["identifier"] =
      "00000000-0000-4000-8000-000000000001";
  package["CFDefinitions"]["CFItemTypes"].erase(0);
  std::string f = findings();
  EXPECT_NE(f.find("must be an ISO 8601 date-time"), std::string::npos) << f;
  EXPECT_NE(f.find("isChildOf from an item not in the package"), std::string::npos) << f;
  EXPECT_NE(f.find("is not among CFDefinitions.CFItemTypes"), std::string::npos) << f;
}

}  // namespace
}  // namespace vakkaart::exchange
