#include "analysis/batch/batch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/batch/line_parser.h"
#include "analysis/input/input.h"
#include "analysis/matcher.h"
#include "core/error.h"
#include "render/batch_report_html.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::analysis {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<nlohmann::json> read_jsonl(const fs::path& path) {
  std::vector<nlohmann::json> rows;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);)
    rows.push_back(nlohmann::json::parse(line));
  return rows;
}

/// Sentences to recombine: every line of the evaluation set's plain-text vacancies with a few
/// words, and some of our own (so the tests do not depend on that set's exact contents).
std::vector<std::string> batch_test_sentences() {
  std::vector<std::string> sentences = {
      "Je organiseert activiteiten samen met de bewoners van de wijk.",
      "Je begeleidt vrijwilligers en ondersteunt hen in hun engagement.",
      "Je voert campagne en mobiliseert mensen rond een maatschappelijk thema.",
      "Je verdedigt de belangen van werknemers in het sociaal overleg.",
      "Je ontwikkelt een educatief aanbod voor volwassenen.",
      "Je programmeert voorstellingen en concerten in het cultuurcentrum.",
      "Je reflecteert over je eigen professioneel handelen.",
      "Je werkt samen met partners in het netwerk van de buurt.",
      "Je signaleert noden en knelpunten aan het beleid.",
      "Je verzorgt wonden en dient medicatie toe aan patiënten.",
      "Je rijdt met een vrachtwagen door heel Europa.",
      "Wij bieden een contract van onbepaalde duur en maaltijdcheques.",
  };
  const fs::path dir = fs::path(VAKKAART_TESTS_DIR) / "data" / "vacancies";
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".txt")
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::istringstream in(read_file(f));
    for (std::string line; std::getline(in, line);) {
      if (std::count(line.begin(), line.end(), ' ') >= 5)
        sentences.push_back(line);
    }
  }
  return sentences;
}

/// `n` texts of 3–12 sentences drawn with a fixed seed.
std::vector<std::string> batch_test_texts(std::size_t n, std::uint32_t seed) {
  static const auto sentences = batch_test_sentences();
  std::mt19937 rng(seed);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text;
    const auto count = 3 + rng() % 10;
    for (std::uint32_t k = 0; k < count; ++k) {
      text += sentences[rng() % sentences.size()];
      text += rng() % 3 == 0 ? "\n- " : "\n";
    }
    texts.push_back(text);
  }
  return texts;
}

/// A JSONL input of `n` generated texts; every 50th line is broken in one of several ways.
std::string batch_test_jsonl(std::size_t n, std::uint32_t seed) {
  std::string out;
  const auto texts = batch_test_texts(n, seed);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i % 50 == 7) {
      static const char* const broken[] = {"{\"id\": \"x\", \"text\": ", "[1, 2]",
                                           "{\"id\": \"no-text\"}", "{\"text\": 12}"};
      out += broken[(i / 50) % 4];
      out += "\n";
      continue;
    }
    if (i % 97 == 3)
      out += "\n   \n";  // blank lines are no records
    nlohmann::json j;
    if (i % 3 != 0)
      j["id"] = "t" + std::to_string(i);
    j["source"] = "generated";
    j["text"] = texts[i];
    out += j.dump() + (i % 11 == 0 ? "\r\n" : "\n");
  }
  return out;
}

const char* const kBatchTestOutputs[] = {"texts.csv",    "texts.jsonl",      "errors.jsonl",
                                         "summary.json", "cooccurrence.csv", "report.html"};

/// The bundled sources in a store, their structure index and a matcher, shared by the tests.
class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_dir_ = new TempDir();
    auto store = store::open_sqlite_store(store_dir_->file("b.db"));
    testing::import_bundled_sources(*store);
    matcher_ = new Matcher(StructureIndex::build(*store));
  }
  static void TearDownTestSuite() {
    delete matcher_;
    delete store_dir_;
  }

  BatchOptions options(const std::string& input, const std::string& out, unsigned threads) {
    BatchOptions o;
    o.input = input;
    o.out_dir = out;
    o.threads = threads;
    o.checkpoint_records = 40;
    o.report_html = render::batch_report_html;
    return o;
  }

  void expect_same_outputs(const std::string& a, const std::string& b) {
    for (const char* name : kBatchTestOutputs) {
      const auto x = read_file(fs::path(a) / name), y = read_file(fs::path(b) / name);
      EXPECT_FALSE(x.empty()) << name;
      EXPECT_TRUE(x == y) << name << " differs between " << a << " and " << b;
    }
  }

  static TempDir* store_dir_;
  static Matcher* matcher_;
  TempDir dir_;
};

