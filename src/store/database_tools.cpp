#include "store/database_tools.h"

#include <filesystem>

#include "core/error.h"
#include "store/sql/db.h"
#include "store/sql/sql_store.h"
#include "store/store.h"

namespace vakkaart::store {

namespace {

/// Rows read per query while copying: a function history may be large, and a PostgreSQL
/// result is held in memory whole.
constexpr int kCopyBatch = 2000;

/// Sort keys that make each table's reading order stable (and keep parents first).
const std::vector<std::pair<std::string, std::string>>& table_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys = {
      {"statements", "id"},
      {"frameworks", "id"},
      {"layers", "framework_id, id"},
      {"clusters", "framework_id, id"},
      {"labels", "framework_id, element, language"},
      {"profiles", "id"},
      {"main_activities", "id"},
      {"profile_activities", "id"},
      {"qualifications", "id"},
      {"competences", "id"},
      {"competence_activities", "competence_id, position"},
      {"competence_knowledge", "competence_id, position"},
      {"qualification_lines", "qualification_id, section, position"},
      {"raw_sections", "qualification_id, position"},
      {"title_references", "qualification_id, position"},
      {"partial_qualifications", "qualification_id, position"},
      {"partial_qualification_competences", "qualification_id, partial_position, position"},
      {"footnotes", "qualification_id, position"},
      {"store_meta", "key"},
      {"functions", "id"},
      {"function_versions", "function_id, version"},
      {"alignments", "source_ref, target_ref"},
      {"organisations", "slug"},
      {"users", "id"},
      {"memberships", "user_id, org_slug"},
      {"sessions", "id_hash"},
      {"api_tokens", "id"},
      {"sign_in_links", "token_hash"},
      {"audit_log", "id"},
  };
  return keys;
}

sql::Db& db_of(Store& store) {
  auto* sql_store = dynamic_cast<sql::SqlStore*>(&store);
  if (!sql_store)
    throw Error(ErrorCode::internal, "not an SQL store");
  return sql_store->db();
}

long long count_rows(sql::Db& db, const std::string& table) {
  sql::Stmt q = db.prepare("SELECT COUNT(*) FROM " + table);
  q.step();
  return q.int64(0);
}

/// The destination may only hold what migrations put there (store_meta, the demo organisation).
void require_empty(sql::Db& db, const std::string& where) {
  for (const char* table : {"frameworks", "qualifications", "functions", "users", "audit_log",
                            "alignments", "statements"})
    if (count_rows(db, table) > 0)
      throw Error(ErrorCode::conflict,
                  "the destination already holds data (" + std::string(table) +
                      "); copy into a new, empty database",
                  {where, 0, "--to"});
}

long long copy_table(sql::Db& from, sql::Db& to, const std::string& table, const std::string& key) {
  long long copied = 0;
  std::string insert;
  bool has_id = false;
  for (int offset = 0;; offset += kCopyBatch) {
    sql::Stmt rows = from.prepare("SELECT * FROM " + table + " ORDER BY " + key + " LIMIT " +
                                  std::to_string(kCopyBatch) + " OFFSET " + std::to_string(offset));
    int got = 0;
    while (rows.step()) {
      const int columns = rows.column_count();
      if (insert.empty()) {
        std::string names, marks;
        for (int c = 0; c < columns; ++c) {
          names += (c ? ", " : "") + rows.column_name(c);
          marks += c ? ", ?" : "?";
          has_id = has_id || rows.column_name(c) == "id";
        }
        insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
      }
      sql::Stmt put = to.prepare(insert);
      for (int c = 0; c < columns; ++c) {
        if (rows.is_null(c))
          put.bind_null(c + 1);
        else
          put.bind(c + 1, rows.text(c));
      }
      put.run();
      ++got;
    }
    copied += got;
    if (got < kCopyBatch)
      break;
  }
  if (has_id)
    to.after_explicit_ids(table);
  return copied;
}

}  // namespace

const std::vector<std::string>& store_tables() {
  static const std::vector<std::string> tables = [] {
    std::vector<std::string> out;
    for (const auto& [table, key] : table_keys())
      out.push_back(table);
    return out;
  }();
  return tables;
}

