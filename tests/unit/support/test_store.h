#pragma once

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.h"

namespace vakkaart::testing {

// One test suite, both backends (as xapian-core runs one suite on every backend): a test names
// its database by a file path, and with $VAKKAART_TEST_PG_DIR set (ctest's pg tests) that name
// stands for a fresh PostgreSQL database in the cluster the pg_cluster fixture started there
// (DIR/url, scripts/pg_cluster.sh). The databases are dropped when the test process ends. A
// missing cluster is a failure, never a skip.

inline bool testing_on_pg() {
  const char* dir = std::getenv("VAKKAART_TEST_PG_DIR");
  return dir && *dir;
}

class PgTestDatabases {
 public:
  static PgTestDatabases& instance() {
    static PgTestDatabases databases;
    return databases;
  }

  std::string location_for(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (auto it = urls_.find(path); it != urls_.end())
      return it->second;
    // A server under test keeps its search index in the cache folder: this run's, not ~.
    setenv("XDG_CACHE_HOME", (std::string(std::getenv("VAKKAART_TEST_PG_DIR")) + "-cache").c_str(),
           1);
    const std::string name =
        "t_" + std::to_string(getpid()) + "_" + std::to_string(urls_.size() + 1);
    psql("CREATE DATABASE " + name);
    std::string url = admin_url();
    url = url.substr(0, url.rfind('/') + 1) + name;
    names_.push_back(name);
    return urls_[path] = url;
  }

  ~PgTestDatabases() {
    for (const auto& name : names_) {
      try {
        psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (...) {
      }
    }
  }

 private:
  static std::string admin_url() {
    const char* dir = std::getenv("VAKKAART_TEST_PG_DIR");
    std::ifstream in(std::string(dir ? dir : "") + "/url");
    std::string url;
    if (!dir || !std::getline(in, url) || url.empty())
      throw std::runtime_error(
          "VAKKAART_TEST_BACKEND=pg but no test cluster at $VAKKAART_TEST_PG_DIR (ctest starts "
          "one with scripts/pg_cluster.sh)");
    return url;
  }
  static void psql(const std::string& sql) { psql_at(admin_url(), sql); }

 public:
  /// Runs SQL (from a file: no shell quoting) on a database; returns psql's unaligned rows.
  static std::vector<std::string> psql_at(const std::string& url, const std::string& sql) {
    char sql_file[] = "/tmp/vakkaart-test-sql-XXXXXX";
    const int fd = mkstemp(sql_file);
    if (fd < 0)
      throw std::runtime_error("cannot make a temporary file");
    close(fd);
    std::ofstream(sql_file) << sql;
    const std::string out_file = std::string(sql_file) + ".out";
    const std::string command = "psql -q -X -A -t -v ON_ERROR_STOP=1 '" + url + "' -f " + sql_file +
                                " > " + out_file + " 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(out_file);
    std::vector<std::string> rows;
    for (std::string line; std::getline(in, line);)
      rows.push_back(line);
    std::remove(sql_file);
    std::remove(out_file.c_str());
    if (status != 0)
      throw std::runtime_error("psql failed: " + sql + (rows.empty() ? "" : ": " + rows[0]));
    return rows;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> urls_;
  std::vector<std::string> names_;
};

/// Where the test's database named `path` is on the backend under test: `path` itself on
/// SQLite, a database of its own (made on first use) on PostgreSQL.
inline std::string test_store_location(const std::string& path) {
  return testing_on_pg() ? PgTestDatabases::instance().location_for(path) : path;
}

/// Runs raw SQL on the test's database behind the store's back (to damage or poison it), in
/// that backend's dialect; returns the first column of the rows it gives, as text.
inline std::vector<std::string> raw_sql(const std::string& path, const std::string& sqlite_sql,
                                        const std::string& pg_sql) {
  if (testing_on_pg())
    return PgTestDatabases::psql_at(test_store_location(path), pg_sql);
  sqlite3* db = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  char* error = nullptr;
  auto collect = [](void* out, int, char** values, char**) {
    static_cast<std::vector<std::string>*>(out)->push_back(values[0] ? values[0] : "");
    return 0;
  };
  const int rc = sqlite3_exec(db, sqlite_sql.c_str(), collect, &rows, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK)
    throw std::runtime_error("sqlite: " + message + ": " + sqlite_sql);
  return rows;
}

/// Makes every INSERT into `table` whose row satisfies `condition` (SQL over NEW) fail.
inline void poison_inserts(const std::string& path, const std::string& table,
                           const std::string& condition) {
  raw_sql(path,
          "CREATE TRIGGER poison_" + table + " BEFORE INSERT ON " + table + " WHEN " + condition +
              " BEGIN SELECT RAISE(ABORT, 'poisoned'); END;",
          "CREATE FUNCTION poison_" + table +
              "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " + condition +
              " THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$; CREATE TRIGGER "
              "poison_" +
              table + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION poison_" +
              table + "();");
}

inline std::unique_ptr<store::Store> open_test_store(
    const std::string& path, store::OpenMode mode = store::OpenMode::read_write) {
  return store::open_store(test_store_location(path), mode);
}

}  // namespace vakkaart::testing
