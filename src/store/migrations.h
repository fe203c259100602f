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

/// Every migration in src/store/migrations/, in order (generated at build time).
const std::vector<Migration>& migrations();

}  // namespace vakkaart::store