TempDir* BatchTest::store_dir_ = nullptr;
Matcher* BatchTest::matcher_ = nullptr;

TEST(BatchAggregatesTest, CountsPairsAndLiftOnAHandMadeCase) {
  BatchAggregates agg(2, 3);
  agg.add(0, {0, 1});
  agg.add(-1, {0});
  agg.add(1, {2, 1});
  agg.add(0, {1, 0, 2});
  agg.add_error();
  EXPECT_EQ(agg.texts(), 4U);
  EXPECT_EQ(agg.errors(), 1U);
  EXPECT_EQ(agg.best(0), 2U);
  EXPECT_EQ(agg.best(1), 1U);
  EXPECT_EQ(agg.none(), 1U);
  EXPECT_EQ(agg.cluster(0), 3U);
  EXPECT_EQ(agg.cluster(1), 3U);
  EXPECT_EQ(agg.cluster(2), 2U);
  EXPECT_EQ(agg.pair(0, 1), 2U);
  EXPECT_EQ(agg.pair(1, 0), 2U);
  EXPECT_EQ(agg.pair(0, 2), 1U);
  EXPECT_EQ(agg.pair(1, 2), 2U);
  // lift = P(a∧b) / (P(a) P(b)) = n_ab · N / (n_a · n_b)
  EXPECT_DOUBLE_EQ(*agg.lift(0, 1), 2.0 * 4 / (3 * 3));
  EXPECT_DOUBLE_EQ(*agg.lift(0, 2), 1.0 * 4 / (3 * 2));
  EXPECT_DOUBLE_EQ(*agg.lift(2, 1), 2.0 * 4 / (3 * 2));
  EXPECT_FALSE(agg.lift(1, 1).has_value());
  BatchAggregates empty_cluster(1, 2);
  empty_cluster.add(0, {0});
  EXPECT_FALSE(empty_cluster.lift(0, 1).has_value());
}

/// What the full parser makes of a line, in the fast path's terms: empty when the fast path
/// must not accept it.
std::optional<std::pair<std::string, std::string>> batch_test_full_parse(const std::string& line) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
    return std::nullopt;
  std::string id;
  if (j.contains("id") && !j["id"].is_null())
    id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
  return std::make_pair(id, j["text"].get<std::string>());
}

/// Whether the fast path accepted the line (the caller counts both outcomes, so a run that
/// never reaches the comparison fails instead of passing without checking).
bool expect_fast_parse_agrees(const std::string& line) {
  std::string id = "stale", text = "stale";
  const bool fast = batch::parse_record_line(line, id, text);
  const auto full = batch_test_full_parse(line);
  if (fast) {
    EXPECT_TRUE(full.has_value()) << "the fast path accepted what JSON refuses: " << line;
    if (full) {
      EXPECT_EQ(id, full->first) << line;
      EXPECT_EQ(text, full->second) << line;
    }
  }
  return fast;
}

