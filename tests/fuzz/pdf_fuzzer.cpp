// libFuzzer target: the pdf job-text reader, then the segmenter on its text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/input/input.h"
#include "analysis/segmenter.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    const std::string text = vakkaart::analysis::extract_text(
        vakkaart::fuzz::fuzz_bytes(data, size), vakkaart::analysis::InputFormat::pdf, "fuzz");
    (void)vakkaart::analysis::segment_text(text);
  });
  return 0;
}
