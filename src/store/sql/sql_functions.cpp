// Function profiles in SQLite: the current document per function plus every saved version
// (kept as changes: sqlite_function_history.cpp).
#include "core/error.h"
#include "store/sql/db.h"
#include "store/sql/sql_function_history.h"
#include "store/sql/sql_store.h"

namespace vakkaart::store::sql {

namespace {

std::optional<int> stored_version(Db& db, const std::string& id) {
  auto q = db.prepare("SELECT version FROM functions WHERE id = ?");
  q.bind(1, id);
  if (!q.step())
    return std::nullopt;
  return q.integer(0);
}

[[noreturn]] void throw_conflict(const std::string& id, std::optional<int> stored, int base) {
  if (!stored)
    throw Error(ErrorCode::not_found, "function '" + id + "' does not exist", {"", 0, "id"});
  if (base == 0)
    throw Error(ErrorCode::conflict, "function '" + id + "' already exists", {"", 0, "id"});
  throw Error(ErrorCode::conflict,
              "function '" + id + "' is at version " + std::to_string(*stored) + ", not version " +
                  std::to_string(base) + ": someone else changed it",
              {"", 0, "version"});
}

}  // namespace

std::vector<StoredFunction> SqlStore::list_functions(const std::optional<std::string>& owner) {
  auto q = db_->prepare(
      "SELECT id, version, title, organisation, status, updated, body, owner FROM functions "
      "WHERE CAST(?1 AS TEXT) IS NULL OR owner = ?1 ORDER BY title, id");
  if (owner)
    q.bind(1, *owner);
  else
    q.bind_null(1);
  std::vector<StoredFunction> out;
  while (q.step())
    out.push_back({q.text(0), q.integer(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6),
                   q.text(7)});
  return out;
}

std::optional<StoredFunction> SqlStore::find_function(const std::string& id,
                                                      std::optional<int> version) {
  if (!version) {
    auto q = db_->prepare(
        "SELECT id, version, title, organisation, status, updated, body, owner FROM functions "
        "WHERE id = ?");
    q.bind(1, id);
    if (!q.step())
      return std::nullopt;
    return StoredFunction{q.text(0), q.integer(1), q.text(2), q.text(3),
                          q.text(4), q.text(5),    q.text(6), q.text(7)};
  }
  return load_function_version(*db_, id, *version);
}

void SqlStore::put_function(const StoredFunction& function, int base_version,
                            const FunctionHistoryEntry& entry) {
  if (function.version <= base_version)
    throw Error(ErrorCode::internal, "a function's new version must be above its base version");
  Transaction tx(*db_);
  // Checked inside the write transaction (BEGIN IMMEDIATE), so two writers on the same base
  // cannot both pass: the second sees the first one's version.
  auto stored = stored_version(*db_, function.id);
  if (base_version == 0 ? stored.has_value() : stored != base_version)
    throw_conflict(function.id, stored, base_version);
  // The new history row is a delta against the body stored now, so read it before replacing it.
  std::string previous_body = stored ? current_function_body(*db_, function.id) : std::string();
  if (stored) {
    db_->prepare(
           "UPDATE functions SET version = ?, title = ?, organisation = ?, status = ?, "
           "updated = ?, body = ? WHERE id = ?")
        .bind(1, function.version)
        .bind(2, function.title)
        .bind(3, function.organisation)
        .bind(4, function.status)
        .bind(5, function.updated)
        .bind(6, function.body)
        .bind(7, function.id)
        .run();
  } else {
    // A function imported under an id that was deleted earlier starts a fresh history.
    db_->prepare("DELETE FROM function_versions WHERE function_id = ?").bind(1, function.id).run();
    db_->prepare(
           "INSERT INTO functions (id, version, title, organisation, status, updated, body, "
           "owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, function.id)
        .bind(2, function.version)
        .bind(3, function.title)
        .bind(4, function.organisation)
        .bind(5, function.status)
        .bind(6, function.updated)
        .bind(7, function.body)
        .bind(8, function.owner)
        .run();
  }
  append_function_version(*db_, function, stored.value_or(0), previous_body, entry);
  tx.commit();
}

void SqlStore::delete_function(const std::string& id, int base_version) {
  Transaction tx(*db_);
  auto stored = stored_version(*db_, id);
  if (!stored || *stored != base_version)
    throw_conflict(id, stored, base_version);
  db_->prepare("DELETE FROM function_versions WHERE function_id = ?").bind(1, id).run();
  db_->prepare("DELETE FROM functions WHERE id = ?").bind(1, id).run();
  tx.commit();
}

std::vector<FunctionHistoryEntry> SqlStore::function_history(const std::string& id) {
  auto q = db_->prepare(
      "SELECT version, at, author, summary, events FROM function_versions WHERE function_id = ? "
      "ORDER BY version DESC");
  q.bind(1, id);
  std::vector<FunctionHistoryEntry> out;
  while (q.step())
    out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
  return out;
}

}  // namespace vakkaart::store::sql
