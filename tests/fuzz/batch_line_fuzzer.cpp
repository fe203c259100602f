// libFuzzer target: the strict JSON line parser of bulk analysis (its fast path).
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/batch.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    std::string id;
    std::string text;
    (void)vakkaart::analysis::parse_batch_line_fast(vakkaart::fuzz::fuzz_bytes(data, size), id,
                                                    text);
  });
  return 0;
}
