#include "store/pg/pg_db.h"

#include <pqxx/except>
#include <pqxx/prepared_statement>

#include <cstdlib>
#include <regex>

#include "core/error.h"

namespace vakkaart::store::pg {

namespace {

// Any constant: the key of the advisory lock every vakkaart write transaction takes.
constexpr const char* kWriteLock = "SELECT pg_advisory_xact_lock(7338338)";
// Prepared statements per connection before the cache starts over: the store's statements are
// a few dozen fixed texts, but some (IN lists, filters) are built per call.
constexpr std::size_t kMaxPrepared = 400;

class PgCursor final : public sql::Cursor {
 public:
  PgCursor(PgDb& db, std::string sql) : db_(db), sql_(std::move(sql)) {}

  void bind_text(int i, std::string_view v) override { slot(i) = std::string(v); }
  void bind_int(int i, int64_t v) override { slot(i) = std::to_string(v); }
  void bind_null(int i) override { slot(i) = std::nullopt; }

  bool step() override {
    if (!ran_) {
      result_ = db_.run(sql_, params_);
      ran_ = true;
      row_ = 0;
    } else {
      ++row_;
    }
    return row_ < result_.size();
  }
  void reset() override {
    ran_ = false;
    result_.clear();
    for (auto& p : params_)
      p = std::nullopt;
  }

  int column_count() const override { return static_cast<int>(result_.columns()); }
  std::string column_name(int col) const override {
    return result_.column_name(static_cast<pqxx::row::size_type>(col));
  }
  bool is_null(int col) const override { return field(col).is_null(); }
  int64_t int64(int col) const override {
    auto f = field(col);
    if (f.is_null())
      return 0;
    const char* s = f.c_str();
    if (s[0] == 't' && s[1] == '\0')  // a boolean expression (SQLite gives 1 / 0)
      return 1;
    if (s[0] == 'f' && s[1] == '\0')
      return 0;
    return std::strtoll(s, nullptr, 10);
  }
  std::string text(int col) const override {
    auto f = field(col);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }

 private:
  std::optional<std::string>& slot(int i) {
    if (i < 1 || i > 10000)
      throw Error(ErrorCode::internal, "bad parameter index " + std::to_string(i));
    if (params_.size() < static_cast<std::size_t>(i))
      params_.resize(static_cast<std::size_t>(i));
    return params_[static_cast<std::size_t>(i - 1)];
  }
  pqxx::field field(int col) const {
    return result_[static_cast<pqxx::result::size_type>(row_)]
                  [static_cast<pqxx::row::size_type>(col)];
  }

  PgDb& db_;
  std::string sql_;
  std::vector<std::optional<std::string>> params_;
  pqxx::result result_;
  pqxx::result::size_type row_ = 0;
  bool ran_ = false;
};

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

std::string pg_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'')
      quoted = !quoted;
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
      ++j;
    out += '$';
    if (j > i + 1) {
      out.append(sql.substr(i + 1, j - i - 1));
      i = j - 1;
    } else {
      out += std::to_string(++next);
    }
  }
  return out;
}

std::string redact_url(const std::string& url) {
  static const std::regex password(R"(^([a-z]+://[^:/@]*):[^@]*@)");
  return std::regex_replace(url, password, "$1:***@");
}

PgDb::PgDb(const std::string& url, bool read_only, int statement_timeout_ms)
    : name_(redact_url(url)), read_only_(read_only) {
  try {
    connection_ = std::make_unique<pqxx::connection>(url);
  } catch (const pqxx::broken_connection& e) {
    throw Error(ErrorCode::unavailable, std::string("cannot reach PostgreSQL: ") + e.what(),
                {name_, 0, ""});
  } catch (const std::exception& e) {
    throw Error(ErrorCode::database_error, std::string("cannot open PostgreSQL: ") + e.what(),
                {name_, 0, ""});
  }
  work_ = std::make_unique<pqxx::nontransaction>(*connection_);
  // Schema changes on an existing table say so in NOTICEs; they are not for the terminal.
  exec("SET client_min_messages = warning");
  exec("SET statement_timeout = " +
       std::to_string(statement_timeout_ms > 0 ? statement_timeout_ms : 0));
  // A connection left inside a transaction (a crashed client) must not hold the write lock.
  exec("SET idle_in_transaction_session_timeout = 60000");
  if (read_only)
    exec("SET default_transaction_read_only = on");
}

PgDb::~PgDb() {
  try {
    work_.reset();
    connection_.reset();
  } catch (...) {
  }
}

bool PgDb::usable() const {
  return !broken_ && connection_ && connection_->is_open();
}

