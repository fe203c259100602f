#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vakkaart::store {

// Moving a whole database between backends, checking one, and backing up SQLite while it is in
// use: `vakkaart db copy | check | backup`. They work on tables, not documents, so nothing is
// reinterpreted on the way: ids, hashes, history deltas and the audit log arrive as they were.

/// Rows copied so far of one table, for a progress line.
using CopyProgress =
    std::function<void(const std::string& table, std::size_t table_index, std::size_t tables)>;

struct CopyReport {
  std::vector<std::pair<std::string, long long>> tables;  // name, rows copied
};

/// Copies every table (sources, frameworks, qualifications, functions with all their versions,
/// crosswalk decisions, organisations, users, sessions, tokens, the audit log) from `from` to
/// `to`, either an SQLite location or a PostgreSQL URL, in one transaction on `to`. `to` is
/// created or brought to the same schema version first and must hold no content (nothing
/// imported, no functions, users or audit entries): Error(conflict) otherwise. The source
/// is only read.
CopyReport copy_database(const std::string& from, const std::string& to,
                         const CopyProgress& progress = {});

struct CheckReport {
  std::vector<std::pair<std::string, long long>> tables;  // name, rows
  std::vector<std::string> problems;                      // empty: the database is sound
};

/// Checks a database on either backend: the engine's own check (SQLite integrity and foreign
/// keys), references between tables, and that every saved version of every function opens.
CheckReport check_database(const std::string& location);

/// Copies a live SQLite database to `to_file` with SQLite's online backup API: a consistent
/// snapshot even while servers write. `to_file` must not exist yet. Error(invalid_argument)
/// for a PostgreSQL location (use pg_dump).
void backup_sqlite(const std::string& from, const std::string& to_file,
                   const std::function<void(int remaining, int total)>& progress = {});

/// The tables of schema version 6 in an order where every reference points backwards.
const std::vector<std::string>& store_tables();

}  // namespace vakkaart::store
