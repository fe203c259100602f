#include "store/sql/sql_function_history.h"

#include <vector>

#include "core/error.h"
#include "store/function_history.h"
#include "store/sql/db.h"

namespace vakkaart::store::sql {

namespace {

std::string describe_version(const std::string& id, int version) {
  return "version " + std::to_string(version) + " of function '" + id + "'";
}

std::string history_format(Db& db) {
  auto q = db.prepare("SELECT value FROM store_meta WHERE key = 'function_history'");
  return q.step() ? q.text(0) : "";
}

void write_version_record(Db& db, const std::string& id, const history::VersionRecord& record) {
  db.prepare(
        "UPDATE function_versions SET delta_base = ?, body = ? WHERE function_id = ? AND "
        "version = ?")
      .bind(1, record.delta_base)
      .bind(2, record.data)
      .bind(3, id)
      .bind(4, record.version)
      .run();
}

/// Re-encodes every history row of one function, oldest first; returns how many rows it read.
std::size_t convert_function_rows(Db& db, const std::string& id) {
  std::vector<int> versions;
  {
    auto q =
        db.prepare("SELECT version FROM function_versions WHERE function_id = ? ORDER BY version");
    q.bind(1, id);
    while (q.step())
      versions.push_back(q.integer(0));
  }
  history::ChainTail tail;
  std::string previous;
  for (int version : versions) {
    auto q = db.prepare(
        "SELECT delta_base, body FROM function_versions WHERE function_id = ? AND version = ?");
    q.bind(1, id).bind(2, version);
    q.step();
    history::VersionRecord stored{version, q.opt_int(0), q.text(1)};
    std::string body = stored.data;
    if (stored.delta_base)  // already a delta: read it against the version before
      body = history::replay({{tail.last_version, std::nullopt, previous}, stored},
                             describe_version(id, version));
    auto record = history::encode_version(tail, previous, version, body);
    write_version_record(db, id, record);
    tail.push(record);
    previous = std::move(body);
  }
  return versions.size();
}

}  // namespace

std::optional<StoredFunction> load_function_version(Db& db, const std::string& id, int version) {
  StoredFunction f;
  {
    auto q = db.prepare("SELECT at FROM function_versions WHERE function_id = ? AND version = ?");
    q.bind(1, id).bind(2, version);
    if (!q.step())
      return std::nullopt;
    f.updated = q.text(0);
  }
  // The snapshot heading the chain (found in the partial index) and every delta after it.
  auto q = db.prepare(
      "SELECT version, delta_base, body FROM function_versions WHERE function_id = ?1 AND "
      "version <= ?2 AND version >= (SELECT MAX(version) FROM function_versions WHERE "
      "function_id = ?1 AND version <= ?2 AND delta_base IS NULL) ORDER BY version");
  q.bind(1, id).bind(2, version);
  std::vector<history::VersionRecord> chain;
  while (q.step())
    chain.push_back({q.integer(0), q.opt_int(1), q.text(2)});
  f.id = id;
  f.version = version;
  f.body = history::replay(chain, describe_version(id, version));
  return f;
}

std::string current_function_body(Db& db, const std::string& id) {
  auto q = db.prepare("SELECT body FROM functions WHERE id = ?");
  q.bind(1, id);
  return q.step() ? q.text(0) : "";
}

void append_function_version(Db& db, const StoredFunction& function, int previous_version,
                             const std::string& previous_body, const FunctionHistoryEntry& entry) {
  history::ChainTail tail;
  if (previous_version > 0) {
    // The rows since the newest snapshot (found in the partial index), and the sizes of the
    // deltas only: a snapshot's body is not read. Bytes, not characters (LENGTH of a text
    // counts characters; SQLite before 3.43 has no OCTET_LENGTH).
    const std::string bytes =
        db.dialect() == Dialect::sqlite ? "LENGTH(CAST(body AS BLOB))" : "OCTET_LENGTH(body)";
    auto q = db.prepare(
        "SELECT version, delta_base, CASE WHEN delta_base IS NULL THEN 0 ELSE " + bytes +
        " END FROM function_versions WHERE function_id = ?1 AND "
        "version >= (SELECT MAX(version) FROM function_versions WHERE function_id = ?1 AND "
        "delta_base IS NULL) ORDER BY version DESC LIMIT ?2");
    q.bind(1, function.id).bind(2, history::kSnapshotEvery);
    std::vector<history::RecordInfo> newest_first;
    while (q.step())
      newest_first.push_back({q.integer(0), q.opt_int(1), static_cast<std::size_t>(q.int64(2))});
    tail = history::chain_tail(newest_first, previous_version);
  }
  auto record = history::encode_version(tail, previous_body, function.version, function.body);
  db.prepare(
        "INSERT INTO function_versions (function_id, version, at, author, summary, delta_base, "
        "body, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (function_id, version) DO "
        "UPDATE SET at = excluded.at, author = excluded.author, summary = excluded.summary, "
        "delta_base = excluded.delta_base, body = excluded.body, events = excluded.events")
      .bind(1, function.id)
      .bind(2, function.version)
      .bind(3, entry.at)
      .bind(4, entry.author)
      .bind(5, entry.summary)
      .bind(6, record.delta_base)
      .bind(7, record.data)
      .bind(8, entry.events)
      .run();
}

void convert_function_history(Db& db) {
  if (db.read_only() || history_format(db) == "delta")
    return;
  std::size_t rows = 0;
  {
    Transaction tx(db);
    if (history_format(db) == "delta")
      return;  // another process converted it while this one waited for the lock
    std::vector<std::string> ids;
    {
      auto q = db.prepare("SELECT DISTINCT function_id FROM function_versions");
      while (q.step())
        ids.push_back(q.text(0));
    }
    for (const auto& id : ids)
      rows += convert_function_rows(db, id);
    db.exec(
        "INSERT INTO store_meta(key, value) VALUES ('function_history', 'delta') "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    tx.commit();
  }
  if (rows == 0 || db.dialect() != Dialect::sqlite)
    return;
  // Gives the freed pages back to the file system. It cannot run while another connection
  // reads; the conversion stands all the same, and later writes reuse the free pages.
  try {
    db.exec("VACUUM");
  } catch (const Error&) {
  }
}

}  // namespace vakkaart::store::sql
