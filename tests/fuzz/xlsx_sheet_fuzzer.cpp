// libFuzzer target: an XLSX workbook (sources/xlsx_sheet over libzip + pugixml) read as a
// framework spreadsheet. Inputs are whole zips; the seeds are small workbooks we wrote.
#include <cstddef>
#include <cstdint>

#include "fuzz_guard.h"
#include "sources/framework_sheet.h"
#include "sources/xlsx_sheet.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = vakkaart::fuzz::fuzz_bytes(data, size);
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_xlsx(bytes);
    (void)vakkaart::sources::parse_framework_xlsx(bytes, "fuzz.xlsx");
  });
  return 0;
}
