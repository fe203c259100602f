#include "compare/similarity.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "catalog/import_service.h"
#include "core/error.h"
#include "render/similarity_svg.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::compare {
namespace {

using testing::sample_framework;
using testing::sample_qualification;
using testing::TempDir;

/// An item whose statements are exactly the given lines (as a qualification's responsibilities).
Item item_with(const std::string& id, const std::vector<std::string>& lines) {
  Item item;
  item.info = {id, ItemKind::qualification, id, ""};
  model::Qualification q;
  q.id = id;
  q.responsibility = lines;
  item.qualification = q;
  return item;
}

/// An analyzer without a lexicon whose only stop words are "de" and "een": small and exact.
class SimilarityWithSmallAnalyzer : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.file("stop.txt")) << "de\neen\n";
    analyzer_ = std::make_unique<text::Analyzer>(
        text::Analyzer::Resources{dir_.file("stop.txt"), "", "", nullptr});
  }
  const Measure& measure(const Similarity& s, const std::string& id) {
    for (const auto& m : s.measures) {
      if (m.id == id)
        return m;
    }
    throw std::runtime_error("no measure " + id);
  }
  TempDir dir_;
  std::unique_ptr<text::Analyzer> analyzer_;
};

void expect_similarity_matrix(const Measure& m, std::size_t n) {
  ASSERT_EQ(m.values.size(), n) << m.id;
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(m.values[i].size(), n) << m.id;
    EXPECT_EQ(m.values[i][i], 1.0) << m.id;
    for (std::size_t j = 0; j < n; ++j) {
      EXPECT_EQ(m.values[i][j], m.values[j][i]) << m.id << " " << i << "," << j;
      EXPECT_GE(m.values[i][j], 0.0) << m.id;
      EXPECT_LE(m.values[i][j], 1.0) << m.id;
    }
  }
}

TEST_F(SimilarityWithSmallAnalyzer, StatementsMeasureIsJaccardOfExactTexts) {
  const auto s = similarity({item_with("a", {"Plant activiteiten", "Zoekt partners", "Leidt"}),
                             item_with("b", {"Zoekt partners", "Leidt", "Evalueert"}),
                             item_with("c", {"plant activiteiten"})},
                            *analyzer_);
  ASSERT_EQ(s.measures.size(), 2u);
  EXPECT_EQ(s.measures[0].id, "statements");
  EXPECT_EQ(s.measures[1].id, "terms");
  const auto& m = measure(s, "statements");
  expect_similarity_matrix(m, 3);
  EXPECT_DOUBLE_EQ(m.values[0][1], 2.0 / 4.0);
  // Exact text: a different capital makes a different statement.
  EXPECT_EQ(m.values[0][2], 0.0);
  // ...but the same words.
  EXPECT_GT(measure(s, "terms").values[0][2], 0.0);
}

TEST_F(SimilarityWithSmallAnalyzer, TermsIgnoreStopWordsAndWordForms) {
  const auto s = similarity(
      {item_with("a", {"Plant de activiteit met groepen"}),
       item_with("b", {"Plant een activiteit met groep"}), item_with("c", {"Schrijft verslagen"})},
      *analyzer_);
  const auto& terms = measure(s, "terms");
  expect_similarity_matrix(terms, 3);
  EXPECT_NEAR(terms.values[0][1], 1.0, 1e-12);
  EXPECT_EQ(terms.values[0][2], 0.0);
  EXPECT_EQ(measure(s, "statements").values[0][1], 0.0);
}

TEST_F(SimilarityWithSmallAnalyzer, TermsAreCosineOfSmoothedTfIdf) {
  // Two items: "kat" in both (idf ln(3/3) + 1 = 1), "hond" in one (idf ln(3/2) + 1).
  const auto s = similarity({item_with("a", {"kat hond"}), item_with("b", {"kat"})}, *analyzer_);
  const double hond = std::log(1.5) + 1;
  EXPECT_NEAR(measure(s, "terms").values[0][1], 1.0 / std::sqrt(1 + hond * hond), 1e-12);
}

TEST_F(SimilarityWithSmallAnalyzer, SameInputSameNumbersInAnyOrder) {
  const std::vector<Item> items = {item_with("a", {"Plant activiteiten", "Zoekt partners"}),
                                   item_with("b", {"Zoekt partners", "Begeleidt groepen"}),
                                   item_with("c", {"Begeleidt vrijwilligers bij activiteiten"}),
                                   item_with("d", {})};
  const auto once = similarity(items, *analyzer_);
  const auto again = similarity(items, *analyzer_);
  const std::vector<Item> reversed(items.rbegin(), items.rend());
  const auto backwards = similarity(reversed, *analyzer_);
  for (std::size_t m = 0; m < once.measures.size(); ++m) {
    expect_similarity_matrix(once.measures[m], 4);
    EXPECT_EQ(once.measures[m].values, again.measures[m].values);
    for (std::size_t i = 0; i < 4; ++i) {
      for (std::size_t j = 0; j < 4; ++j)
        EXPECT_NEAR(once.measures[m].values[i][j], backwards.measures[m].values[3 - i][3 - j],
                    1e-12);
    }
  }
  // An item without statements resembles nothing else.
  EXPECT_EQ(once.measures[0].values[3][0], 0.0);
  EXPECT_EQ(once.measures[1].values[3][0], 0.0);
}

