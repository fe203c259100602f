#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::store::sql {

// The one seam between the store's SQL and a database engine. The store (sql_store.cpp and its
// siblings) is written once against Db and Stmt in the SQL both engines speak: `?` placeholders,
// INSERT ... ON CONFLICT, RETURNING, CASE/COALESCE, no engine functions. A backend (SQLite in
// store/sqlite, PostgreSQL in store/pg) implements Db and Cursor; what differs beyond SQL text
// (locking, savepoints, errors, schema introspection) is a virtual of Db.

enum class Dialect { sqlite, postgresql };

/// One prepared statement of a backend, driven by Stmt.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_int(int i, int64_t v) = 0;
  virtual void bind_null(int i) = 0;
  /// Runs the statement on the first call after binding, then advances; false when done.
  virtual bool step() = 0;
  /// Ends the current run and clears the bindings, for reuse.
  virtual void reset() = 0;
  virtual int column_count() const = 0;
  /// Known once the statement ran (after the first step()).
  virtual std::string column_name(int col) const = 0;
  virtual bool is_null(int col) const = 0;
  virtual int64_t int64(int col) const = 0;
  virtual std::string text(int col) const = 0;
};

/// A prepared statement; bound 1-based, columns 0-based.
class Stmt {
 public:
  explicit Stmt(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

  Stmt& bind(int i, std::string_view v) {
    cursor_->bind_text(i, v);
    return *this;
  }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, int64_t v) {
    cursor_->bind_int(i, v);
    return *this;
  }
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, const std::optional<int>& v) {
    return v ? bind(i, static_cast<int64_t>(*v)) : bind_null(i);
  }
  Stmt& bind(int i, const std::optional<int64_t>& v) { return v ? bind(i, *v) : bind_null(i); }
  Stmt& bind_null(int i) {
    cursor_->bind_null(i);
    return *this;
  }

  /// Advances to the next row; false when done.
  bool step() { return cursor_->step(); }
  /// Runs a statement that returns no rows, then resets it for reuse.
  void run() {
    while (step()) {
    }
    reset();
  }
  void reset() { cursor_->reset(); }

  int column_count() const { return cursor_->column_count(); }
  std::string column_name(int col) const { return cursor_->column_name(col); }
  bool is_null(int col) const { return cursor_->is_null(col); }
  int64_t int64(int col) const { return cursor_->int64(col); }
  int integer(int col) const { return static_cast<int>(int64(col)); }
  std::optional<int64_t> opt_int64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(int64(col));
  }
  std::optional<int> opt_int(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int>(integer(col));
  }
  std::string text(int col) const { return cursor_->text(col); }
  std::optional<std::string> opt_text(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::string>(text(col));
  }

 private:
  std::unique_ptr<Cursor> cursor_;
};

/// An open connection. Errors are vakkaart::Error: database_error naming the database,
/// conflict for a UNIQUE / PRIMARY KEY violation, unavailable when the server is gone.
class Db {
 public:
  virtual ~Db() = default;

  virtual Dialect dialect() const = 0;
  /// The database as messages name it: a file path, or a URL without its password.
  virtual const std::string& name() const = 0;
  /// Opened read-only, or not writable (a read-only file).
  virtual bool read_only() const = 0;
  /// Runs SQL without parameters (may hold several statements).
  virtual void exec(const std::string& sql) = 0;
  virtual std::unique_ptr<Cursor> cursor(std::string_view sql) = 0;
  Stmt prepare(std::string_view sql) { return Stmt(cursor(sql)); }
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int64_t changes() const = 0;
  virtual bool has_table(const std::string& table) = 0;

  // Transactions: the store writes only inside them, and a write transaction excludes every
  // other writer (SQLite's BEGIN IMMEDIATE; on PostgreSQL a transaction-scoped advisory lock),
  // so its read-check-write steps (version checks, new ids) see no concurrent write.
  virtual bool in_transaction() const = 0;
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  /// Never throws: it runs while an exception unwinds.
  virtual void rollback() noexcept = 0;
  /// False once the connection is known to be lost: it must not be reused.
  virtual bool usable() const { return true; }
  /// After rows were written with explicit ids (db copy): id generators continue above them.
  virtual void after_explicit_ids(const std::string& table) { (void)table; }
  /// The engine's own consistency check (SQLite: integrity_check); one line per problem.
  virtual std::vector<std::string> engine_check() { return {}; }
};

/// Runs the body inside a write transaction (a savepoint when one is already open: it commits
/// with the outer one, or rolls back alone); rolls back if it throws.
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

}  // namespace vakkaart::store::sql
