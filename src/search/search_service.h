#pragma once

#include <memory>
#include <string>

#include "search/index_writer.h"
#include "search/searcher.h"
#include "store/store.h"

namespace vakkaart::search {

/// Where the search index of a database lives: beside an SQLite file, "<db>.search"; for a
/// PostgreSQL URL, in this machine's cache folder ($XDG_CACHE_HOME or ~/.cache, /vakkaart/).
std::string index_dir_for(const std::string& location);

/// Opens the index of a store, rebuilding it first when it is missing, of another format or
/// built from another content version of the store: a stale index is never served. The
/// analyzer (with the index's vocabulary) is shared per index version within the process.
std::unique_ptr<Searcher> open_fresh_index(store::Store& store, const std::string& index_dir,
                                           const IndexProgress& progress = {});

/// True when the index at index_dir is complete and matches the store.
bool index_is_fresh(store::Store& store, const std::string& index_dir);

}  // namespace vakkaart::search