TEST(BatchLineTest, TheFastPathReadsWhatTheFullParserReads) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {R"({"text": "a"})", true},
      {R"(  {"id":"x","text":"a\nb\t\"c\" \\ \/ \u00e9 \ud83d\ude00"}  )", true},
      {R"({"id": 42, "text": "a"})", true},
      {R"({"id": -7, "text": "a"})", true},
      {R"({"id": null, "text": "a"})", true},
      {R"({"id": "x", "id": null, "text": "a"})", true},
      {R"({"text": "a", "text": "b"})", true},
      {R"({"te\u0078t": "a"})", true},
      {R"({"meta": {"a": [1, -2.5e3, true, false, null, {"b": "c"}]}, "text": "a"})", true},
      {"{\"text\": \"caf\xc3\xa9\"}", true},
      {R"({"id": 1.5, "text": "a"})", false},
      {R"({"id": -0, "text": "a"})", false},
      {R"({"id": 1e3, "text": "a"})", false},
      {R"({"id": true, "text": "a"})", false},
      {R"({"id": "x"})", false},
      {R"({"text": null})", false},
      {R"({"text": 1})", false},
      {R"({})", false},
      {R"([{"text": "a"}])", false},
      {R"({"text": "a",})", false},
      {R"({"text": "a"} x)", false},
      {R"({"text": "a\x"})", false},
      {R"({"text": "\ud83d"})", false},
      {R"({"text": "\ude00"})", false},
      {R"({"text": "a", "n": 01})", false},
      {R"({"text": "a", "n": 1e999})", false},
      {R"({"text": "a", "n": [1,,2]})", false},
      {R"({"text": "a", "n": tru})", false},
      {"{\"text\": \"a\tb\"}", false},
      {"{\"text\": \"caf\xe9\"}", false},
      {"{\"text\": \"\xc0\xaf\"}", false},
      {"{\"text\": \"\xed\xa0\x80\"}", false},
      {"{\"text\": \"\xf4\x90\x80\x80\"}", false},
      {"{\"text\": \"\xf0\x9f\x98\x80 \xe2\x82\xac\"}", true},
      {"{\"text\": \"a\", \"x\": \"\xe2\x82\"}", false},
  };
  for (const auto& [line, accepted] : cases) {
    std::string id, text;
    EXPECT_EQ(batch::parse_record_line(line, id, text), accepted) << line;
    expect_fast_parse_agrees(line);
  }
  // Mutations of valid lines: whatever the fast path accepts, the full parser reads the same.
  std::size_t accepted = 0, refused = 0;
  std::mt19937 rng(5);
  const std::string alphabet =
      "{}[]\":,\\/u0123456789abcdefnrtEe+-. \t\n\xc3\xa9\x80\xe2\x82\xac\xf0\x9f\xed\xa0";
  for (int round = 0; round < 20000; ++round) {
    std::string line = cases[rng() % 10].first;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n && !line.empty(); ++k) {
      const auto at = rng() % line.size();
      switch (rng() % 3) {
        case 0:
          line.erase(at, 1);
          break;
        case 1:
          line.insert(line.begin() + static_cast<long>(at), alphabet[rng() % alphabet.size()]);
          break;
        default:
          line[at] = alphabet[rng() % alphabet.size()];
      }
    }
    (expect_fast_parse_agrees(line) ? accepted : refused) += 1;
  }
  // Both outcomes occur among the mutations, so the comparison above was made.
  EXPECT_GT(accepted, 100U);
  EXPECT_GT(refused, 100U);
}

TEST(BatchLineTest, TheFullVerdictSaysWhatIsWrongAndNamesTheRow) {
  std::string id, text;
  batch::read_record_line(R"({"id": 1.5, "text": "a"})", id, text);  // past the fast path
  EXPECT_EQ(id, "1.5");
  EXPECT_EQ(text, "a");
  const auto fault = [](const std::string& line) {
    std::string id, text;
    try {
      batch::read_record_line(line, id, text);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::parse_error) << line;
      return std::make_pair(id, e.message());
    }
    ADD_FAILURE() << "accepted: " << line;
    return std::make_pair(id, std::string());
  };
  const auto cut = fault(R"({"id": "x", "text": )");
  EXPECT_EQ(cut.first, "x");  // read before the fault
  EXPECT_EQ(cut.second.rfind("not JSON: ", 0), 0U) << cut.second;
  EXPECT_EQ(fault("[1, 2]"),
            std::make_pair(std::string(), std::string("the line is not a JSON object")));
  EXPECT_EQ(fault(R"({"id": "no-text"})"),
            std::make_pair(std::string("no-text"), std::string("the object has no \"text\"")));
  EXPECT_EQ(fault(R"({"id": 7, "text": 12})"),
            std::make_pair(std::string("7"), std::string("\"text\" is not a string")));
}

