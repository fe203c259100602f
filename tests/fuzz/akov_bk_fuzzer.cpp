// libFuzzer target: the AKOV professional qualification importer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "sources/akov_bk.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_akov_bk(vakkaart::fuzz::fuzz_bytes(data, size));
    (void)vakkaart::sources::parse_akov_bk(vakkaart::fuzz::fuzz_bytes(data, size), "fuzz");
  });
  return 0;
}
