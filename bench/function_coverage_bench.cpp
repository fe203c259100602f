// Coverage of a function profile against many occupational profiles (issue 5 target: one
// function of 60 statements against 500 profiles in at most 5 ms, median).
//
// The 500 profiles are derived deterministically from the five real profiles of the bundled
// sociare note: each variant keeps a random 60-90% of every main activity's sub-activities, and
// one in three of its statements is made its own (a suffix), so profiles overlap as real ones do
// without being copies. The function takes 60 statements from those profiles (and a few own
// lines). Measured: the per-function cost (CoverageIndex::measure, what every coverage request
// pays), and once per content version the index build, from memory and from the SQLite store.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>

#include "catalog/import_service.h"
#include "compose/coverage.h"
#include "store/store.h"
#include "unit/support/temp_dir.h"

namespace {

using namespace vakkaart;

constexpr int kProfiles = 500;
constexpr int kFunctionStatements = 60;
constexpr std::uint32_t kSeed = 20261126;

model::Framework bundled_framework() {
  static testing::TempDir dir;
  auto store = store::open_sqlite_store(dir.file("bundled.db"));
  catalog::import_files(*store,
                        {std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt"},
                        std::nullopt, {});
  return *store->find_framework("sociare-2016");
}

/// The bundled framework with kProfiles variants of its five profiles.
const model::Framework& large_framework() {
  static const model::Framework framework = [] {
    model::Framework base = bundled_framework();
    model::Framework out = base;
    out.profiles.clear();
    std::mt19937 rng(kSeed);
    std::uniform_real_distribution<double> keep_share(0.6, 0.9), coin(0, 1);
    for (int n = 0; n < kProfiles; ++n) {
      model::Profile p = base.profiles[static_cast<std::size_t>(n) % base.profiles.size()];
      p.id += "-" + std::to_string(n);
      p.title += " " + std::to_string(n);
      for (auto& pc : p.clusters)
        for (auto& main : pc.main_activities) {
          double keep = keep_share(rng);
          std::vector<model::Activity> kept;
          for (auto& a : main.activities) {
            if (coin(rng) > keep)
              continue;
            if (coin(rng) < 1.0 / 3)
              a.text += " (variant " + std::to_string(n) + ")";
            kept.push_back(a);
          }
          main.activities = kept;
        }
      out.profiles.push_back(std::move(p));
    }
    return out;
  }();
  return framework;
}

/// 60 statements: sub-activities of the first profiles' main activities, in blocks of ~8.
model::FunctionProfile sixty_statement_function() {
  const auto& fw = large_framework();
  model::FunctionProfile f;
  f.id = "bench";
  int count = 0, next = 1;
  for (const auto& p : fw.profiles) {
    for (const auto& pc : p.clusters)
      for (const auto& main : pc.main_activities) {
        model::FunctionBlock b;
        b.id = "b" + std::to_string(next++);
        b.cluster_id = pc.cluster_id;
        for (const auto& a : main.activities) {
          if (count >= kFunctionStatements - 4)
            break;
          b.items.push_back({"i" + std::to_string(next++), "activity", a.text, 1, std::nullopt});
          ++count;
        }
        if (!b.items.empty())
          f.blocks.push_back(std::move(b));
      }
    if (count >= kFunctionStatements - 4)
      break;
  }
  model::FunctionBlock own;
  own.id = "b" + std::to_string(next++);
  for (int i = 0; i < 4; ++i)
    own.items.push_back(
        {"i" + std::to_string(next++), "own", "", 0, "Eigen taak " + std::to_string(i)});
  f.blocks.push_back(std::move(own));
  return f;
}

void BM_CoverageMeasure500Profiles(benchmark::State& state) {
  auto index = compose::CoverageIndex::build({large_framework()});
  auto function = sixty_statement_function();
  compose::FunctionCoverage result;
  for (auto _ : state) {
    result = index->measure(function);
    benchmark::DoNotOptimize(result);
  }
  state.counters["profiles"] = static_cast<double>(result.profiles.size());
  state.counters["statements"] = result.statements;
  state.counters["target_ms"] = 5;
}
BENCHMARK(BM_CoverageMeasure500Profiles)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);

void BM_CoverageIndexBuildInMemory(benchmark::State& state) {
  const auto& fw = large_framework();
  for (auto _ : state)
    benchmark::DoNotOptimize(compose::CoverageIndex::build({fw}));
}
BENCHMARK(BM_CoverageIndexBuildInMemory)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

void BM_CoverageIndexBuildFromStore(benchmark::State& state) {
  testing::TempDir dir;
  auto store = store::open_sqlite_store(dir.file("large.db"));
  store->put_documents({large_framework()});
  for (auto _ : state)
    benchmark::DoNotOptimize(compose::CoverageIndex::build(*store));
}
BENCHMARK(BM_CoverageIndexBuildFromStore)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
