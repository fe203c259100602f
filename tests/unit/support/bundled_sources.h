#pragma once

#include <string>

#include "catalog/import_service.h"
#include "store/store.h"

namespace vakkaart::testing {

/// Imports the bundled sources (the sociare note and BK-0338-3) into a store.
inline void import_bundled_sources(store::Store& store) {
  catalog::import_files(store,
                        {std::string(VAKKAART_SOURCES_DIR) + "/sociare-beroepenstructuur-2016.txt",
                         std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt"},
                        std::nullopt, {});
}

}  // namespace vakkaart::testing
