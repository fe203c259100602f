// Search speed at scale: vakkaart (full analyzer) against plain Xapian (Dutch stemmer, its
// default QueryParser) and SQLite FTS5 on the same synthetic corpus (bench/search_corpus.h: N
// statements recombined from the real ones) and the same fixed mix of queries. Per system: index
// build rate (statements/s, generation not counted), on-disk size, query latency p50/p99 (after one
// warm-up pass) and peak memory (VmHWM). Each system runs in a child process of its own (this
// program re-executed with --system), so their peak memory is their own; the parent prints a table,
// the ratios vakkaart / plain Xapian and vakkaart / FTS5 and PASS/FAIL against the targets of issue
// 16 (kTarget* below).
//
//   search_speed_bench [--n N (1000000)] [--queries Q (1000)] [--dir DIR (a temp dir)]
//                      [--fts5 yes|no (yes)]
//   search_speed_bench --system vakkaart|xapian-plain --dir DIR --reuse yes ...
//                      (one system's queries on the index an earlier child left in DIR, without
//                      rebuilding it: for profiling the query path, e.g. under perf)
//                      [--per-query yes] (each timed query's wall and CPU ms on stderr, to
//                      compare builds or systems query by query)
//
// Not a Google Benchmark program; named *_bench.cpp so that bench/CMakeLists.txt builds it.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "catalog/import_service.h"
#include "search/index_writer.h"
#include "search/judgements.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "search_corpus.h"
#include "search_peers.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace vakkaart;
using Clock = std::chrono::steady_clock;

namespace {

// Issue 16: vakkaart (full analyzer) no slower than plain Xapian with the Dutch stemmer in the
// same run (p50 and p99 ratios <= 1, judged at 1M statements), p99 <= 8 ms at 300k statements,
// and an index build at least 1.5x plain Xapian's rate. Peak memory stays bounded (issue 9).
constexpr double kTargetLatencyRatio = 1.0;
constexpr double kTargetP99Ms = 8.0;
constexpr std::size_t kTargetP99Scale = 300000;
constexpr double kTargetBuildRatio = 1.5;
constexpr double kTargetPeakMb = 2048.0;
constexpr std::size_t kBatch = 10000;  // statements generated, then added, at a time

struct Options {
  std::size_t n = 1000000;
  std::size_t queries = 1000;
  std::string dir;
  std::string system;      // set in a child
  bool with_fts5 = true;   // --no-fts5: the two Xapian systems only (a faster 1M run)
  bool reuse = false;      // a child queries the index already in dir instead of building it
  bool per_query = false;  // a child prints "LAT<TAB>ms<TAB>query" per timed query on stderr
};

/// Writes every dirty page out before the queries (not timed): the kernel writing back the
/// index just built would otherwise compete with the first queries, more so for a system whose
/// build writes its index in one go at the end (a compaction) than for one that commits as it
/// goes. A search server queries an index built long before.
void settle_after_build() {
  ::sync();
}

/// CPU time of this thread in ms: unlike the wall time, barely moved by other load on the
/// machine, so two builds of one system can be compared query by query (--per-query).
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A field of /proc/self/status in kB (VmHWM, VmRSS).
long status_kb(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0)
      return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

uintmax_t disk_size(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec))
    return fs::file_size(path, ec);
  uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec))
      total += entry.file_size(ec);
  }
  return total;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

std::vector<search::IndexedStatement> load_real_statements(const fs::path& db) {
  const std::string sources = VAKKAART_SOURCES_DIR;
  auto store = store::open_sqlite_store(db.string());
  catalog::import_files(*store,
                        {sources + "/sociare-beroepenstructuur-2016.txt",
                         sources + "/BK-0338-3-syndicaal-deskundige.txt"},
                        std::nullopt, {});
  return search::group_occurrences(store->statement_occurrences());
}

