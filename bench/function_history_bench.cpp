// Function history storage (issue 14, item 10: 10,000 edits of a 60-block function in under
// 50 MB, any version still opening exactly).
//
// A function of 60 blocks is composed through compose::FunctionService on a temporary SQLite
// file holding the bundled sources: one block at a time from the Sociare profiles (round robin
// over the profiles, so blocks differ), then 10,000 random edits of the kinds people make
// (fixed seed): reword an item, set a block's weight, add or remove an own item, set the
// purpose, move an item, and swap a block for another (remove one, take one), which keeps 60
// blocks. Every version is saved as the service saves it.
//
// Peers, side by side in one run: the old scheme kept each version's whole body, so its size is
// the sum of the bodies (measured, not estimated: every body is read back from the store), and
// opening an old version read one such row; that read is timed on a table of whole bodies in a
// second SQLite file (a sample of 200 of the same versions). The new scheme's size is the pages
// of function_versions and its indexes on disk (SQLite's dbstat), and its open time is
// Store::find_function(id, version) for random versions and for the worst one (the version
// with the most deltas after its snapshot).

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "compose/function_service.h"
#include "store/function_history.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"

namespace {

using namespace vakkaart;

constexpr int kBlocks = 60;
constexpr int kEdits = 10'000;
constexpr double kTargetMb = 50;
constexpr std::uint32_t kSeed = 20261205;
constexpr int kOldSample = 200;

/// Runs one SQL statement on a raw connection and returns its first column as a number.
double sql_number(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  double value = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_double(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

/// Every block the bundled sources offer: round robin over the profiles (the n-th main
/// activity of every profile before the n+1-th), the BK's competences among them.
std::vector<std::string> block_sources(const model::Framework& fw, const model::Qualification& bk) {
  std::vector<std::vector<std::string>> per_profile;
  per_profile.emplace_back();
  for (std::size_t n = 1; n <= bk.competences.size(); ++n)
    per_profile.back().push_back(bk.id + ":" + std::to_string(n));
  for (const auto& p : fw.profiles) {
    per_profile.emplace_back();
    for (const auto& pc : p.clusters)
      for (std::size_t n = 1; n <= pc.main_activities.size(); ++n)
        per_profile.back().push_back(p.id + ":" + pc.cluster_id + ":" + std::to_string(n));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0;; ++i) {
    bool any = false;
    for (const auto& list : per_profile)
      if (i < list.size()) {
        out.push_back(list[i]);
        any = true;
      }
    if (!any)
      return out;
  }
}

/// One edit of the kinds people make; `spare` holds sources not in the function.
compose::Edit random_edit(const model::FunctionProfile& f, std::vector<std::string>& spare,
                          std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const auto& block = f.blocks[pick(f.blocks.size())];
  const std::string n = std::to_string(rng() % 100000);
  int kind = static_cast<int>(rng() % 100);
  if (kind < 5 && static_cast<int>(f.blocks.size()) >= kBlocks)
    return compose::RemoveBlock{{block.id}};
  if (kind < 10 && static_cast<int>(f.blocks.size()) < kBlocks && !spare.empty()) {
    std::size_t at = pick(spare.size());
    std::string source = spare[at];
    spare.erase(spare.begin() + static_cast<std::ptrdiff_t>(at));
    return compose::AddBlock{source, {}, "", std::nullopt};
  }
  if (kind < 45 && !block.items.empty())
    return compose::Reword{{block.items[pick(block.items.size())].id}, "Herschreven " + n};
  if (kind < 65)
    return compose::SetBlock{{block.id}, std::nullopt, double(rng() % 30), std::nullopt};
  if (kind < 80)
    return compose::AddItem{{block.id}, "Eigen taak " + n, std::nullopt};
  if (kind < 90 && block.items.size() > 1)
    return compose::RemoveItem{{block.items[pick(block.items.size())].id}};
  if (kind < 95 && block.items.size() > 1)
    return compose::MoveItem{{block.items[pick(block.items.size())].id}, pick(block.items.size())};
  return compose::SetField{compose::FunctionField::purpose, "Doel " + n};
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<store::Store> store;
  std::string id;
  int versions = 0;
  double old_bytes = 0;   // the old scheme: every version's whole body
  double body_bytes = 0;  // the last version's body
  double new_bytes = 0;   // function_versions and its indexes on disk
  double db_bytes = 0;    // the whole database file (with the bundled sources)
  double edit_ms = 0;     // mean time of one saved edit
  int worst_version = 0;  // the most deltas after its snapshot
  int worst_deltas = 0;
  sqlite3* old_db = nullptr;  // the old scheme's table of whole bodies, for the read peer

  Fixture() {
    std::string path = dir.file("history.db");
    store = store::open_sqlite_store(path);
    testing::import_bundled_sources(*store);
    auto sources = block_sources(*store->find_framework("sociare-2016"),
                                 *store->find_qualification("BK-0338-3"));
    if (sources.size() < kBlocks + 5)
      throw std::runtime_error("the bundled sources offer only " + std::to_string(sources.size()) +
                               " blocks");
    compose::FunctionService service(*store);
    auto f = service.create(
        {"Jeugdwerker met focus op participatie", "Jeugdhuis De Klinker", "", "", false}, "bench");
    id = f.id;
    std::vector<std::string> spare(sources.begin() + kBlocks, sources.end());
    for (int b = 0; b < kBlocks; ++b)
      f = service
              .edit(id, f.version, {compose::AddBlock{sources[b], {}, "", std::nullopt}}, "bench")
              .current;
    std::mt19937 rng(kSeed);
    auto start = std::chrono::steady_clock::now();
    for (int e = 0; e < kEdits; ++e) {
      auto out = service.edit(id, f.version, {random_edit(f, spare, rng)}, "bench");
      for (const auto& b : f.blocks)  // a removed block's source can be taken again
        if (b.source && !std::any_of(out.current.blocks.begin(), out.current.blocks.end(),
                                     [&](const auto& c) { return c.id == b.id; }))
          spare.push_back(b.source->ref);
      f = std::move(out.current);
    }
    edit_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count() /
              kEdits;
    versions = f.version;
    measure(path);
  }
  ~Fixture() { sqlite3_close(old_db); }

  void measure(const std::string& path) {
    sqlite3_open_v2((dir.file("old.db")).c_str(), &old_db,
                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite3_exec(old_db,
                 "CREATE TABLE function_versions (function_id TEXT, version INTEGER, body TEXT, "
                 "PRIMARY KEY (function_id, version)); BEGIN",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(old_db, "INSERT INTO function_versions VALUES ('f', ?, ?)", -1, &insert,
                       nullptr);
    for (int v = 1; v <= versions; ++v) {
      std::string body = store->find_function(id, v)->body;
      old_bytes += static_cast<double>(body.size());
      body_bytes = static_cast<double>(body.size());
      if (v % (versions / kOldSample) == 0) {
        sqlite3_bind_int(insert, 1, v);
        sqlite3_bind_text(insert, 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
      }
    }
    sqlite3_finalize(insert);
    sqlite3_exec(old_db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3* raw = nullptr;
    sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    new_bytes =
        sql_number(raw,
                   "SELECT SUM(pgsize) FROM dbstat WHERE name IN ('function_versions', "
                   "'function_versions_snapshots', 'sqlite_autoindex_function_versions_1')");
    db_bytes = sql_number(raw,
                          "SELECT page_count * page_size FROM pragma_page_count, "
                          "pragma_page_size");
    sqlite3_stmt* rows = nullptr;
    sqlite3_prepare_v2(raw,
                       "SELECT version, delta_base IS NULL FROM function_versions ORDER BY version",
                       -1, &rows, nullptr);
    for (int deltas = 0; sqlite3_step(rows) == SQLITE_ROW;) {
      deltas = sqlite3_column_int(rows, 1) ? 0 : deltas + 1;
      if (deltas > worst_deltas) {
        worst_deltas = deltas;
        worst_version = sqlite3_column_int(rows, 0);
      }
    }
    sqlite3_finalize(rows);
    sqlite3_close(raw);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_OpenRandomVersion_Deltas(benchmark::State& state) {
  auto& fx = fixture();
  std::mt19937 rng(kSeed);
  for (auto _ : state) {
    int v = 1 + static_cast<int>(rng() % static_cast<unsigned>(fx.versions));
    benchmark::DoNotOptimize(fx.store->find_function(fx.id, v));
  }
}
BENCHMARK(BM_OpenRandomVersion_Deltas)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

void BM_OpenWorstVersion_Deltas(benchmark::State& state) {
  auto& fx = fixture();
  for (auto _ : state)
    benchmark::DoNotOptimize(fx.store->find_function(fx.id, fx.worst_version));
  state.counters["deltas"] = fx.worst_deltas;
}
BENCHMARK(BM_OpenWorstVersion_Deltas)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

void BM_OpenRandomVersion_WholeBodies(benchmark::State& state) {
  auto& fx = fixture();
  std::mt19937 rng(kSeed);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(fx.old_db,
                     "SELECT body FROM function_versions WHERE function_id = 'f' AND version = ?",
                     -1, &q, nullptr);
  int step = fx.versions / kOldSample;
  for (auto _ : state) {
    int v = step * (1 + static_cast<int>(rng() % kOldSample));
    sqlite3_bind_int(q, 1, v);
    sqlite3_step(q);
    std::string body(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                     static_cast<std::size_t>(sqlite3_column_bytes(q, 0)));
    benchmark::DoNotOptimize(body);
    sqlite3_reset(q);
  }
  sqlite3_finalize(q);
}
BENCHMARK(BM_OpenRandomVersion_WholeBodies)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

void BM_OpenRandomVersionParsed(benchmark::State& state) {
  auto& fx = fixture();
  compose::FunctionService service(*fx.store);
  std::mt19937 rng(kSeed);
  for (auto _ : state) {
    int v = 1 + static_cast<int>(rng() % static_cast<unsigned>(fx.versions));
    benchmark::DoNotOptimize(service.get(fx.id, v));
  }
}
BENCHMARK(BM_OpenRandomVersionParsed)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

/// What a save pays for keeping a delta: the line diff of two consecutive versions.
void BM_EncodeDeltaOfOneEdit(benchmark::State& state) {
  auto& fx = fixture();
  std::string before = fx.store->find_function(fx.id, fx.versions - 1)->body;
  std::string after = fx.store->find_function(fx.id, fx.versions)->body;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string delta = store::history::encode_delta(before, after);
    bytes = delta.size();
    benchmark::DoNotOptimize(delta);
  }
  state.counters["delta_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodeDeltaOfOneEdit)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

/// Prints the console table as usual and keeps each benchmark's median wall time in ms.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs)
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
        medians_ms[run.run_name.function_name] = run.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> medians_ms;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  auto& fx = fixture();
  benchmark::AddCustomContext("function", std::to_string(kBlocks) + " blocks, " +
                                              std::to_string(fx.versions) + " versions (" +
                                              std::to_string(kEdits) + " random edits)");
  benchmark::AddCustomContext("snapshot_every", std::to_string(store::history::kSnapshotEvery));
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const double mb = 1e6;
  auto median = [&](const char* name) {
    auto it = reporter.medians_ms.find(name);
    return it == reporter.medians_ms.end() ? -1.0 : it->second;
  };
  std::printf("versions: %d, last body %.0f KB, %.1f ms per saved edit (the diff: %.2f ms)\n",
              fx.versions, fx.body_bytes / 1e3, fx.edit_ms, median("BM_EncodeDeltaOfOneEdit"));
  std::printf("history, old scheme (whole bodies): %.1f MB\n", fx.old_bytes / mb);
  std::printf(
      "history, new scheme (deltas, snapshot every %d): %.1f MB on disk (%.0fx smaller); "
      "whole database with the sources %.1f MB\n",
      store::history::kSnapshotEvery, fx.new_bytes / mb, fx.old_bytes / fx.new_bytes,
      fx.db_bytes / mb);
  double deltas = median("BM_OpenRandomVersion_Deltas");
  double whole = median("BM_OpenRandomVersion_WholeBodies");
  if (deltas > 0 && whole > 0)
    std::printf(
        "open a random version: %.2f ms (deltas) vs %.2f ms (whole body), %.1fx; worst "
        "version (%d deltas) %.2f ms; with JSON parsing %.2f ms\n",
        deltas, whole, deltas / whole, fx.worst_deltas, median("BM_OpenWorstVersion_Deltas"),
        median("BM_OpenRandomVersionParsed"));
  bool ok = fx.new_bytes / mb < kTargetMb;
  std::printf("history of %d edits %.1f MB, target < %.0f MB: %s\n", kEdits, fx.new_bytes / mb,
              kTargetMb, ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
