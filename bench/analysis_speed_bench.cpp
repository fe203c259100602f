// Speed of bulk analysis: N texts (100,000 unless --n) of ~300 words, made by recombining the
// sentences of the labelled evaluation set (tests/data/vacancies) with a fixed seed, analysed
// with Matcher::analyse(text, Detail::summary) on 1 and 2 threads (median of --runs runs),
// peak RSS and whether memory stays flat (RSS after 10k texts vs after N), and a Xapian peer
// (in-memory database, one document per unit of the StructureIndex, queried once per
// segment with OP_OR, top 3) on a subset. The texts are also written to a JSONL file
// ({"text": ...} per line) for the scikit-learn baseline (bench/analysis_baseline.py), and
// the measurements as one JSON object to --result; bench/run_analysis_bench.sh ties it up.
//
// Usage: analysis_speed_bench [--n N] [--xapian N] [--runs R] [--jsonl PATH] [--result PATH]
//                             [--set DIR] [--clauses yes|no]
// (--clauses no: a long sentence is read whole only, as before 2026-12-07, for a side-by-side
// figure.)
#include <sys/resource.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "analysis/evaluation.h"
#include "analysis/matcher.h"
#include "analysis/segmenter.h"
#include "core/json.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"

namespace {

using vakkaart::analysis::Detail;
using vakkaart::analysis::Matcher;
using Clock = std::chrono::steady_clock;

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

double current_rss_mb() {
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

int count_words(const std::string& s) {
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word)
      ++words;
    in_word = !space;
  }
  return words;
}

/// The generated texts, kept as lists of sentence ids (a few MB for 100k texts) and assembled
/// on demand into a reused buffer, so the texts themselves do not dominate memory.
struct Corpus {
  std::vector<std::string> sentences;
  std::vector<std::uint32_t> offsets;  // text i = ids[offsets[i] .. offsets[i+1])
  std::vector<std::uint32_t> ids;

  std::size_t size() const { return offsets.size() - 1; }
  void text(std::size_t i, std::string& out) const {
    out.clear();
    for (auto k = offsets[i]; k < offsets[i + 1]; ++k) {
      out += sentences[ids[k]];
      out += '\n';
    }
  }
};

Corpus generate(const std::vector<vakkaart::analysis::LabelledText>& set, std::size_t n,
                double& mean_words) {
  Corpus c;
  std::vector<std::vector<std::uint32_t>> by_text;
  std::vector<int> words;
  for (const auto& t : set) {
    std::vector<std::uint32_t> mine;
    for (const auto& seg : vakkaart::analysis::segment_text(t.text)) {
      mine.push_back(static_cast<std::uint32_t>(c.sentences.size()));
      c.sentences.push_back(seg.text);
      words.push_back(count_words(seg.text));
    }
    if (!mine.empty())
      by_text.push_back(std::move(mine));
  }
  std::mt19937_64 rng(20240601);
  std::uniform_int_distribution<std::size_t> pick_text(0, by_text.size() - 1);
  std::uniform_int_distribution<int> how_many(2, 4);
  std::vector<std::uint32_t> pool;
  std::uint64_t total_words = 0;
  c.offsets.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    pool.clear();
    const int sources = how_many(rng);
    for (int s = 0; s < sources; ++s) {
      const auto& src = by_text[pick_text(rng)];
      pool.insert(pool.end(), src.begin(), src.end());
    }
    std::shuffle(pool.begin(), pool.end(), rng);
    int w = 0;
    for (std::size_t k = 0; k < pool.size() && w < 300; ++k) {
      c.ids.push_back(pool[k]);
      w += words[pool[k]];
    }
    total_words += static_cast<std::uint64_t>(w);
    c.offsets.push_back(static_cast<std::uint32_t>(c.ids.size()));
  }
  mean_words = static_cast<double>(total_words) / static_cast<double>(n);
  return c;
}

