#include "cli/progress.h"

#include <iostream>

namespace vakkaart::cli {

search::IndexProgress index_progress(bool on_tty) {
  if (!on_tty)
    return {};
  return [](std::size_t done, std::size_t total) {
    const auto percent = total == 0 ? 100 : done * 100 / total;
    std::cerr << "\r\033[Kindexing statements for search: " << done << "/" << total << " ("
              << percent << "%)" << std::flush;
    if (done == total)
      std::cerr << "\r\033[K" << std::flush;
  };
}

}  // namespace vakkaart::cli