TEST_F(BatchTest, SummaryAndCooccurrenceFilesCarryTheCountsAndLift) {
  const auto& index = matcher_->index();
  ASSERT_GE(index.clusters().size(), 4U);
  ASSERT_GE(index.candidates().size(), 2U);
  BatchAggregates agg(index.candidates().size(), index.clusters().size());
  agg.add(0, {0, 1});
  agg.add(-1, {0});
  agg.add(1, {2, 1});
  agg.add(0, {1, 0, 2});
  const BatchLabels labels(index);
  const auto summary = batch_summary_json(agg, labels, {"in.jsonl", 0.5});
  EXPECT_EQ(summary["texts"], 4);
  EXPECT_EQ(summary["profiles"][0]["id"], index.candidates()[0].id);
  EXPECT_EQ(summary["profiles"][0]["texts"], 2);
  bool none_seen = false;
  for (const auto& p : summary["profiles"]) {
    if (p["id"] == "none") {
      none_seen = true;
      EXPECT_EQ(p["texts"], 1);
    }
  }
  EXPECT_TRUE(none_seen);
  const auto& cooc = summary["cooccurrence"];
  EXPECT_EQ(cooc["clusters"][0], labels.cluster(0));
  EXPECT_EQ(cooc["texts"][0][0], 3);
  EXPECT_EQ(cooc["texts"][0][1], 2);
  EXPECT_EQ(cooc["texts"][2][1], 2);
  EXPECT_DOUBLE_EQ(cooc["lift"][0][1].get<double>(), 0.889);
  EXPECT_DOUBLE_EQ(cooc["lift"][1][2].get<double>(), 1.333);
  EXPECT_TRUE(cooc["lift"][0][0].is_null());
  EXPECT_TRUE(cooc["lift"][0][3].is_null());  // a cluster without texts
  EXPECT_EQ(summary["pairs"][0]["lift"], 1.333);

  const auto csv = batch_cooccurrence_csv(agg, labels);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "cluster_a,cluster_b,texts_a,texts_b,texts_both,lift");
  EXPECT_NE(csv.find(labels.cluster(0) + "," + labels.cluster(1) + ",3,3,2,0.889\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find(labels.cluster(0) + "," + labels.cluster(3) + ",3,0,0,\r\n"),
            std::string::npos);
}

TEST_F(BatchTest, CsvRowsQuoteAsRfc4180Says) {
  const BatchLabels labels(matcher_->index());
  const auto result = matcher_->analyse(
      "Je organiseert activiteiten samen met de bewoners van de wijk.", Detail::summary);
  std::string row;
  append_batch_csv_row(row, "a \"quoted\", id\nwith a break", result, {}, labels);
  EXPECT_EQ(row.rfind("\"a \"\"quoted\"\", id\nwith a break\",", 0), 0U) << row;
  EXPECT_EQ(row.substr(row.size() - 2), "\r\n");
  std::string jsonl;
  append_batch_jsonl_row(jsonl, "ü\"\t", result, {}, labels);
  const auto j = nlohmann::json::parse(jsonl);
  EXPECT_EQ(j["id"], "ü\"\t");
  EXPECT_EQ(j["best"], result.best);
}

TEST_F(BatchTest, OneAndFourThreadsWriteTheSameBytes) {
  write_file(dir_.file("in.jsonl"), batch_test_jsonl(700, 1));
  const auto one = run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("one"), 1));
  const auto four = run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("four"), 4));
  EXPECT_TRUE(one.complete);
  EXPECT_TRUE(four.complete);
  EXPECT_EQ(one.records, 700U);
  EXPECT_EQ(one.aggregates.errors(), 14U);
  EXPECT_EQ(one.aggregates.texts(), 686U);
  EXPECT_TRUE(one.aggregates == four.aggregates);
  expect_same_outputs(dir_.file("one"), dir_.file("four"));

  // Input order, ids from the lines or their line numbers.
  const auto rows = read_jsonl(dir_.file("one/texts.jsonl"));
  ASSERT_EQ(rows.size(), 686U);
  EXPECT_EQ(rows[0]["id"], "1");
  EXPECT_EQ(rows[1]["id"], "t1");
  EXPECT_EQ(rows[2]["id"], "t2");
  // The summary agrees with the rows.
  const auto summary = nlohmann::json::parse(read_file(dir_.file("one/summary.json")));
  std::map<std::string, int> best;
  for (const auto& r : rows)
    ++best[r["best"].get<std::string>()];
  ASSERT_FALSE(summary["profiles"].empty());
  for (const auto& p : summary["profiles"])
    EXPECT_EQ(p["texts"].get<int>(), best[p["id"].get<std::string>()]) << p["id"];
  EXPECT_EQ(summary["texts"], 686);
  EXPECT_EQ(summary["errors"], 14);
}

