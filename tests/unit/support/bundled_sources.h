#pragma once

#include <string>
#include <vector>

#include "catalog/import_service.h"
#include "store/store.h"

namespace vakkaart::testing {

/// Imports the bundled sources (the sociare note and BK-0338-3) into a store.
inline void import_bundled_sources(store::Store& store) {
  // Built step by step: GCC 12 at -O2 reports a false -Warray-bounds on a braced list of
  // concatenated std::strings here.
  const std::string dir = VAKKAART_SOURCES_DIR;
  std::vector<std::string> files;
  files.push_back(dir + "/sociare-beroepenstructuur-2016.txt");
  files.push_back(dir + "/BK-0338-3-syndicaal-deskundige.txt");
  catalog::import_files(store, files, std::nullopt, {});
}

}  // namespace vakkaart::testing
