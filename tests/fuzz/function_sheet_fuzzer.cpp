// libFuzzer target: a function sheet, CSV or XLSX (exchange/function_sheet_reader over the
// framework sheet's readers), read into a function; what reads back is written again as CSV and
// must read back to the same function and the same bytes (the exact round trip the format
// promises).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "exchange/function_sheet.h"
#include "exchange/function_sheet_reader.h"
#include "fuzz_guard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = vakkaart::fuzz::fuzz_bytes(data, size);
  vakkaart::fuzz::fuzz_guarded([&] {
    using vakkaart::exchange::SheetFormat;
    auto function = vakkaart::exchange::read_function_sheet(bytes, "fuzz.csv");
    if (!function)
      return;
    const std::string again = vakkaart::exchange::function_to_sheet(*function, SheetFormat::csv);
    const auto back = vakkaart::exchange::parse_function_csv(again, "again.csv");
    if (back != *function || vakkaart::exchange::function_to_sheet(back, SheetFormat::csv) != again)
      std::abort();
  });
  return 0;
}
