#pragma once

#include <string>
#include <vector>

namespace vakkaart::store {

/// One numbered schema change, applied once and recorded in schema_migrations.
struct Migration {
  int number;
  const char* name;
  const char* sql;
};

// Every migration of a backend, in order (generated at build time from
// src/store/migrations/<backend>/). Both series have the same numbers: schema version N means
// the same tables and columns on SQLite and on PostgreSQL, which `vakkaart db copy` relies on.
const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& pg_migrations();

}  // namespace vakkaart::store
