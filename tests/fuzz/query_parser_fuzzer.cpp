// libFuzzer target: the search box syntax.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "search/query_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded(
      [&] { (void)vakkaart::search::parse_query(vakkaart::fuzz::fuzz_bytes(data, size)); });
  return 0;
}
