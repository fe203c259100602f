// libFuzzer target: the Sociare framework note importer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "sources/sociare_note.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_sociare_note(vakkaart::fuzz::fuzz_bytes(data, size));
    (void)vakkaart::sources::parse_sociare_note(vakkaart::fuzz::fuzz_bytes(data, size), "fuzz");
  });
  return 0;
}