TEST_F(BatchTest, RowsAgreeWithAnalysingEachTextAlone) {
  const auto texts = batch_test_texts(60, 2);
  std::string jsonl;
  for (const auto& t : texts)
    jsonl += nlohmann::json{{"text", t}}.dump() + "\n";
  write_file(dir_.file("in.jsonl"), jsonl);
  run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("out"), 3));
  const auto rows = read_jsonl(dir_.file("out/texts.jsonl"));
  ASSERT_EQ(rows.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto alone =
        matcher_->analyse(extract_text(texts[i], InputFormat::text, "t"), Detail::full);
    EXPECT_EQ(rows[i]["best"], alone.best) << i;
    const auto present = present_clusters(alone, kPresentEvidence);
    std::size_t flagged = 0;
    for (const auto& c : rows[i]["clusters"])
      flagged += c["present"].get<bool>() ? 1 : 0;
    EXPECT_EQ(flagged, present.size()) << i;
  }
}

TEST_F(BatchTest, ResumingAfterInterruptionsGivesTheSameBytesAsOneRun) {
  write_file(dir_.file("in.jsonl"), batch_test_jsonl(650, 3));
  run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("clean"), 2));

  auto o = options(dir_.file("in.jsonl"), dir_.file("resumed"), 4);
  o.stop_after = 123;
  auto first = run_batch(*matcher_, o);
  EXPECT_FALSE(first.complete);
  EXPECT_EQ(first.records, 123U);
  EXPECT_TRUE(fs::exists(dir_.file("resumed/checkpoint.json")));
  EXPECT_FALSE(fs::exists(dir_.file("resumed/report.html")));
  // A killed process may have written past its last checkpoint: the resume cuts that off.
  std::ofstream(dir_.file("resumed/texts.csv"), std::ios::app) << "half a row,";
  std::ofstream(dir_.file("resumed/texts.jsonl"), std::ios::app) << "{\"id\":\"half";

  o.stop_after = 400;
  o.threads = 1;
  auto second = run_batch(*matcher_, o);
  EXPECT_FALSE(second.complete);
  EXPECT_EQ(second.resumed_from, 123U);
  EXPECT_EQ(second.records, 400U);

  o.stop_after = 0;
  o.threads = 3;
  auto last = run_batch(*matcher_, o);
  EXPECT_TRUE(last.complete);
  EXPECT_EQ(last.resumed_from, 400U);
  EXPECT_EQ(last.records, 650U);
  expect_same_outputs(dir_.file("clean"), dir_.file("resumed"));

  // A finished run is not redone: the same summary, the final files written again.
  fs::remove(dir_.file("resumed/report.html"));
  auto again = run_batch(*matcher_, o);
  EXPECT_TRUE(again.complete);
  EXPECT_EQ(again.resumed_from, 650U);
  EXPECT_TRUE(again.aggregates == last.aggregates);
  expect_same_outputs(dir_.file("clean"), dir_.file("resumed"));
}

