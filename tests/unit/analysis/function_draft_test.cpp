// "Maak hier een functie van" (issue 17): the draft an analysis proposes counts what its
// coverage counts; a draft sent back by a form is checked against the structure; the function
// made from it holds one block per source after the learning-professional core.
#include "analysis/function_draft.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analysis/matcher.h"
#include "compose/function_from_sources.h"
#include "core/error.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::analysis {
namespace {

std::string draft_test_vacancy(const std::string& name) {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/data/vacancies/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FunctionDraftTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    store_ = testing::open_test_store(dir_->file("draft.db")).release();
    testing::import_bundled_sources(*store_);
    matcher_ = new Matcher(StructureIndex::build(*store_));
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete store_;
    delete dir_;
  }
  static const StructureIndex& index() { return matcher_->index(); }

  static testing::TempDir* dir_;
  static store::Store* store_;
  static Matcher* matcher_;
};

testing::TempDir* FunctionDraftTest::dir_ = nullptr;
store::Store* FunctionDraftTest::store_ = nullptr;
Matcher* FunctionDraftTest::matcher_ = nullptr;

TEST(FunctionDraftTitle, TheFirstLineWhenItReadsAsAJobTitle) {
  EXPECT_EQ(title_from_first_line("\n  Medewerker activiteiten buurtwerking (m/v/x)\nBuurthuis"),
            "Medewerker activiteiten buurtwerking");
  EXPECT_EQ(title_from_first_line("Programmator gemeenschapscentrum (m/v/x) – GC De Waaier"),
            "Programmator gemeenschapscentrum");
  EXPECT_EQ(title_from_first_line("VACATURE GEMEENSCHAPSWERKER\n\nWij zoeken"),
            "Gemeenschapswerker");
  EXPECT_EQ(title_from_first_line("vacature campagnewerker (voltijds) bij ACTIEGROEP"),
            "Campagnewerker");
  EXPECT_EQ(title_from_first_line("# Opbouwwerker"), "Opbouwwerker");
  // A heading of the document, a sentence, a shout or a paragraph: no title.
  EXPECT_EQ(title_from_first_line("FUNCTIEBESCHRIJVING\nConsulent"), "");
  EXPECT_EQ(title_from_first_line("Opleidingsonderdeel: Campagnes en sociale actie"), "");
  EXPECT_EQ(title_from_first_line("CHAUFFEUR CE GEZOCHT!! nationaal transport, thuis"), "");
  EXPECT_EQ(title_from_first_line("Je organiseert activiteiten. Je werkt samen."), "");
  EXPECT_EQ(title_from_first_line(std::string(81, 'a')), "");
  EXPECT_EQ(title_from_first_line(""), "");
}

TEST_F(FunctionDraftTest, TheDraftHoldsWhatTheCoverageCounts) {
  const std::string text = draft_test_vacancy("038-campagnewerker-fairtrade.txt");
  const auto result = matcher_->analyse(text, Detail::full);
  ASSERT_EQ(result.best, "campagnewerker");
  const auto draft = function_draft(result, index(), text);
  ASSERT_TRUE(draft);
  const auto& best = result.candidates.front();
  EXPECT_EQ(draft->candidate_id, "campagnewerker");
  EXPECT_TRUE(draft->profile);
  EXPECT_EQ(draft->framework_id, "sociare-2016");
  // The same count as the headline "N van de M hoofdactiviteiten komen voor".
  EXPECT_EQ(static_cast<int>(draft->sources.size()), best.matched);
  ASSERT_EQ(draft->groups.size(), draft->sources.size());
  for (std::size_t k = 0; k < draft->sources.size(); ++k) {
    EXPECT_EQ(index().groups()[draft->groups[k]].ref, draft->sources[k]);
    EXPECT_EQ(draft->sources[k].rfind("campagnewerker:", 0), 0u) << draft->sources[k];
  }
  EXPECT_FALSE(draft->title.empty());
  EXPECT_LE(draft->title.size(), kMaxDraftTitleChars);
  // What the form sends back is accepted as it is.
  const auto checked = checked_function_draft(index(), draft->candidate_id, draft->sources);
  EXPECT_EQ(checked.sources, draft->sources);
}

