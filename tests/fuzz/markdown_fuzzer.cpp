// libFuzzer target: the markdown job-text reader, then the segmenter on its text, then the
// clause splitter on each segment (its spans must lie in order inside the segment).
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/clauses.h"
#include "analysis/input/input.h"
#include "analysis/segmenter.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    const std::string text = vakkaart::analysis::extract_text(
        vakkaart::fuzz::fuzz_bytes(data, size), vakkaart::analysis::InputFormat::markdown, "fuzz");
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& segment : vakkaart::analysis::segment_text(text)) {
      vakkaart::analysis::clause_spans(segment.text, spans);
      std::size_t last = 0;
      for (auto [begin, end] : spans) {
        if (begin < last || end <= begin || end > segment.text.size())
          __builtin_trap();
        last = end;
      }
    }
  });
  return 0;
}