TEST_F(BatchTest, ACancelFlagStopsWithACheckpoint) {
  write_file(dir_.file("in.jsonl"), batch_test_jsonl(300, 4));
  std::atomic<bool> cancel{false};
  auto o = options(dir_.file("in.jsonl"), dir_.file("out"), 2);
  o.cancel = &cancel;
  std::uint64_t calls = 0;
  o.progress = [&](const BatchProgress& p) {
    ++calls;
    if (p.done >= 64)
      cancel.store(true);
    else if (!p.finished)
      // Progress comes at most every 100 ms: waiting that long here makes the next call come
      // right after the first unit of work is written, so the cancel lands before the input
      // ends however fast the machine is.
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  };
  o.checkpoint_interval = std::chrono::milliseconds(0);
  const auto stopped = run_batch(*matcher_, o);
  EXPECT_GT(calls, 0U);
  ASSERT_FALSE(stopped.complete);
  EXPECT_GE(stopped.records, 64U);
  o.cancel = nullptr;
  o.progress = nullptr;
  const auto done = run_batch(*matcher_, o);
  EXPECT_TRUE(done.complete);
  EXPECT_EQ(done.resumed_from, stopped.records);
  run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("clean"), 2));
  expect_same_outputs(dir_.file("clean"), dir_.file("out"));
}

TEST_F(BatchTest, AChangedInputIsRefusedUnlessRestarted) {
  write_file(dir_.file("in.jsonl"), batch_test_jsonl(120, 5));
  auto o = options(dir_.file("in.jsonl"), dir_.file("out"), 2);
  o.stop_after = 50;
  run_batch(*matcher_, o);
  std::ofstream(dir_.file("in.jsonl"), std::ios::app) << "{\"text\": \"nog een tekst\"}\n";
  o.stop_after = 0;
  try {
    run_batch(*matcher_, o);
    FAIL() << "a changed input was resumed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
    EXPECT_NE(e.message().find("changed"), std::string::npos) << e.message();
  }
  // Another input in the same report directory is refused as well.
  write_file(dir_.file("other.jsonl"), batch_test_jsonl(10, 6));
  auto other = options(dir_.file("other.jsonl"), dir_.file("out"), 2);
  EXPECT_THROW(run_batch(*matcher_, other), Error);
  o.restart = true;
  const auto restarted = run_batch(*matcher_, o);
  EXPECT_TRUE(restarted.complete);
  EXPECT_EQ(restarted.resumed_from, 0U);
  EXPECT_EQ(restarted.records, 121U);
}

TEST_F(BatchTest, BadLinesAreRecordedWithTheirLineAndTheRunGoesOn) {
  std::string in;
  in += "{\"id\": \"a\", \"text\": \"Je begeleidt vrijwilligers in de wijk.\"}\n";      // line 1
  in += "\n";                                                                           // 2
  in += "not json at all\n";                                                            // 3
  in += "{\"id\": \"b\"}\r\n";                                                          // 4
  in += "[\"text\"]\n";                                                                 // 5
  in += "{\"id\": 7, \"text\": \"Je voert campagne rond klimaat.\", \"x\": [1]}\n";     // 6
  in += "{\"id\": \"c\", \"text\": null}\n";                                            // 7
  in += "{\"text\": \"<html><body><p>Je programmeert concerten.</p></body></html>\"}";  // 8
  write_file(dir_.file("in.jsonl"), in);
  const auto s = run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("out"), 2));
  EXPECT_TRUE(s.complete);
  EXPECT_EQ(s.records, 7U);
  EXPECT_EQ(s.aggregates.texts(), 3U);
  EXPECT_EQ(s.aggregates.errors(), 4U);
  ASSERT_EQ(s.first_errors.size(), 4U);
  EXPECT_EQ(s.first_errors[0].rfind(dir_.file("in.jsonl") + ":3: not JSON", 0), 0U)
      << s.first_errors[0];
  const auto errors = read_jsonl(dir_.file("out/errors.jsonl"));
  ASSERT_EQ(errors.size(), 4U);
  EXPECT_EQ(errors[0]["line"], 3);
  EXPECT_EQ(errors[0]["record"], 2);
  EXPECT_EQ(errors[0]["code"], "parse_error");
  EXPECT_EQ(errors[1]["line"], 4);
  EXPECT_EQ(errors[1]["id"], "b");
  EXPECT_EQ(errors[2]["line"], 5);
  EXPECT_EQ(errors[3]["line"], 7);
  EXPECT_EQ(errors[3]["file"], dir_.file("in.jsonl"));
  const auto rows = read_jsonl(dir_.file("out/texts.jsonl"));
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0]["id"], "a");
  EXPECT_EQ(rows[1]["id"], "7");
  EXPECT_EQ(rows[2]["id"], "8");
  EXPECT_GE(rows[2]["segments"].get<int>(), 1);
  const auto csv = read_file(dir_.file("out/texts.csv"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
}

TEST_F(BatchTest, ALineTooLongIsSkippedWithoutHoldingIt) {
  std::string in = "{\"text\": \"Je begeleidt vrijwilligers.\"}\n{\"text\": \"";
  in.append(2 * kMaxInputBytes + (1 << 17), 'a');
  in += "\"}\n{\"text\": \"Je voert campagne.\"}\n";
  write_file(dir_.file("in.jsonl"), in);
  const auto s = run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("out"), 2));
  EXPECT_EQ(s.aggregates.texts(), 2U);
  const auto errors = read_jsonl(dir_.file("out/errors.jsonl"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0]["line"], 2);
  EXPECT_EQ(errors[0]["code"], "too_large");
}