/// Runs one system start to end and prints its figures as one JSON line on stdout.
int run_child(const Options& options) {
  const fs::path dir(options.dir);
  const auto real = load_real_statements(dir / ("real-" + options.system + ".db"));
  std::vector<std::string> judged;
  for (const auto& j :
       testing::load_judgements(std::string(VAKKAART_TESTS_DIR) + "/search/judgements.tsv")) {
    judged.push_back(j.query);
  }
  bench::SyntheticCorpus corpus(real);
  const auto queries = bench::make_query_mix(corpus, judged, options.queries);
  std::vector<search::ParsedQuery> parsed;
  for (const auto& q : queries)
    parsed.push_back(search::parse_query(q));
  const long baseline_kb = status_kb("VmRSS");
  std::cerr << "[" << options.system << "] " << real.size() << " real statements, "
            << corpus.vocabulary().size() << " word tokens; building " << options.n << "\n";

  double build_s = 0;
  fs::path index;
  std::vector<double> latencies;
  std::size_t hits = 0, empty = 0, errors = 0;
  // Generates statements a batch at a time (not timed) and hands each batch to `add` (timed).
  auto build = [&](auto&& add) {
    std::vector<search::IndexedStatement> batch;
    for (std::size_t done = 0; done < options.n;) {
      batch.clear();
      for (std::size_t i = 0; i < kBatch && done + i < options.n; ++i)
        batch.push_back(corpus.next());
      const auto start = Clock::now();
      for (const auto& s : batch)
        add(s);
      build_s += seconds_since(start);
      done += batch.size();
      if (done % 100000 == 0 || done == options.n) {
        std::cerr << "[" << options.system << "] " << done << " added, "
                  << static_cast<long>(static_cast<double>(done) / build_s) << "/s\n";
      }
    }
  };
  // One warm-up pass, then a timed pass; `run` returns the number of hits.
  auto measure = [&](auto&& run) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      try {
        run(i);
      } catch (const std::exception&) {
      }
    }
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto start = Clock::now();
      const double cpu_start = thread_cpu_ms();
      std::size_t found = 0;
      try {
        found = run(i);
      } catch (const std::exception& e) {
        ++errors;
        std::cerr << "[" << options.system << "] query '" << queries[i] << "': " << e.what()
                  << "\n";
      }
      latencies.push_back(seconds_since(start) * 1000.0);
      if (options.per_query) {
        std::cerr << "LAT\t" << latencies.back() << "\t" << thread_cpu_ms() - cpu_start << "\t"
                  << queries[i] << "\n";
      }
      hits += found;
      empty += found == 0 ? 1 : 0;
    }
  };

  if (options.system == "vakkaart") {
    std::vector<std::string> texts;
    for (const auto& s : real)
      texts.push_back(s.text);
    const auto analyzer = search::analyzer_for_corpus(texts);
    index = dir / "vakkaart.xapian";
    if (!(options.reuse && fs::exists(index))) {
      search::IndexWriter writer(index.string(), analyzer);
      build([&](const search::IndexedStatement& s) { writer.add(s); });
      const auto start = Clock::now();
      writer.finish("bench");
      build_s += seconds_since(start);
    }
    settle_after_build();
    std::cerr << "[vakkaart] built in " << build_s << " s; querying\n";
    search::Searcher searcher(index.string(), analyzer);
    measure([&](std::size_t i) {
      return searcher.search(search::SearchRequest{queries[i], 10, 0, {}, false}).results.size();
    });
  } else if (options.system == "fts5") {
    index = dir / "fts5.db";
    bench::Fts5Peer fts5(index.string());
    fts5.begin();
    build([&](const search::IndexedStatement& s) { fts5.add(s.id, s.text); });
    const auto start = Clock::now();
    fts5.commit();
    build_s += seconds_since(start);
    settle_after_build();
    std::cerr << "[fts5] built in " << build_s << " s; querying\n";
    measure([&](std::size_t i) {
      // Parsing counts, as it does for vakkaart (whose search() parses the query itself).
      const auto q = search::parse_query(queries[i]);
      return fts5
          .search(bench::Fts5Peer::to_fts5(q), 10, [&](int64_t id) { return corpus.passes(id, q); })
          .size();
    });
    fts5.finalize();
  } else if (options.system == "xapian-plain") {
    index = dir / "plain.xapian";
    if (!(options.reuse && fs::exists(index))) {
      bench::PlainXapianPeer plain(index.string());
      build([&](const search::IndexedStatement& s) { plain.add(s); });
      const auto start = Clock::now();
      plain.commit();
      build_s += seconds_since(start);
    }
    settle_after_build();
    std::cerr << "[xapian-plain] built in " << build_s << " s; querying\n";
    bench::PlainXapianPeer plain(index.string(), /*open_existing=*/true);
    measure(
        [&](std::size_t i) { return plain.search(search::parse_query(queries[i]), 10).size(); });
  } else {
    std::cerr << "unknown --system " << options.system << "\n";
    return 2;
  }

  std::vector<std::size_t> order(latencies.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return latencies[a] > latencies[b]; });
  for (std::size_t k = 0; k < std::min<std::size_t>(5, order.size()); ++k) {
    std::cerr << "[" << options.system << "] slow: " << latencies[order[k]] << " ms  "
              << queries[order[k]] << "\n";
  }
  double mean = 0;
  for (double l : latencies)
    mean += l;
  mean /= static_cast<double>(std::max<std::size_t>(latencies.size(), 1));
  nlohmann::ordered_json out = {
      {"system", options.system},
      {"n", options.n},
      {"queries", queries.size()},
      {"build_s", build_s},
      {"build_rate", static_cast<double>(options.n) / build_s},
      {"size_bytes", disk_size(index)},
      {"p50_ms", percentile(latencies, 0.50)},
      {"p90_ms", percentile(latencies, 0.90)},
      {"p99_ms", percentile(latencies, 0.99)},
      {"max_ms", percentile(latencies, 1.0)},
      {"mean_ms", mean},
      {"peak_kb", status_kb("VmHWM")},
      {"baseline_kb", baseline_kb},
      {"mean_hits", static_cast<double>(hits) / static_cast<double>(queries.size())},
      {"empty_queries", empty},
      {"errors", errors},
  };
  std::cout << out.dump() << std::endl;
  return 0;
}

