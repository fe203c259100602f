// libFuzzer target: the older BK layouts (decree annexes, dossier exports) and their detection.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_guard.h"
#include "sources/akov/decree_annex.h"
#include "sources/akov/dossier_export.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vakkaart::fuzz::fuzz_guarded([&] {
    const auto text = vakkaart::fuzz::fuzz_bytes(data, size);
    (void)vakkaart::sources::looks_like_bk_decree_annex(text);
    (void)vakkaart::sources::looks_like_bk_dossier_export(text);
    (void)vakkaart::sources::parse_bk_decree_annex(text, "BK-0001-1.txt");
  });
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::parse_bk_dossier_export(vakkaart::fuzz::fuzz_bytes(data, size),
                                                     "fuzz");
  });
  return 0;
}