TEST_F(BatchTest, ADirectoryIsReadRecursivelyInPathOrder) {
  const fs::path in = dir_.path() / "in";
  write_file(in / "b.txt", "Je begeleidt vrijwilligers en ondersteunt hen.\n");
  write_file(in / "a.md", "# Vacature\n\n- Je voert campagne rond een thema.\n");
  write_file(in / "sub" / "c.html",
             "<html><body><p>Je programmeert voorstellingen.</p></body></html>");
  write_file(in / "sub" / "deeper" / "d.txt", "Je verdedigt de belangen van werknemers.\n");
  write_file(in / "a-b" / "e.txt", "Je organiseert activiteiten met bewoners.\n");
  write_file(in / "broken.txt", std::string("caf\xe9 zonder UTF-8\n"));
  write_file(in / ".hidden.txt", "Je voert campagne.\n");
  write_file(in / "notes.json", "{}");
  write_file(in / "report" / "x.txt", "the report directory is not read\n");
  auto o = options(in.string(), (in / "report").string(), 2);
  const auto s = run_batch(*matcher_, o);
  EXPECT_TRUE(s.complete);
  EXPECT_EQ(s.records, 6U);
  EXPECT_EQ(s.aggregates.errors(), 1U);
  const auto rows = read_jsonl(in / "report" / "texts.jsonl");
  std::vector<std::string> ids;
  for (const auto& r : rows)
    ids.push_back(r["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"a-b/e.txt", "a.md", "b.txt", "sub/c.html",
                                           "sub/deeper/d.txt"}));
  const auto errors = read_jsonl(in / "report" / "errors.jsonl");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0]["file"], "broken.txt");
  EXPECT_EQ(errors[0]["code"], "encoding_error");

  // Resuming a directory checks the files done are still the same ones.
  o.stop_after = 3;
  o.restart = true;
  run_batch(*matcher_, o);
  o.restart = false;
  o.stop_after = 0;
  write_file(in / "a.md", "# Vacature\n\n- Je voert campagne rond een ander thema.\n");
  EXPECT_THROW(run_batch(*matcher_, o), Error);
}

TEST_F(BatchTest, TheHtmlReportDrawsTheChartsAccessibly) {
  write_file(dir_.file("in.jsonl"), batch_test_jsonl(200, 7));
  run_batch(*matcher_, options(dir_.file("in.jsonl"), dir_.file("out"), 2));
  const auto html = read_file(dir_.file("out/report.html"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_NE(html.find("lang=\"nl\""), std::string::npos);
  EXPECT_GE(std::count(html.begin(), html.end(), '\n'), 20);
  std::size_t svgs = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++svgs;
    const auto tag = html.substr(at, html.find('>', at) - at);
    EXPECT_NE(tag.find("role=\"img\""), std::string::npos) << tag;
    EXPECT_NE(tag.find("aria-label=\""), std::string::npos) << tag;
    EXPECT_EQ(html.compare(html.find('>', at) + 2, 7, "<title>"), 0) << tag;
  }
  EXPECT_EQ(svgs, 3U);
  EXPECT_NE(html.find("class=\"lift-map\""), std::string::npos);
  EXPECT_NE(html.find("data-lift=\""), std::string::npos);
}

}  // namespace
}  // namespace vakkaart::analysis