nlohmann::json run_system(const std::string& self, const Options& options,
                          const std::string& system) {
  const std::string command = "'" + self + "' --system " + system + " --n " +
                              std::to_string(options.n) + " --queries " +
                              std::to_string(options.queries) + " --dir '" + options.dir + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    throw std::runtime_error("cannot run " + command);
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
    output += buffer;
  const int status = pclose(pipe);
  const auto brace = output.rfind('{');
  if (status != 0 || brace == std::string::npos)
    throw std::runtime_error(system + " run failed (status " + std::to_string(status) + ")");
  return nlohmann::json::parse(output.substr(brace));
}

const char* verdict(bool ok) {
  return ok ? "PASS" : "FAIL";
}

double megabytes(const nlohmann::json& j, const std::string& field) {
  return j[field].get<double>() / (field == "size_bytes" ? 1048576.0 : 1024.0);
}

/// The figures side by side, with vakkaart / plain Xapian (and / FTS5 when it ran).
void print_table(const Options& options, const nlohmann::json& vakkaart,
                 const nlohmann::json& plain, const nlohmann::json& fts5) {
  std::printf("search speed: %zu synthetic statements, %zu queries, %u cores\n", options.n,
              options.queries, std::thread::hardware_concurrency());
  std::printf("  %-24s %12s %12s %12s %9s %9s\n", "", "vakkaart", "xapian-plain", "sqlite-fts5",
              "/plain", "/fts5");
  const std::pair<const char*, const char*> rows[] = {{"build (statements/s)", "build_rate"},
                                                      {"build time (s)", "build_s"},
                                                      {"on-disk size (MB)", "size_bytes"},
                                                      {"query p50 (ms)", "p50_ms"},
                                                      {"query p90 (ms)", "p90_ms"},
                                                      {"query p99 (ms)", "p99_ms"},
                                                      {"query max (ms)", "max_ms"},
                                                      {"query mean (ms)", "mean_ms"},
                                                      {"peak memory (MB)", "peak_kb"},
                                                      {"RSS before build (MB)", "baseline_kb"},
                                                      {"mean hits per query", "mean_hits"},
                                                      {"queries without hits", "empty_queries"},
                                                      {"query errors", "errors"}};
  for (const auto& [label, field] : rows) {
    const std::string f = field;
    const bool in_mb = f == "size_bytes" || f == "peak_kb" || f == "baseline_kb";
    const char* format = f == "build_rate" || f == "empty_queries" || f == "errors" ? "%.0f"
                         : f.find("_ms") != std::string::npos                       ? "%.3f"
                         : f == "mean_hits"                                         ? "%.2f"
                                                                                    : "%.1f";
    auto value = [&](const nlohmann::json& j) {
      return in_mb ? megabytes(j, f) : j[f].get<double>();
    };
    auto cell = [&](const nlohmann::json& j) {
      char buffer[32] = "-";
      if (!j.is_null())
        std::snprintf(buffer, sizeof buffer, format, value(j));
      return std::string(buffer);
    };
    auto ratio = [&](const nlohmann::json& j) {
      char buffer[32] = "-";
      if (!j.is_null() && value(j) != 0)
        std::snprintf(buffer, sizeof buffer, "%.2f", value(vakkaart) / value(j));
      return std::string(buffer);
    };
    std::printf("  %-24s %12s %12s %12s %9s %9s\n", label, cell(vakkaart).c_str(),
                cell(plain).c_str(), cell(fts5).c_str(), ratio(plain).c_str(), ratio(fts5).c_str());
  }
  std::printf(
      "  (ratios = vakkaart / peer; for latency and size lower is better, for build "
      "rate higher)\n");
}

