#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace vakkaart::store::sql {

class Db;

// The rows of function_versions as chains of a snapshot and deltas (store/function_history.h).
// Called by SqlStore inside its own transactions.

/// One saved version (id, version, updated = when it was saved, body), rebuilt from its chain;
/// nullopt when the function has no such version. Error(database_error) for a damaged chain.
std::optional<StoredFunction> load_function_version(Db& db, const std::string& id, int version);

/// The body of the function's current version: what its next version is a delta against.
std::string current_function_body(Db& db, const std::string& id);

/// Saves `function` as a history row on top of `previous_version` (0: none), whose body is
/// `previous_body`: as a delta, or as a snapshot when its chain is full.
void append_function_version(Db& db, const StoredFunction& function, int previous_version,
                             const std::string& previous_body, const FunctionHistoryEntry& entry);

/// Rewrites history saved as whole bodies (before migration 6) as chains, once: in one
/// transaction, recorded in store_meta. Does nothing on a read-only database, whose whole
/// bodies stay readable as snapshots.
void convert_function_history(Db& db);

}  // namespace vakkaart::store::sql
