#include "store/sqlite/sqlite_db.h"

#include "core/error.h"

namespace vakkaart::store::sqlite {

void throw_sqlite_error(sqlite3* db, int rc, const std::string& db_path,
                        const std::string& context) {
  int primary = rc & 0xff;
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message;
  switch (primary) {
    case SQLITE_READONLY:
      message = "the database is read-only (" + detail + ")";
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      message = "the database file is corrupt or not a vakkaart database (" + detail + ")";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      message = "the database is locked by another process (" + detail + ")";
      break;
    case SQLITE_CANTOPEN:
      message = "cannot open the database (" + detail + ")";
      break;
    case SQLITE_FULL:
      message = "the disk is full (" + detail + ")";
      break;
    default:
      message = detail;
  }
  if (!context.empty())
    message = context + ": " + message;
  throw Error(ErrorCode::database_error, message, {db_path, 0, ""});
}

Stmt::Stmt(sqlite3* db, std::string_view sql, const std::string& db_path)
    : db_(db), db_path_(db_path) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK)
    throw_sqlite_error(db, rc, db_path_, "preparing a query");
}

Stmt::~Stmt() {
  sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, const std::optional<int>& v) {
  return v ? bind(i, static_cast<int64_t>(*v)) : bind_null(i);
}
Stmt& Stmt::bind(int i, const std::optional<int64_t>& v) {
  return v ? bind(i, *v) : bind_null(i);
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW)
    return true;
  if (rc == SQLITE_DONE)
    return false;
  throw_sqlite_error(db_, rc, db_path_, "");
}

void Stmt::run() {
  while (step()) {
  }
  reset();
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Stmt::int64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
std::optional<int64_t> Stmt::opt_int64(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL)
    return std::nullopt;
  return int64(col);
}
std::optional<int> Stmt::opt_int(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL)
    return std::nullopt;
  return integer(col);
}
std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  if (!p)
    return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::optional<std::string> Stmt::opt_text(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL)
    return std::nullopt;
  return text(col);
}

Db::Db(const std::string& path, bool read_only) : path_(path), read_only_(read_only) {
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string context = "opening the database";
    if (db_) {
      // The handle must be closed even when opening failed; grab the message first.
      std::string detail = sqlite3_errmsg(db_);
      sqlite3_close(db_);
      db_ = nullptr;
      throw Error(ErrorCode::database_error, context + ": " + detail, {path, 0, ""});
    }
    throw_sqlite_error(nullptr, rc, path, context);
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() {
  sqlite3_close_v2(db_);
}

void Db::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    throw_sqlite_error(db_, rc, path_, "");
  }
}

void Db::fail(const std::string& context) const {
  throw_sqlite_error(db_, sqlite3_errcode(db_), path_, context);
}

// Inside another transaction (Store::in_transaction around a write and its audit entry) a
// transaction is a savepoint: it commits with the outer one, or rolls back alone.
Transaction::Transaction(Db& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_)
    return;
  if (nested_)
    sqlite3_exec(db_.handle(), "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
  else
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
  done_ = true;
}

}  // namespace vakkaart::store::sqlite
