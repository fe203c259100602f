// Export speed of a function profile: building the document model and rendering it as DOCX, PDF,
// HTML and Markdown.
//
// The function has 60 statements in 8 blocks of 7-8, taken in order from the profiles of the
// bundled Sociare framework (imported from $VAKKAART_SOURCES_DIR into a temporary store); every
// fifth statement is reworded, so a fifth of the items carry an "Oorspronkelijk:" note. Each
// benchmark builds the document from the function and renders it, as the server does per
// request. Targets (from the issue): DOCX <= 20 ms and PDF <= 100 ms median; the run ends with
// a PASS/FAIL line per target.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "exports/function_document.h"
#include "exports/function_export.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/generated_function.h"
#include "unit/support/temp_dir.h"

namespace {

using vakkaart::exports::ExportFormat;
namespace model = vakkaart::model;

constexpr int kStatements = 60;
constexpr double kDocxTargetMs = 20;
constexpr double kPdfTargetMs = 100;

model::Framework load_framework() {
  vakkaart::testing::TempDir dir;
  auto store = vakkaart::store::open_sqlite_store(dir.file("bench.db"));
  vakkaart::testing::import_bundled_sources(*store);
  return *store->find_framework(store->list_frameworks().at(0).id);
}

/// 60 statements from the framework's profiles (the unit tests' function of that size).
model::FunctionProfile generate_function(const model::Framework& fw) {
  return vakkaart::testing::generated_function(fw, kStatements);
}

struct Fixture {
  model::Framework framework = load_framework();
  model::FunctionProfile function = generate_function(framework);
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void export_bench(benchmark::State& state, ExportFormat format) {
  const auto& fx = fixture();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out =
        vakkaart::exports::export_function(fx.function, &fx.framework, format, "nl");
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_BuildDocument(benchmark::State& state) {
  const auto& fx = fixture();
  for (auto _ : state) {
    auto doc = vakkaart::exports::build_function_document(fx.function, &fx.framework, "nl");
    benchmark::DoNotOptimize(doc.nodes.data());
  }
}

void BM_Docx(benchmark::State& state) {
  export_bench(state, ExportFormat::docx);
}
void BM_Pdf(benchmark::State& state) {
  export_bench(state, ExportFormat::pdf);
}
void BM_Html(benchmark::State& state) {
  export_bench(state, ExportFormat::html);
}
void BM_Markdown(benchmark::State& state) {
  export_bench(state, ExportFormat::markdown);
}

BENCHMARK(BM_BuildDocument)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(9)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Docx)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Pdf)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Html)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);
BENCHMARK(BM_Markdown)->Unit(benchmark::kMillisecond)->Repetitions(9)->ReportAggregatesOnly(true);

/// Prints the console table as usual and keeps each benchmark's median wall time in ms.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
        medians_ms[run.run_name.function_name] = run.GetAdjustedRealTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> medians_ms;  // the unit is kMillisecond for all of them
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  const auto& fx = fixture();
  std::size_t statements = 0;
  for (const auto& b : fx.function.blocks)
    statements += b.items.size();
  benchmark::AddCustomContext("function", std::to_string(statements) + " statements in " +
                                              std::to_string(fx.function.blocks.size()) +
                                              " blocks");
  benchmark::AddCustomContext("target_docx_median_ms", "20");
  benchmark::AddCustomContext("target_pdf_median_ms", "100");
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  int failures = 0;
  for (const auto& [name, target] :
       {std::pair{"BM_Docx", kDocxTargetMs}, std::pair{"BM_Pdf", kPdfTargetMs}}) {
    auto it = reporter.medians_ms.find(name);
    if (it == reporter.medians_ms.end())
      continue;  // filtered out
    const bool ok = it->second <= target;
    failures += ok ? 0 : 1;
    std::printf("%s median %.2f ms, target <= %.0f ms: %s\n", name, it->second, target,
                ok ? "PASS" : "FAIL");
  }
  return failures == 0 ? 0 : 1;
}
