// The matcher on the bundled structure: what a text covers, why, and the evaluation set's
// accuracy targets (issue 6): top-1 ≥ 0.8, top-2 ≥ 0.9, every "none" text recognised.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "analysis/analysis_json.h"
#include "analysis/evaluation.h"
#include "analysis/matcher.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::analysis {
namespace {

/// One index for the whole file: building it analyses every statement.
const Matcher& bundled_matcher() {
  static const Matcher matcher = [] {
    testing::TempDir dir;
    auto store = store::open_sqlite_store(dir.file("m.db"));
    testing::import_bundled_sources(*store);
    return Matcher(StructureIndex::build(*store));
  }();
  return matcher;
}

TEST(Matcher, AStatementMatchesItselfWithItsWordsAsExplanation) {
  const auto& m = bundled_matcher();
  const auto result =
      m.analyse("Brengt de noden en verwachtingen van de doelgroep in kaart.", Detail::full);
  ASSERT_EQ(result.segments.size(), 1u);
  ASSERT_FALSE(result.segments[0].matches.empty());
  const auto& top = result.segments[0].matches.front();
  EXPECT_EQ(m.index().units()[top.unit].text,
            "Brengt de noden en verwachtingen van de doelgroep in kaart");
  EXPECT_GT(top.score, 0.9);
  for (const char* w : {"Brengt", "noden", "verwachtingen", "doelgroep", "kaart"})
    EXPECT_NE(std::find(top.words.begin(), top.words.end(), w), top.words.end()) << w;
}

TEST(Matcher, OneSharedWordIsNoMatch) {
  const auto& m = bundled_matcher();
  const auto result = m.analyse("Profiel\nAanbod\nJe bent flexibel.", Detail::full);
  ASSERT_FALSE(result.segments.empty());
  for (const auto& s : result.segments)
    EXPECT_TRUE(s.matches.empty()) << s.text;
  EXPECT_EQ(result.best, "none");
}

TEST(Matcher, AggregatesToClustersRingsAndProfiles) {
  const auto& m = bundled_matcher();
  const std::string text =
      "Als gemeenschapswerker breng je bewoners van de wijk samen.\n"
      "- Je analyseert de situatie van de doelgroep en diens omgeving en kijkt waar noden en "
      "kansen liggen.\n"
      "- Je legt en onderhoudt contact met de doelgroep en betrokkenen.\n"
      "- Je vormt en versterkt groepen en stimuleert zelforganisatie.\n";
  const auto result = m.analyse(text, Detail::full);
  EXPECT_EQ(result.best, "gemeenschapswerker");
  const auto& best = result.candidates.front();
  EXPECT_GT(best.confidence, 0);
  EXPECT_LE(best.confidence, 1);
  EXPECT_GT(best.coverage, 0);
  // The matched units add up per cluster and per ring.
  int cluster_sum = 0, ring_sum = 0;
  for (const auto& c : best.clusters)
    cluster_sum += c.matched;
  for (const auto& l : best.layers)
    ring_sum += l.matched;
  EXPECT_GT(cluster_sum, 0);
  EXPECT_EQ(cluster_sum, ring_sum);
  // Core activities the text leaves out are named: exactly the core groups the coverage does
  // not count, so the list and the ring agree.
  ASSERT_FALSE(result.missing_core.empty());
  for (auto g : result.missing_core) {
    auto it = std::find_if(best.groups.begin(), best.groups.end(),
                           [&](const PartResult& p) { return p.index == g; });
    ASSERT_NE(it, best.groups.end());
    EXPECT_EQ(it->matched, 0);
  }
  std::size_t uncounted_core = 0;
  for (const auto& gr : best.groups) {
    const auto cluster = m.index().groups()[gr.index].cluster;
    if (cluster >= 0 && m.index().clusters()[static_cast<std::size_t>(cluster)].core &&
        gr.matched == 0)
      ++uncounted_core;
  }
  EXPECT_EQ(result.missing_core.size(), uncounted_core);
  // A match shown under a sentence counts in the coverage exactly from `covered` on.
  for (const auto& segment : result.segments)
    for (const auto& match : segment.matches)
      EXPECT_EQ(match.counts, match.score >= m.settings().covered);
  // Candidates are ordered by score.
  ASSERT_GE(result.candidates.size(), 2u);
  for (std::size_t k = 1; k < result.candidates.size(); ++k)
    EXPECT_GE(result.candidates[k - 1].score, result.candidates[k].score);
}

TEST(Matcher, EachClauseOfALongSentenceCountsAsItWouldAlone) {
  // Read whole, a sentence listing several duties dilutes its match with the one statement a
  // duty matches; read clause by clause (analysis/clauses.h) that duty scores as it would on
  // its own line.
  const auto& m = bundled_matcher();
  const std::string clause = "gaat netwerken uitbouwen met lokale partners,";
  const std::string text =
      "Je brengt de bewoners van de buurt samen rond hun gedeelde interesses en dromen, " + clause +
      " en zorgt voor een warme sfeer, een propere ontmoetingsruimte en een open deur in het "
      "buurthuis van de stad";
  auto whole_only = m.settings();
  whole_only.clauses = false;
  const Matcher without(std::shared_ptr<const StructureIndex>(&m.index(), [](auto*) {}),
                        whole_only);
  auto score_of_statement = [&](const AnalysisResult& result) {
    double best = 0;
    for (const auto& s : result.segments)
      for (const auto& match : s.matches)
        if (m.index().units()[match.unit].text.starts_with("Een netwerk uitbouwen en onderhouden"))
          best = std::max(best, match.score);
    return best;
  };
  const double alone = score_of_statement(m.analyse(clause, Detail::full));
  const double whole = score_of_statement(without.analyse(text, Detail::full));
  const auto result = m.analyse(text, Detail::full);
  ASSERT_EQ(result.segments.size(), 1u);
  EXPECT_GT(alone, 0.6);
  EXPECT_LT(whole, alone - 0.1);
  EXPECT_DOUBLE_EQ(score_of_statement(result), alone);
  // A unit the whole and a clause both reach is listed once.
  std::vector<std::uint32_t> units;
  for (const auto& match : result.segments[0].matches)
    units.push_back(match.unit);
  std::sort(units.begin(), units.end());
  EXPECT_EQ(std::adjacent_find(units.begin(), units.end()), units.end());
}

TEST(Matcher, ExplanationsStayValidWhenTheWordCacheFillsUpMidText) {
  // The per-thread word cache empties itself at its bound (2^17 words). It used to do so on any
  // lookup, which left the words of the segment being read pointing into freed memory; the
  // explanation then read them (ASan: heap-use-after-free). Now it empties between segments.
  // Each line: a statement's clause (so there is a match to explain) and 40 new words.
  const auto& m = bundled_matcher();
  std::string text;
  int n = 0;
  for (int line = 0; line < 3600; ++line) {
    text += "Brengt de noden en verwachtingen van de doelgroep in kaart,";
    for (int w = 0; w < 40; ++w, ++n) {
      text += " zq";
      for (int v = n; v > 0; v /= 26)
        text += static_cast<char>('a' + v % 26);
    }
    text += ".\n";
  }
  const auto result = m.analyse(text, Detail::full);
  ASSERT_EQ(result.segments.size(), 3600u);
  for (const auto& segment : result.segments) {
    ASSERT_FALSE(segment.matches.empty());
    for (const auto& word : segment.matches.front().words)
      ASSERT_NE(segment.text.find(word), std::string::npos) << word;
  }
}

TEST(Matcher, TradeUnionWorkIsTheQualification) {
  const auto& m = bundled_matcher();
  const auto result = m.analyse(
      "De vakbond zoekt een vakbondssecretaris. Je ondersteunt de militanten en "
      "afgevaardigden in de ondernemingsraad, je bereidt cao-onderhandelingen voor en je "
      "informeert en adviseert leden over arbeidsrecht en sociale wetgeving.",
      Detail::full);
  EXPECT_EQ(result.best, "BK-0338-3");
  const auto json = analysis_to_json(result, m.index());
  EXPECT_EQ(json["best_kind"], "qualification");
  EXPECT_TRUE(json["profiles"][0].contains("competences"));
}

TEST(Matcher, SummaryAndFullAgreeAndThreadsAgree) {
  const auto& m = bundled_matcher();
  const std::string text =
      "Je programmeert voorstellingen en concerten voor het cultuurcentrum "
      "en werkt een educatief aanbod uit voor scholen.";
  const auto full = m.analyse(text, Detail::full);
  const auto summary = m.analyse(text, Detail::summary);
  EXPECT_TRUE(summary.segments.empty());
  EXPECT_EQ(full.best, summary.best);
  ASSERT_FALSE(full.candidates.empty());
  ASSERT_EQ(full.candidates.size(), summary.candidates.size());
  for (std::size_t k = 0; k < full.candidates.size(); ++k)
    EXPECT_DOUBLE_EQ(full.candidates[k].score, summary.candidates[k].score);
  std::string other;
  std::thread t([&] { other = m.analyse(text, Detail::summary).best; });
  t.join();
  EXPECT_EQ(other, summary.best);
}

// A regression guard, not a measure of quality: MatchSettings' thresholds (min_match, covered,
// min_evidence, keyword_weight…) were chosen on this same labelled set of 76 texts, so the
// targets below say the matcher still does what it did when they were tuned, not how well it
// reads texts it has never seen. A held-out set would be needed for that.
TEST(MatcherEvaluationRegressionGuard, MeetsTheAccuracyTargetsOnTheVacancySet) {
  const auto& m = bundled_matcher();
  const auto set = read_labelled_set(std::string(VAKKAART_TESTS_DIR) + "/data/vacancies");
  ASSERT_GE(set.size(), 60u);
  const auto scores = evaluate(m, set);
  std::string misses;
  for (const auto& miss : scores.misses)
    misses += "\n  " + miss;
  EXPECT_GE(scores.top1, 0.8) << misses;
  EXPECT_GE(scores.top2, 0.9) << misses;
  // "none" texts (a nurse, a driver, a cook, and four that borrow the sector's words on
  // purpose) are recognised as none.
  ASSERT_GE(scores.none_texts, 10);
  EXPECT_EQ(scores.none_recognised, scores.none_texts) << misses;
  EXPECT_LE(scores.false_none, 3) << misses;
}

}  // namespace
}  // namespace vakkaart::analysis
