// libFuzzer target: the CASE 1.1 CFPackage reader (OpenSALT and other tools' exports).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "sources/case_package.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_case_package(vakkaart::fuzz::fuzz_bytes(data, size));
    (void)vakkaart::sources::parse_case_package(vakkaart::fuzz::fuzz_bytes(data, size), "fuzz");
  });
  return 0;
}