void PgDb::fail(const std::exception& e) {
  std::string what = e.what();
  while (!what.empty() && (what.back() == '\n' || what.back() == ' '))
    what.pop_back();
  if (dynamic_cast<const pqxx::broken_connection*>(&e) ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e)) {
    broken_ = true;
    in_transaction_ = false;
    throw Error(ErrorCode::unavailable, "the connection to PostgreSQL was lost (" + what + ")",
                {name_, 0, ""});
  }
  if (const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string& state = sql_error->sqlstate();
    if (state == "23505")
      throw Error(ErrorCode::conflict, what, {name_, 0, ""});
    if (state == "40001" || state == "40P01")
      throw Error(ErrorCode::conflict,
                  "a concurrent write got in the way; try again (" + what + ")", {name_, 0, ""});
    if (state == "57014")
      throw Error(ErrorCode::unavailable, "the database took too long (" + what + ")",
                  {name_, 0, ""});
    if (starts_with(state, "08") || starts_with(state, "57P")) {
      broken_ = true;
      in_transaction_ = false;
      throw Error(ErrorCode::unavailable, "PostgreSQL is not available (" + what + ")",
                  {name_, 0, ""});
    }
    if (state == "22021" || state == "22P05")
      throw Error(ErrorCode::encoding_error,
                  "text PostgreSQL cannot store (invalid UTF-8 or a NUL character)", {"", 0, ""});
    if (state == "25006")
      throw Error(ErrorCode::database_error, "the database is read-only (" + what + ")",
                  {name_, 0, ""});
  }
  throw Error(ErrorCode::database_error, what, {name_, 0, ""});
}

void PgDb::exec(const std::string& sql) {
  if (broken_)
    throw Error(ErrorCode::unavailable, "the connection to PostgreSQL was lost", {name_, 0, ""});
  try {
    auto r = work_->exec(sql);
    changes_ = r.affected_rows();
  } catch (const std::exception& e) {
    fail(e);
  }
}

pqxx::result PgDb::run(const std::string& sql,
                       const std::vector<std::optional<std::string>>& params) {
  if (broken_)
    throw Error(ErrorCode::unavailable, "the connection to PostgreSQL was lost", {name_, 0, ""});
  try {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      if (prepared_.size() >= kMaxPrepared) {
        for (const auto& [text, statement] : prepared_)
          connection_->unprepare(statement);
        prepared_.clear();
      }
      std::string statement = "s" + std::to_string(prepared_.size()) + "_" +
                              std::to_string(std::hash<std::string>()(sql) % 100000);
      connection_->prepare(statement, sql);
      it = prepared_.emplace(sql, statement).first;
    }
    auto r = work_->exec_prepared(it->second, pqxx::prepare::make_dynamic_params(params));
    changes_ = r.affected_rows();
    return r;
  } catch (const std::exception& e) {
    fail(e);
  }
}

std::unique_ptr<sql::Cursor> PgDb::cursor(std::string_view sql) {
  return std::make_unique<PgCursor>(*this, pg_placeholders(sql));
}

bool PgDb::has_table(const std::string& table) {
  sql::Stmt q = prepare(
      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND "
      "table_name = ?");
  q.bind(1, table);
  q.step();
  return q.int64(0) > 0;
}

void PgDb::after_explicit_ids(const std::string& table) {
  // Identity columns (users, api_tokens, audit_log) count on from the highest copied id.
  sql::Stmt q = prepare("SELECT pg_get_serial_sequence(?, 'id')");
  q.bind(1, table);
  if (!q.step() || q.is_null(0))
    return;
  const std::string sequence = q.text(0);
  q.reset();
  sql::Stmt set = prepare("SELECT setval(CAST(? AS regclass), COALESCE((SELECT MAX(id) FROM " +
                          table + "), 0) + 1, false)");
  set.bind(1, sequence);
  set.step();
}

void PgDb::begin_write() {
  exec("BEGIN");
  in_transaction_ = true;
  try {
    exec(kWriteLock);
  } catch (...) {
    // No Transaction object exists yet to roll back (its constructor is what failed): the
    // connection must not stay inside the aborted transaction.
    rollback();
    throw;
  }
}

void PgDb::commit() {
  // Delivered to every listening server when (and only if) the transaction commits.
  exec("NOTIFY vakkaart_changes");
  exec("COMMIT");
  in_transaction_ = false;
}

void PgDb::rollback() noexcept {
  in_transaction_ = false;
  if (broken_)
    return;
  try {
    work_->exec("ROLLBACK");
  } catch (...) {
    broken_ = true;  // unknown state: never reuse this connection
  }
}

}  // namespace vakkaart::store::pg
