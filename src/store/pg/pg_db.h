#pragma once

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sql/db.h"

namespace vakkaart::store::pg {

/// One PostgreSQL connection (libpqxx) speaking the store's SQL: `?` placeholders become $n,
/// every statement is prepared once per connection, a write transaction holds a
/// transaction-scoped advisory lock (so writers are ordered as in SQLite, whatever server they
/// come from) and announces its commit with NOTIFY vakkaart_changes. Errors become
/// vakkaart::Error; a lost connection is Error(unavailable) and makes the Db unusable, so a
/// pool opens a new one instead of reusing it.
class PgDb final : public sql::Db {
 public:
  PgDb(const std::string& url, bool read_only, int statement_timeout_ms);
  ~PgDb() override;

  sql::Dialect dialect() const override { return sql::Dialect::postgresql; }
  const std::string& name() const override { return name_; }
  bool read_only() const override { return read_only_; }
  void exec(const std::string& sql) override;
  std::unique_ptr<sql::Cursor> cursor(std::string_view sql) override;
  int64_t changes() const override { return changes_; }
  bool has_table(const std::string& table) override;
  bool in_transaction() const override { return in_transaction_; }
  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  bool usable() const override;
  void after_explicit_ids(const std::string& table) override;

  /// Runs a prepared statement (for PgCursor); `sql` uses $n placeholders.
  pqxx::result run(const std::string& sql, const std::vector<std::optional<std::string>>& params);

 private:
  [[noreturn]] void fail(const std::exception& e);

  std::string name_;
  bool read_only_;
  std::unique_ptr<pqxx::connection> connection_;
  std::unique_ptr<pqxx::nontransaction> work_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
  int64_t changes_ = 0;
  bool in_transaction_ = false;
  bool broken_ = false;
};

/// The store's SQL with PostgreSQL placeholders: `?` becomes $1, $2, ... and `?N` becomes $N
/// (outside quoted strings).
std::string pg_placeholders(std::string_view sql);

/// A URL without its password, for messages and logs.
std::string redact_url(const std::string& url);

}  // namespace vakkaart::store::pg
