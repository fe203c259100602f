#include "sources/sociare_note.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sources/canonical_json.h"
#include "sources/source_file.h"

namespace vakkaart::sources {
namespace {

const std::string kNotePath =
    std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt";

const model::Framework& note() {
  static const model::Framework framework = [] {
    const auto source = read_source_file(kNotePath);
    auto result = parse_sociare_note(source.text, kNotePath);
    return std::get<model::Framework>(result.documents.at(0));
  }();
  return framework;
}

Json golden_profiles() {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/golden/sociare-2016.profiles.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Json::parse(buffer.str());
}

TEST(SociareNote, DetectsItsLayout) {
  EXPECT_TRUE(looks_like_sociare_note(read_source_file(kNotePath).text));
  EXPECT_FALSE(looks_like_sociare_note("Syndicaal deskundige\n\nBK-0338-3\n"));
}

TEST(SociareNote, FrameworkHeaderAndRingModel) {
  const auto& fw = note();
  EXPECT_EQ(fw.id, "sociare-2016");
  EXPECT_EQ(fw.title, "Beroepenstructuur Sociaal Cultureel Werk");
  EXPECT_EQ(fw.date, "6 juli 2016");
  ASSERT_EQ(fw.layers.size(), 3u);
  EXPECT_EQ(fw.layers[0].id, "lerende-professional");
  EXPECT_EQ(fw.layers[2].id, "ondersteunende-activiteiten");
  ASSERT_EQ(fw.clusters.size(), 9u);
  EXPECT_EQ(fw.clusters[3].id, "orienteren-en-relaties");
  EXPECT_EQ(fw.clusters[3].title, "Oriënteren en relaties");
  EXPECT_EQ(fw.clusters[3].layer_id, "kernactiviteiten");
}

TEST(SociareNote, CountsOfTheIssue) {
  const auto& fw = note();
  ASSERT_EQ(fw.profiles.size(), 5u);
  std::size_t activities = 0;
  std::size_t children = 0;
  for (const auto& profile : fw.profiles) {
    EXPECT_EQ(profile.clusters.size(), 9u) << profile.id;
    for (const auto& cluster : profile.clusters) {
      for (const auto& ma : cluster.main_activities) {
        activities += ma.activities.size();
        for (const auto& a : ma.activities)
          children += a.children.size();
      }
    }
  }
  EXPECT_EQ(activities, 314u);
  EXPECT_EQ(children, 10u);
}

TEST(SociareNote, EqualsTheGoldenProfiles) {
  const auto& fw = note();
  const Json golden = golden_profiles();
  ASSERT_EQ(golden.size(), fw.profiles.size());
  for (std::size_t i = 0; i < fw.profiles.size(); ++i) {
    const Json ours = profile_to_json(fw, fw.profiles[i]);
    // Every field of the golden must be there with the same value (extra fields are fine).
    for (const auto& [key, value] : golden[i].items()) {
      ASSERT_TRUE(ours.contains(key)) << key;
      EXPECT_EQ(ours[key].dump(), value.dump()) << fw.profiles[i].id << " field " << key;
    }
  }
}

TEST(SociareNote, WordHyphensAreNotBullets) {
  const auto* campagne = note().find_profile("campagnewerker");
  ASSERT_NE(campagne, nullptr);
  EXPECT_EQ(campagne->clusters[1].main_activities[0].title,
            "Informatie-, sensibiliserings- en activeringsacties en –processen uitwerken volgens "
            "de visie van de organisatie");
}

TEST(SociareNote, PlainTextBlockRuleIsAppliedAndReported) {
  const auto source = read_source_file(kNotePath);
  const auto result = parse_sociare_note(source.text, kNotePath);
  int decisions = 0;
  for (const auto& n : result.notes)
    decisions += n.kind == ReportNote::Kind::decision;
  EXPECT_EQ(decisions, 4);
  const auto& fw = std::get<model::Framework>(result.documents[0]);
  // Ondersteunen - coachen - sturen: both blocks and the continuation list go to the
  // campagnewerker; the belangenbehartiger has nothing there.
  const auto* campagne = fw.find_profile("campagnewerker");
  const auto* belangen = fw.find_profile("belangenbehartiger");
  EXPECT_EQ(campagne->clusters[5].main_activities.size(), 2u);
  EXPECT_EQ(campagne->clusters[5].main_activities[1].activities.size(), 7u);
  EXPECT_TRUE(belangen->clusters[5].main_activities.empty());
}

/// A small note exercising the block rule without a continuation: blocks fill columns in order.
TEST(SociareNote, BlocksFillColumnsInOrder) {
  const std::string text =
      "NOTA\n\nTitel\n\nDatum: 1 mei 2020\n\nA\tB\nDEFINITIE BEROEP\t\n<p>Def a</p>\t<p>Def b</p>\n"
      "DE LERENDE PROFESSIONAL\t\nLeren\t\n<ul> - Leert\t<ul> - Leert ook\n"
      "KERNACTIVITEITEN BEROEP\n\nDoen\n\nEerste blok\n\n- Doet een\n\nTweede blok\n\n- Doet twee\n"
      "ONDERSTEUNENDE ACTIVITEITEN BEROEP\n\nHelpen\n\n<p>Helpt</p> <ul> - x\t\n";
  const auto result = parse_sociare_note(text, "mini.txt");
  const auto& fw = std::get<model::Framework>(result.documents[0]);
  EXPECT_EQ(fw.id, "sociare-2020");
  ASSERT_EQ(fw.profiles.size(), 2u);
  EXPECT_EQ(fw.profiles[0].clusters[1].main_activities.at(0).title, "Eerste blok");
  EXPECT_EQ(fw.profiles[1].clusters[1].main_activities.at(0).title, "Tweede blok");
  EXPECT_EQ(fw.profiles[1].clusters[2].main_activities.size(), 0u);
  EXPECT_FALSE(fw.profiles[0].clusters[0].main_activities.at(0).title.has_value());
}

TEST(SociareNote, TruncatedNoteIsAnErrorNamingTheLine) {
  const auto source = read_source_file(kNotePath);
  const auto cut = source.text.substr(0, source.text.find("ONDERSTEUNENDE ACTIVITEITEN BEROEP"));
  try {
    parse_sociare_note(cut, "cut.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_EQ(e.where().file, "cut.txt");
    EXPECT_GT(e.where().line, 0);
    EXPECT_NE(e.message().find("truncated"), std::string::npos);
  }
}

TEST(SociareNote, NoTableIsAnError) {
  EXPECT_THROW(parse_sociare_note("NOTA\n\nIets\n", "x.txt"), Error);
}

}  // namespace
}  // namespace vakkaart::sources
