// `vakkaart db backup`: SQLite's online backup API copies the database page by page while
// other connections go on reading and writing; a write in between restarts the copy of what
// changed, so the result is one consistent moment.
#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "core/error.h"
#include "store/database_tools.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace vakkaart::store {

void backup_sqlite(const std::string& from, const std::string& to_file,
                   const std::function<void(int remaining, int total)>& progress) {
  if (is_pg_url(from))
    throw Error(ErrorCode::invalid_argument,
                "db backup is for SQLite; back up PostgreSQL with pg_dump (docs/operations.md)",
                {display_location(from), 0, "--db"});
  std::error_code ec;
  if (std::filesystem::exists(to_file, ec))
    throw Error(ErrorCode::conflict, "the backup file already exists", {to_file, 0, ""});
  // Opening through the store checks that the source is a vakkaart database of this schema.
  open_store(from, OpenMode::read_only);
  sqlite::SqliteDb source(sqlite_path(from), true);
  sqlite::SqliteDb target(to_file, false);
  sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
  if (!backup)
    sqlite::throw_sqlite_error(target.handle(), sqlite3_errcode(target.handle()), to_file,
                               "starting the backup");
  int rc = SQLITE_OK;
  // 256 pages (1 MiB) per step: the source is locked only for one step at a time.
  while ((rc = sqlite3_backup_step(backup, 256)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    if (progress)
      progress(sqlite3_backup_remaining(backup), sqlite3_backup_pagecount(backup));
    if (rc != SQLITE_OK)
      sqlite3_sleep(20);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::filesystem::remove(to_file, ec);
    sqlite::throw_sqlite_error(target.handle(), rc, to_file, "backing up");
  }
  if (progress)
    progress(0, 1);
}

}  // namespace vakkaart::store