TEST_F(FunctionDraftTest, NothingRecognisedIsNoDraft) {
  const std::string text = draft_test_vacancy("004-verpleegkundige-az-kortrijk.txt");
  const auto result = matcher_->analyse(text, Detail::full);
  ASSERT_EQ(result.best, "none");
  EXPECT_FALSE(function_draft(result, index(), text));
}

TEST_F(FunctionDraftTest, AFormsDraftIsCheckedAgainstTheStructure) {
  const auto& gw =
      index().candidates()[static_cast<std::size_t>(index().find_candidate("gemeenschapswerker"))];
  ASSERT_GE(gw.groups.size(), 3u);
  const std::string first = index().groups()[gw.groups[0]].ref;
  const std::string third = index().groups()[gw.groups[2]].ref;
  // Given out of order, kept in the structure's order.
  const auto d = checked_function_draft(index(), "gemeenschapswerker", {third, first});
  EXPECT_EQ(d.sources, (std::vector<std::string>{first, third}));

  auto refused = [&](const std::string& candidate, const std::vector<std::string>& sources,
                     const std::string& field, const std::string& words) {
    try {
      checked_function_draft(index(), candidate, sources);
      ADD_FAILURE() << "accepted " << candidate;
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, field) << e.what();
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  refused("", {first}, "candidate", "missing");
  refused("geen-profiel", {first}, "candidate", "'geen-profiel' is no profile");
  refused("gemeenschapswerker", {}, "source", "at least one");
  // Another profile's main activity, a made-up one, one named twice.
  const auto& cw =
      index().candidates()[static_cast<std::size_t>(index().find_candidate("campagnewerker"))];
  refused("gemeenschapswerker", {index().groups()[cw.groups[0]].ref}, "source",
          "is not a main activity of profile 'gemeenschapswerker'");
  refused("gemeenschapswerker", {"gemeenschapswerker:x:99"}, "source", "is not a main activity");
  refused("gemeenschapswerker", {first, first}, "source", "named twice");
  refused("BK-0338-3", {"BK-0338-3:999"}, "source", "is not a competence of qualification");
  try {
    checked_function_draft(index(), "gemeenschapswerker",
                           std::vector<std::string>(kMaxDraftSources + 1, first));
    ADD_FAILURE() << "too many sources accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::too_large);
  }
}

TEST_F(FunctionDraftTest, TheFunctionHoldsOneBlockPerSourceAfterTheCore) {
  const auto& gw =
      index().candidates()[static_cast<std::size_t>(index().find_candidate("gemeenschapswerker"))];
  std::vector<std::string> sources;
  for (auto g : gw.groups)
    sources.push_back(index().groups()[g].ref);
  compose::FunctionService service(*store_, "demo");
  compose::NewFunction spec;
  spec.title = "Opbouwwerker Gent";
  spec.framework_id = gw.framework_id;
  spec.core_profile_id = gw.id;
  model::FunctionProfile f;
  store_->in_transaction([&] { f = compose::create_with_sources(service, spec, sources, "t"); });
  // Every main activity of the profile once: the core's are not taken twice.
  std::vector<std::string> refs;
  for (const auto& b : f.blocks) {
    ASSERT_TRUE(b.source);
    refs.push_back(b.source->ref);
  }
  std::vector<std::string> sorted_refs = refs, sorted_sources = sources;
  std::sort(sorted_refs.begin(), sorted_refs.end());
  std::sort(sorted_sources.begin(), sorted_sources.end());
  EXPECT_EQ(sorted_refs, sorted_sources);
  EXPECT_EQ(f.version, 2);
  EXPECT_EQ(service.get(f.id).blocks.size(), sources.size());

  // An unknown source fails the whole transaction: no half-made function stays.
  const auto before = service.list().size();
  spec.title = "Mislukt";
  EXPECT_THROW(store_->in_transaction([&] {
    compose::create_with_sources(service, spec, {"gemeenschapswerker:x:99"}, "t");
  }),
               Error);
  EXPECT_EQ(service.list().size(), before);
}

}  // namespace
}  // namespace vakkaart::analysis
