#pragma once

#include <sqlite3.h>

#include <string>

#include "store/sql/db.h"

namespace vakkaart::store::sqlite {

/// An open SQLite connection (one file, WAL mode, foreign keys on). Errors become
/// vakkaart::Error naming the file.
class SqliteDb final : public sql::Db {
 public:
  SqliteDb(const std::string& path, bool read_only);
  ~SqliteDb() override;

  sqlite3* handle() const { return db_; }
  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }
  const std::string& name() const override { return path_; }
  bool read_only() const override;
  void exec(const std::string& sql) override;
  std::unique_ptr<sql::Cursor> cursor(std::string_view sql) override;
  int64_t changes() const override;
  bool has_table(const std::string& table) override;
  bool in_transaction() const override;
  void begin_write() override;
  void commit() override;
  void rollback() noexcept override;
  std::vector<std::string> engine_check() override;

 private:
  void configure();

  sqlite3* db_ = nullptr;
  std::string path_;
  bool read_only_;
};

/// Throws the Error for an SQLite result code: conflict for a UNIQUE or PRIMARY KEY violation,
/// else database_error with a readable reason.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::string& db_path,
                                     const std::string& context);

}  // namespace vakkaart::store::sqlite