CopyReport copy_database(const std::string& from, const std::string& to,
                         const CopyProgress& progress) {
  if (display_location(from) == display_location(to))
    throw Error(ErrorCode::invalid_argument, "--from and --to are the same database",
                {display_location(to), 0, "--to"});
  auto source = open_store(from, OpenMode::read_only);
  auto target = open_store(to, OpenMode::read_write);
  sql::Db& in = db_of(*source);
  sql::Db& out = db_of(*target);
  CopyReport report;
  sql::Transaction tx(out);
  require_empty(out, display_location(to));
  // What the migrations seeded (store_meta, the demo organisation) is replaced by the source's.
  const auto& keys = table_keys();
  for (auto it = keys.rbegin(); it != keys.rend(); ++it)
    if (it->first != "audit_log")  // append-only, and empty (require_empty)
      out.exec("DELETE FROM " + it->first);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (progress)
      progress(keys[i].first, i, keys.size());
    report.tables.emplace_back(keys[i].first, copy_table(in, out, keys[i].first, keys[i].second));
  }
  tx.commit();
  if (progress)
    progress("", keys.size(), keys.size());
  return report;
}

CheckReport check_database(const std::string& location) {
  auto store = open_store(location, OpenMode::read_only);
  sql::Db& db = db_of(*store);
  CheckReport report;
  for (const auto& table : store_tables())
    report.tables.emplace_back(table, count_rows(db, table));
  report.problems = db.engine_check();
  // References the schema does not enforce on both engines (or that a damaged file may break).
  static const std::vector<std::pair<const char*, const char*>> orphans = {
      {"profiles without their framework",
       "SELECT COUNT(*) FROM profiles p LEFT JOIN frameworks f ON f.id = p.framework_id WHERE "
       "f.id IS NULL"},
      {"main activities without their profile",
       "SELECT COUNT(*) FROM main_activities m LEFT JOIN profiles p ON p.id = m.profile_id "
       "WHERE p.id IS NULL"},
      {"activities without their statement",
       "SELECT COUNT(*) FROM profile_activities a LEFT JOIN statements s ON s.id = "
       "a.statement_id WHERE s.id IS NULL"},
      {"competences without their qualification",
       "SELECT COUNT(*) FROM competences c LEFT JOIN qualifications q ON q.id = "
       "c.qualification_id WHERE q.id IS NULL"},
      {"competence activities without their statement",
       "SELECT COUNT(*) FROM competence_activities a LEFT JOIN statements s ON s.id = "
       "a.statement_id WHERE s.id IS NULL"},
      {"qualification lines without their statement",
       "SELECT COUNT(*) FROM qualification_lines l LEFT JOIN statements s ON s.id = "
       "l.statement_id WHERE s.id IS NULL"},
      {"functions without their current version in the history",
       "SELECT COUNT(*) FROM functions f LEFT JOIN function_versions v ON v.function_id = f.id "
       "AND v.version = f.version WHERE v.function_id IS NULL"},
      {"function versions of no function",
       "SELECT COUNT(*) FROM function_versions v LEFT JOIN functions f ON f.id = v.function_id "
       "WHERE f.id IS NULL"},
      {"functions of no organisation",
       "SELECT COUNT(*) FROM functions f LEFT JOIN organisations o ON o.slug = f.owner WHERE "
       "o.slug IS NULL"},
      {"memberships of no user or organisation",
       "SELECT COUNT(*) FROM memberships m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN "
       "organisations o ON o.slug = m.org_slug WHERE u.id IS NULL OR o.slug IS NULL"},
      {"tokens of no user",
       "SELECT COUNT(*) FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE u.id IS "
       "NULL"},
  };
  for (const auto& [what, sql] : orphans) {
    sql::Stmt q = db.prepare(sql);
    q.step();
    if (q.int64(0) > 0)
      report.problems.push_back(std::to_string(q.int64(0)) + " " + what);
  }
  // Every saved version opens: a damaged delta chain shows here, not when someone needs it.
  for (const auto& f : store->list_functions()) {
    for (const auto& entry : store->function_history(f.id)) {
      try {
        if (!store->find_function(f.id, entry.version))
          report.problems.push_back("function '" + f.id + "' version " +
                                    std::to_string(entry.version) + " does not open");
      } catch (const Error& e) {
        report.problems.push_back("function '" + f.id + "' version " +
                                  std::to_string(entry.version) + ": " + e.message());
      }
    }
  }
  return report;
}

}  // namespace vakkaart::store
