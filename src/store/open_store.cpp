// Which backend a --db location means, and opening it.
#include <regex>

#include "core/error.h"
#include "store/change_feed.h"
#include "store/pg/pg_change_listener.h"
#include "store/pg/pg_db.h"
#include "store/sql/sql_store.h"
#include "store/sqlite/sqlite_change_feed.h"
#include "store/store.h"

namespace vakkaart::store {

bool is_pg_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string sqlite_path(const std::string& location) {
  if (location.rfind("sqlite:", 0) == 0)
    return location.substr(7);
  return location;
}

std::string display_location(const std::string& location) {
  return is_pg_url(location) ? pg::redact_url(location) : sqlite_path(location);
}

std::unique_ptr<Store> open_pg_store(const std::string& url, OpenMode mode,
                                     const PgOptions& options) {
  return std::make_unique<sql::SqlStore>(
      std::make_unique<pg::PgDb>(url, mode == OpenMode::read_only, options.statement_timeout_ms),
      pg_migrations());
}

namespace {

/// The scheme of a URL ("mysql" of "mysql://host/db"), or "" when `location` is no URL.
/// (sqlite:///srv/v.db is a path, as sqlite:PATH always is.)
std::string url_scheme(const std::string& location) {
  if (location.rfind("sqlite:", 0) == 0)
    return {};
  static const std::regex url(R"(^([A-Za-z][A-Za-z0-9+.-]*)://)");
  std::smatch m;
  return std::regex_search(location, m, url) ? m[1].str() : std::string();
}

}  // namespace

std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode,
                                  const PgOptions& options) {
  if (is_pg_url(location))
    return open_pg_store(location, mode, options);
  if (location.empty())
    throw Error(ErrorCode::invalid_argument, "no database given", {"", 0, "--db"});
  // Another database's URL would otherwise be taken for a file name and be "no database
  // here". Only the scheme is named: the rest may hold a password.
  if (const std::string scheme = url_scheme(location); !scheme.empty())
    throw Error(ErrorCode::invalid_argument,
                "a " + scheme +
                    ":// URL is not a database vakkaart uses: give a file path (or sqlite:PATH) "
                    "or a postgresql:// URL",
                {"", 0, "--db"});
  return open_sqlite_store(sqlite_path(location), mode);
}

std::unique_ptr<ChangeFeed> watch_changes(const std::string& location) {
  if (is_pg_url(location))
    return std::make_unique<pg::PgChangeListener>(location);
  return std::make_unique<sqlite::SqliteChangeFeed>(sqlite_path(location));
}

}  // namespace vakkaart::store