TEST_F(SimilarityWithSmallAnalyzer, JsonAndHeatmapsCarryBothMeasures) {
  const auto s = similarity({item_with("a", {"Plant activiteiten", "Leidt"}),
                             item_with("b", {"Leidt", "Evalueert", "Schrijft"})},
                            *analyzer_);
  const auto json = similarity_to_json(s);
  EXPECT_EQ(json["items"][1]["id"], "b");
  EXPECT_EQ(json["items"][1]["kind"], "qualification");
  ASSERT_EQ(json["measures"].size(), 2u);
  for (const auto& m : json["measures"]) {
    for (const char* key : {"label", "label_en", "description", "description_en"})
      EXPECT_FALSE(m[key].get<std::string>().empty()) << key;
  }
  EXPECT_EQ(json["measures"][0]["values"][0][1], 0.25);
  const auto svgs = render::similarity_heatmaps_svg(
      s, "en", [](const ItemInfo& item) { return "/bk/" + item.id; });
  ASSERT_EQ(svgs.size(), 2u);
  EXPECT_NE(svgs[0].find("data-measure=\"statements\""), std::string::npos);
  EXPECT_NE(svgs[1].find("data-measure=\"terms\""), std::string::npos);
  EXPECT_NE(svgs[0].find("aria-label=\"Shared statements\""), std::string::npos);
  EXPECT_NE(svgs[0].find("href=\"/bk/b\""), std::string::npos);
  EXPECT_NE(svgs[0].find("data-value=\"0.25\""), std::string::npos);
}

std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items)
    ids.push_back(item.info.id);
  return ids;
}

TEST(SimilarityItems, ProfilesThenRequestedThenCurrentQualifications) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("s.db"));
  store->put_documents({sample_framework(), sample_qualification(1), sample_qualification(2)});
  EXPECT_EQ(ids_of(similarity_items(*store, {})),
            (std::vector<std::string>{"werker-a", "werker-b", "BK-9999-2"}));
  // A requested qualification replaces the current ones; profiles are not repeated.
  EXPECT_EQ(ids_of(similarity_items(*store, {"BK-9999-1", "werker-b"})),
            (std::vector<std::string>{"werker-a", "werker-b", "BK-9999-1"}));
  EXPECT_EQ(ids_of(similarity_items(*store, {"BK-9999"})),
            (std::vector<std::string>{"werker-a", "werker-b", "BK-9999-2"}));
  try {
    similarity_items(*store, {"werker-a", "geen-beroep"});
    ADD_FAILURE() << "unknown id accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_NE(e.message().find("geen-beroep"), std::string::npos);
  }
  try {
    similarity_items(*store, std::vector<std::string>(kMaxMatrixItems + 1, "werker-a"));
    ADD_FAILURE() << "too many ids accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(e.where().field, "item");
  }
}

TEST(SimilarityItems, CapKeepsWhatWasRequested) {
  auto framework = sample_framework();
  const auto base = framework.profiles.at(1);
  for (int i = 0; i < 31; ++i) {
    auto p = base;
    p.id = "extra-" + std::to_string(100 + i);
    p.title = "Extra " + std::to_string(i);
    p.definition = "Definitie " + std::to_string(i);
    framework.profiles.push_back(p);
  }
  TempDir dir;
  auto store = testing::open_test_store(dir.file("s.db"));
  store->put_documents({framework, sample_qualification()});
  const auto plain = ids_of(similarity_items(*store, {}));
  ASSERT_EQ(plain.size(), kMaxMatrixItems);
  EXPECT_EQ(plain.front(), "werker-a");
  const auto asked = ids_of(similarity_items(*store, {"BK-9999-1", "extra-130"}));
  ASSERT_EQ(asked.size(), kMaxMatrixItems);
  EXPECT_EQ(asked.back(), "BK-9999-1");
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "extra-130"), 1);
  EXPECT_EQ(asked.front(), "werker-a");
}

/// The bundled sources with the standard analyzer: the statements measure must equal Jaccard
/// over the texts the store records per item.
TEST(Similarity, BundledMatrixAgreesWithTheStore) {
  TempDir dir;
  auto store = testing::open_test_store(dir.file("b.db"));
  testing::import_bundled_sources(*store);
  const auto items = similarity_items(*store, {});
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items.back().info.id, "BK-0338-3");
  std::map<std::string, std::set<std::string>> texts;
  for (const auto& o : store->statement_occurrences())
    texts[o.profile_id.empty() ? o.qualification_id : o.profile_id].insert(o.text);

  const auto s = similarity(items);
  EXPECT_EQ(similarity(items).measures[1].values, s.measures[1].values);
  for (const auto& m : s.measures)
    expect_similarity_matrix(m, items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < items.size(); ++j) {
      const auto& a = texts[items[i].info.id];
      const auto& b = texts[items[j].info.id];
      std::size_t common = 0;
      for (const auto& t : a)
        common += b.count(t);
      const double expected =
          static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
      EXPECT_DOUBLE_EQ(s.measures[0].values[i][j], expected) << i << "," << j;
    }
  }
  // The five profiles come from one framework and share its wording: each profile's nearest
  // item by vocabulary is another profile, not the qualification.
  const auto& terms = s.measures[1].values;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    std::size_t nearest = i == 0 ? 1 : 0;
    for (std::size_t j = 0; j < items.size(); ++j) {
      if (j != i && terms[i][j] > terms[i][nearest])
        nearest = j;
    }
    EXPECT_NE(nearest, items.size() - 1) << items[i].info.id;
    EXPECT_GT(terms[i][nearest], 0.0);
  }
}

}  // namespace
}  // namespace vakkaart::compare
