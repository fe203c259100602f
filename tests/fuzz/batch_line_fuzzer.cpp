// libFuzzer target: the JSON line parser of bulk analysis: the strict fast path (never throws),
// then the full reader, which falls back to nlohmann when the fast path declines (an Error is a
// normal outcome for a bad line).
#include <cstddef>
#include <cstdint>
#include <string>

#include "analysis/batch/line_parser.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    const auto line = vakkaart::fuzz::fuzz_bytes(data, size);
    std::string id, text;
    (void)vakkaart::analysis::batch::parse_record_line(line, id, text);
    vakkaart::analysis::batch::read_record_line(line, id, text);
  });
  return 0;
}