/// PASS/FAIL per target of issue 16; true when every target that applies at this size is met.
bool print_targets(const Options& options, const nlohmann::json& vakkaart,
                   const nlohmann::json& plain) {
  const double p50_ratio = vakkaart["p50_ms"].get<double>() / plain["p50_ms"].get<double>();
  const double p99_ratio = vakkaart["p99_ms"].get<double>() / plain["p99_ms"].get<double>();
  const double build_ratio =
      vakkaart["build_rate"].get<double>() / plain["build_rate"].get<double>();
  const double p99 = vakkaart["p99_ms"], peak = megabytes(vakkaart, "peak_kb");
  const bool ok_p50 = p50_ratio <= kTargetLatencyRatio, ok_p99 = p99_ratio <= kTargetLatencyRatio;
  const bool ok_build = build_ratio >= kTargetBuildRatio, ok_peak = peak <= kTargetPeakMb;
  // The absolute p99 bound is set for 300k statements; a larger run shows it for information.
  const bool p99_applies = options.n <= kTargetP99Scale, ok_p99_ms = p99 <= kTargetP99Ms;
  std::printf(
      "targets (issue 16; vakkaart with the full analyzer against plain Xapian with "
      "the Dutch stemmer, this run%s):\n",
      options.n == 1000000 ? ", 1M statements" : "; latency ratios are judged at 1M");
  std::printf("  p50 vakkaart/plain  %8.2f      <= %.1f        %s\n", p50_ratio,
              kTargetLatencyRatio, verdict(ok_p50));
  std::printf("  p99 vakkaart/plain  %8.2f      <= %.1f        %s\n", p99_ratio,
              kTargetLatencyRatio, verdict(ok_p99));
  std::printf("  p99 vakkaart        %8.3f ms   <= %.0f ms       %s\n", p99, kTargetP99Ms,
              p99_applies ? verdict(ok_p99_ms) : "(set for 300k statements)");
  std::printf("  build vakkaart/plain %7.2f      >= %.1f        %s\n", build_ratio,
              kTargetBuildRatio, verdict(ok_build));
  std::printf("  peak memory         %8.1f MB   <= %.0f MB    %s\n", peak, kTargetPeakMb,
              verdict(ok_peak));
  const bool all = ok_p50 && ok_p99 && ok_build && ok_peak && (!p99_applies || ok_p99_ms);
  std::printf("overall: %s\n", verdict(all));
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--n") {
      options.n = std::stoul(value);
    } else if (key == "--queries") {
      options.queries = std::stoul(value);
    } else if (key == "--dir") {
      options.dir = value;
    } else if (key == "--system") {
      options.system = value;
    } else if (key == "--per-query") {
      options.per_query = value == "yes";
    } else if (key == "--reuse") {
      options.reuse = value == "yes";
    } else if (key == "--fts5") {
      options.with_fts5 = value != "no";
    } else {
      std::cerr << "usage: search_speed_bench [--n N] [--queries Q] [--dir DIR] [--fts5 yes|no] "
                   "[--reuse yes|no] [--per-query yes|no]\n";
      return 2;
    }
  }
  if (options.n == 0 || options.queries == 0) {
    std::cerr << "search_speed_bench: --n and --queries must be positive\n";
    return 2;
  }
  try {
    if (!options.system.empty())
      return run_child(options);

    const bool temporary = options.dir.empty();
    if (temporary) {
      options.dir =
          (fs::temp_directory_path() / ("vakkaart-speed-" + std::to_string(getpid()))).string();
    }
    fs::create_directories(options.dir);
    const std::string self = fs::canonical("/proc/self/exe").string();
    // Plain Xapian first, then vakkaart, then FTS5: the two Xapian builds see the machine in
    // the same state as far as one run allows (the ratios between them are what is judged).
    const auto plain = run_system(self, options, "xapian-plain");
    const auto vakkaart = run_system(self, options, "vakkaart");
    const nlohmann::json fts5 =
        options.with_fts5 ? run_system(self, options, "fts5") : nlohmann::json();
    if (temporary) {
      fs::remove_all(options.dir);
    } else {
      for (const auto* name : {"vakkaart.xapian", "fts5.db", "plain.xapian", "real-vakkaart.db",
                               "real-fts5.db", "real-xapian-plain.db"}) {
        std::error_code ec;
        fs::remove_all(fs::path(options.dir) / name, ec);
        fs::remove(fs::path(options.dir) / (std::string(name) + "-wal"), ec);
        fs::remove(fs::path(options.dir) / (std::string(name) + "-shm"), ec);
      }
    }
    print_table(options, vakkaart, plain, fts5);
    return print_targets(options, vakkaart, plain) ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "search_speed_bench: " << e.what() << "\n";
    return 2;
  }
}
