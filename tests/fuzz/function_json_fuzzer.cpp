// libFuzzer target: the function JSON reader; what it reads must write back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exports/function_json.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    const auto function =
        vakkaart::exports::parse_function_json(vakkaart::fuzz::fuzz_bytes(data, size), "fuzz");
    (void)vakkaart::exports::function_to_json(function).dump();
  });
  return 0;
}
