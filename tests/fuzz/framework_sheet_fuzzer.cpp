// libFuzzer target: a framework spreadsheet saved as CSV (sources/framework_sheet over the
// libcsv reader), read into a framework; what reads back is written again and must read back
// to the same framework (the round trip the format promises).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <variant>

#include "exchange/framework_sheet.h"
#include "fuzz_guard.h"
#include "sources/framework_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = vakkaart::fuzz::fuzz_bytes(data, size);
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_framework_csv(bytes);
    auto parsed = vakkaart::sources::parse_framework_csv(bytes, "fuzz.csv");
    const auto& framework = std::get<vakkaart::model::Framework>(parsed.documents.at(0));
    std::string again =
        vakkaart::exchange::rows_to_csv(vakkaart::exchange::framework_to_rows(framework));
    auto back = vakkaart::sources::parse_framework_csv(again, "again.csv");
    if (std::get<vakkaart::model::Framework>(back.documents.at(0)) != framework)
      std::abort();
  });
  return 0;
}
