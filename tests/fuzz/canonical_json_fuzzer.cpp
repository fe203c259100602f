// libFuzzer target: the canonical JSON importer (frameworks, qualifications, profiles).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "sources/canonical_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_canonical_json(vakkaart::fuzz::fuzz_bytes(data, size));
    (void)vakkaart::sources::parse_canonical_json(vakkaart::fuzz::fuzz_bytes(data, size), "fuzz");
  });
  return 0;
}
