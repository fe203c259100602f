// Adversarial job texts through extract_text and the segmenter, 1 MB each (or as deep as the
// format gets): every text path must stay linear, so each of these should take well under a
// second (issue 13: 400 KB of dots took 44 s through POST /api/analyse). Generated inputs
// (tests/unit/analysis/adversarial_inputs.h); the unit tests check their output on small sizes.
//
// Usage: adversarial_input_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>

#include "analysis/input/input.h"
#include "analysis/segmenter.h"
#include "unit/analysis/adversarial_inputs.h"

namespace {

using vakkaart::analysis::InputFormat;
namespace adv = vakkaart::adversarial;

constexpr std::size_t kBytes = std::size_t{1} << 20;

void read_and_segment(benchmark::State& state, const std::string& bytes, InputFormat format) {
  std::size_t segments = 0;
  for (auto _ : state) {
    const std::string text = vakkaart::analysis::extract_text(bytes, format, "adversarial");
    segments = vakkaart::analysis::segment_text(text).size();
    benchmark::DoNotOptimize(segments);
  }
  state.counters["segments"] = static_cast<double>(segments);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_LongWord(benchmark::State& s) {
  read_and_segment(s, adv::long_word(kBytes), InputFormat::text);
}
void BM_OnlyDots(benchmark::State& s) {
  read_and_segment(s, adv::only_dots(kBytes), InputFormat::text);
}
void BM_OnlyPunctuation(benchmark::State& s) {
  read_and_segment(s, adv::only_punctuation(kBytes), InputFormat::text);
}
void BM_EndlessSentence(benchmark::State& s) {
  read_and_segment(s, adv::endless_sentence(kBytes), InputFormat::text);
}
void BM_DeepHtml(benchmark::State& s) {
  read_and_segment(s, adv::deep_html(100'000), InputFormat::html);
}
void BM_LongHtmlWord(benchmark::State& s) {
  read_and_segment(s, "<p>" + adv::long_word(kBytes) + "</p>", InputFormat::html);
}
void BM_DeepMarkdown(benchmark::State& s) {
  read_and_segment(s, adv::deep_markdown(1'000), InputFormat::markdown);
}
void BM_DeepMarkdownQuotes(benchmark::State& s) {
  read_and_segment(s, std::string(kBytes, '>') + " x", InputFormat::markdown);
}
void BM_BigDocxParagraph(benchmark::State& s) {
  read_and_segment(s, adv::big_docx_paragraph(kBytes), InputFormat::docx);
}

}  // namespace

BENCHMARK(BM_LongWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OnlyDots)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OnlyPunctuation)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EndlessSentence)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeepHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongHtmlWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeepMarkdown)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeepMarkdownQuotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BigDocxParagraph)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