/// A text's result in one number: the best candidate, the segments matched and each candidate's
/// main activities that come up and evidence (to 1/1000). Summed over the texts it shows that a
/// change meant to be faster leaves the results as they were.
std::uint64_t digest(const vakkaart::analysis::AnalysisResult& r) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the numbers
  auto mix = [&h](std::int64_t v) {
    h ^= static_cast<std::uint64_t>(v);
    h *= 1099511628211ULL;
  };
  mix(r.best_candidate);
  mix(r.matched_segments);
  for (const auto& c : r.candidates) {
    mix(c.candidate);
    mix(c.matched);
    mix(std::llround(c.score * 1000));
  }
  return h;
}

/// Analyses texts [0, n) on `threads` threads (each a contiguous slice); returns seconds.
/// With `rss_at`, a single thread records the current RSS after that many texts.
double run_matcher(const Matcher& matcher, const Corpus& corpus, std::size_t n, int threads,
                   std::atomic<std::uint64_t>& checksum, std::size_t rss_at = 0,
                   double* rss_mid = nullptr) {
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::size_t from = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
      const std::size_t to =
          n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
      std::string text;
      std::uint64_t sum = 0;
      for (std::size_t i = from; i < to; ++i) {
        corpus.text(i, text);
        sum += digest(matcher.analyse(text, Detail::summary));
        if (rss_mid != nullptr && i + 1 == rss_at)
          *rss_mid = current_rss_mb();
      }
      checksum += sum;
    });
  }
  for (auto& th : pool)
    th.join();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vakkaart;
  std::size_t n = 100000;
  std::size_t xapian_n = 10000;
  int runs = 3;
  std::string set_dir = std::string(VAKKAART_TESTS_DIR) + "/data/vacancies";
  std::string jsonl =
      (std::filesystem::temp_directory_path() / "vakkaart-analysis-texts.jsonl").string();
  std::string result_path;
  bool clauses = true;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc)
          throw std::runtime_error(arg + " needs a value");
        return argv[++i];
      };
      if (arg == "--n")
        n = std::stoul(value());
      else if (arg == "--xapian")
        xapian_n = std::stoul(value());
      else if (arg == "--runs")
        runs = std::max(1, std::stoi(value()));
      else if (arg == "--jsonl")
        jsonl = value();
      else if (arg == "--result")
        result_path = value();
      else if (arg == "--set")
        set_dir = value();
      else if (arg == "--clauses")
        clauses = value() != "no";
      else
        throw std::runtime_error("unknown argument " + arg);
    }
    const std::size_t mid = std::min<std::size_t>(10000, n);
    xapian_n = std::min(xapian_n, n);

    // The structure, as analysis_quality_bench builds it.
    const auto db = std::filesystem::temp_directory_path() /
                    ("vakkaart-speed-" + std::to_string(::getpid()) + ".db");
    auto store = store::open_sqlite_store(db.string());
    testing::import_bundled_sources(*store);
    const auto index = analysis::StructureIndex::build(*store);
    store.reset();
    std::filesystem::remove(db);
    std::filesystem::remove(db.string() + "-wal");
    std::filesystem::remove(db.string() + "-shm");
    analysis::MatchSettings settings;
    settings.clauses = clauses;
    Matcher matcher(index, settings);

    const auto set = analysis::read_labelled_set(set_dir);
    double mean_words = 0;
    const Corpus corpus = generate(set, n, mean_words);
    {
      std::ofstream out(jsonl);
      std::string text;
      for (std::size_t i = 0; i < corpus.size(); ++i) {
        corpus.text(i, text);
        out << vakkaart::Json{{"text", text}}.dump() << "\n";
      }
    }
    std::printf(
        "%zu texts, %.0f words on average, from %zu sentences of %zu labelled texts; "
        "JSONL: %s\n",
        n, mean_words, corpus.sentences.size(), set.size(), jsonl.c_str());
    std::printf("structure: %zu candidates, %zu units; %u hardware threads\n",
                index->candidates().size(), index->units().size(),
                std::thread::hardware_concurrency());
    std::fflush(stdout);

    std::atomic<std::uint64_t> checksum{0};
    // Warm-up (per-thread caches), then memory flatness on the first 1-thread run.
    run_matcher(matcher, corpus, std::min<std::size_t>(1000, n), 2, checksum);
    const double rss_before = current_rss_mb();
    double rss_mid = 0;
    std::vector<double> one, two;
    one.push_back(run_matcher(matcher, corpus, n, 1, checksum, mid, &rss_mid));
    const double rss_end = current_rss_mb();
    for (int r = 1; r < runs; ++r)
      one.push_back(run_matcher(matcher, corpus, n, 1, checksum));
    for (int r = 0; r < runs; ++r)
      two.push_back(run_matcher(matcher, corpus, n, 2, checksum));
    const double peak = peak_rss_mb();

    // Xapian peer: one document per unit, one OP_OR query per segment, top 3.
    Xapian::WritableDatabase xdb(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Stem stem("dutch");
    {
      Xapian::TermGenerator gen;
      gen.set_stemmer(stem);
      gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
      for (const auto& u : index->units()) {
        Xapian::Document doc;
        gen.set_document(doc);
        gen.index_text(u.text);
        xdb.add_document(doc);
      }
      xdb.commit();
    }
    Xapian::QueryParser parser;
    parser.set_stemmer(stem);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_OR);
    parser.set_database(xdb);
    Xapian::Enquire enquire(xdb);
    std::size_t segments = 0, hits = 0;
    const auto xstart = Clock::now();
    {
      std::string text;
      for (std::size_t i = 0; i < xapian_n; ++i) {
        corpus.text(i, text);
        for (const auto& seg : analysis::segment_text(text)) {
          ++segments;
          Xapian::Query q;
          try {
            q = parser.parse_query(seg.text, 0);
          } catch (const Xapian::QueryParserError&) {
            continue;
          }
          enquire.set_query(q);
          hits += enquire.get_mset(0, 3).size();
        }
      }
    }
    const double xsec = std::chrono::duration<double>(Clock::now() - xstart).count();

    const double tps1 = static_cast<double>(n) / median(one);
    const double tps2 = static_cast<double>(n) / median(two);
    const double tpsx = static_cast<double>(xapian_n) / xsec;
    const double growth = rss_mid > 0 ? (rss_end - rss_mid) / rss_mid : 0;

    std::printf("\n%-34s %10s %12s %10s\n", "system", "texts", "texts/s", "seconds");
    std::printf("%-34s %10zu %12.0f %10.2f   (median of %d)\n", "vakkaart analyse, 1 thread", n,
                tps1, median(one), runs);
    std::printf("%-34s %10zu %12.0f %10.2f   (median of %d)\n", "vakkaart analyse, 2 threads", n,
                tps2, median(two), runs);
    std::printf(
        "%-34s %10zu %12.0f %10.2f   (1 run, %zu segments, %.1f per text)\n",
        "xapian per segment, 1 thread", xapian_n, tpsx, xsec, segments,
        static_cast<double>(segments) / static_cast<double>(std::max<std::size_t>(1, xapian_n)));
    std::printf(
        "\nratios: 2 threads / 1 thread %.2f×; vakkaart 1 thread / xapian %.2f×; "
        "vakkaart 2 threads / xapian %.2f×\n",
        tps2 / tps1, tps1 / tpsx, tps2 / tpsx);
    std::printf(
        "memory: RSS %.1f MB before, %.1f MB after %zu texts, %.1f MB after %zu texts "
        "(growth %+.1f%%); peak RSS %.1f MB\n",
        rss_before, rss_mid, mid, rss_end, n, growth * 100, peak);
    std::printf("(result digest %llu, xapian hits %zu)\n",
                static_cast<unsigned long long>(checksum.load()), hits);

    if (!result_path.empty()) {
      std::ofstream out(result_path);
      out << vakkaart::Json{{"texts", n},
                            {"mean_words", mean_words},
                            {"texts_per_s_1", tps1},
                            {"texts_per_s_2", tps2},
                            {"xapian_texts", xapian_n},
                            {"xapian_texts_per_s", tpsx},
                            {"rss_10k_mb", rss_mid},
                            {"rss_end_mb", rss_end},
                            {"rss_growth", growth},
                            {"peak_rss_mb", peak}}
                 .dump()
          << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "analysis_speed_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
