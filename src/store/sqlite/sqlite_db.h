#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vakkaart::store::sqlite {

/// A prepared statement; finalised on destruction. Binding is 1-based, like SQLite's.
class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql, const std::string& db_path);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, const std::optional<int>& v);
  Stmt& bind(int i, const std::optional<int64_t>& v);
  Stmt& bind_null(int i);

  /// Advances to the next row; false when done.
  bool step();
  /// Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  int64_t int64(int col) const;
  int integer(int col) const { return static_cast<int>(int64(col)); }
  std::optional<int64_t> opt_int64(int col) const;
  std::optional<int> opt_int(int col) const;
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string& db_path_;
};

/// An open SQLite connection. Errors become vakkaart::Error(database_error) naming the file.
class Db {
 public:
  Db(const std::string& path, bool read_only);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  void exec(const std::string& sql);
  Stmt prepare(std::string_view sql) { return Stmt(db_, sql, path_); }

  /// Throws the Error for the connection's last failure, with context.
  [[noreturn]] void fail(const std::string& context) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  bool read_only_;
};

/// Runs the body inside BEGIN IMMEDIATE / COMMIT (a savepoint when a transaction is already
/// open); rolls back if it throws.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool nested_;
  bool done_ = false;
};

[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::string& db_path,
                                     const std::string& context);

}  // namespace vakkaart::store::sqlite
