#include "store/sqlite/sqlite_db.h"

#include "core/error.h"

namespace vakkaart::store::sqlite {

void throw_sqlite_error(sqlite3* db, int rc, const std::string& db_path,
                        const std::string& context) {
  int primary = rc & 0xff;
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message;
  ErrorCode code = ErrorCode::database_error;
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
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    code = ErrorCode::conflict;
  if (!context.empty())
    message = context + ": " + message;
  throw Error(code, message, {db_path, 0, ""});
}

namespace {

class SqliteCursor final : public sql::Cursor {
 public:
  SqliteCursor(sqlite3* db, std::string_view sql, const std::string& db_path)
      : db_(db), db_path_(db_path) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK)
      throw_sqlite_error(db, rc, db_path_, "preparing a query");
  }
  ~SqliteCursor() override { sqlite3_finalize(stmt_); }
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bind_text(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind_int(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void bind_null(int i) override { sqlite3_bind_null(stmt_, i); }

  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
      return true;
    if (rc == SQLITE_DONE)
      return false;
    throw_sqlite_error(db_, sqlite3_extended_errcode(db_), db_path_, "");
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int column_count() const override { return sqlite3_column_count(stmt_); }
  std::string column_name(int col) const override {
    const char* name = sqlite3_column_name(stmt_, col);
    return name ? name : "";
  }
  bool is_null(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t int64(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string text(int col) const override {
    const auto* p = sqlite3_column_text(stmt_, col);
    if (!p)
      return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string& db_path_;
};

}  // namespace

SqliteDb::SqliteDb(const std::string& path, bool read_only) : path_(path), read_only_(read_only) {
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
  try {
    configure();
  } catch (...) {
    // A constructor that throws runs no destructor: close the handle here or it leaks.
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteDb::~SqliteDb() {
  sqlite3_close_v2(db_);
}

void SqliteDb::configure() {
  // Reading the schema first turns "not a database" into an error here, not at first use.
  {
    sql::Stmt probe = prepare("SELECT COUNT(*) FROM sqlite_master");
    probe.step();
  }
  exec("PRAGMA foreign_keys = ON");
  if (!read_only()) {
    sql::Stmt wal = prepare("PRAGMA journal_mode = WAL");
    wal.step();
    exec("PRAGMA synchronous = NORMAL");
    // 64 MiB of page cache: a bulk import is one transaction, and spilling it to the WAL early
    // costs more than the memory.
    exec("PRAGMA cache_size = -65536");
  }
}

bool SqliteDb::read_only() const {
  return read_only_ || sqlite3_db_readonly(db_, "main") == 1;
}

void SqliteDb::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    throw_sqlite_error(db_, sqlite3_extended_errcode(db_), path_, "");
  }
}

std::unique_ptr<sql::Cursor> SqliteDb::cursor(std::string_view sql) {
  return std::make_unique<SqliteCursor>(db_, sql, path_);
}

int64_t SqliteDb::changes() const {
  return sqlite3_changes(db_);
}

bool SqliteDb::has_table(const std::string& table) {
  sql::Stmt q = prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, table);
  q.step();
  return q.int64(0) > 0;
}

bool SqliteDb::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

void SqliteDb::begin_write() {
  exec("BEGIN IMMEDIATE");
}

void SqliteDb::commit() {
  exec("COMMIT");
}

std::vector<std::string> SqliteDb::engine_check() {
  std::vector<std::string> problems;
  for (const char* pragma : {"PRAGMA integrity_check", "PRAGMA foreign_key_check"}) {
    sql::Stmt q = prepare(pragma);
    while (q.step()) {
      std::string line;
      for (int c = 0; c < q.column_count(); ++c)
        line += (c ? " " : "") + q.text(c);
      if (line != "ok")
        problems.push_back(std::string(pragma + 7) + ": " + line);
    }
  }
  return problems;
}

void SqliteDb::rollback() noexcept {
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace vakkaart::store::sqlite
