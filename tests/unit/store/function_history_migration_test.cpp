// Function history: a database written before history was kept as changes is converted once
// and keeps every version; real edits through the service open exactly, version by version.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "compose/function_service.h"
#include "core/json.h"
#include "exports/function_json.h"
#include "store/function_history.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::store {
namespace {

using testing::TempDir;

/// Long enough that a chain of small deltas stays below a body: chains end by count.
constexpr int kOldLines = 4000;

/// Version `v` of a function of `lines` lines: each version changes one line and adds one.
std::string old_body(const std::string& id, int v, int lines) {
  std::string out = "{\n  \"id\": \"" + id + "\",\n  \"version\": " + std::to_string(v) + ",\n";
  for (int i = 0; i < lines + v; ++i)
    out += "  \"line " + std::to_string(i) + "\": \"" +
           (i == v % lines ? "changed in " + std::to_string(v) : std::string("tekst")) + "\",\n";
  return out + "  \"end\": true\n}\n";
}

/// A database as vakkaart wrote it before migration 6: schema up to 4, whole bodies.
void write_old_database(const std::string& path,
                        const std::vector<std::pair<std::string, int>>& functions) {
  sqlite::SqliteDb db(path, false);
  db.exec("CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  for (const auto& m : sqlite_migrations()) {
    if (m.number > 4)
      continue;
    db.exec(m.sql);
    db.prepare("INSERT INTO schema_migrations(number, name) VALUES (?, ?)")
        .bind(1, m.number)
        .bind(2, m.name)
        .run();
  }
  for (const auto& [id, versions] : functions) {
    for (int v = 1; v <= versions; ++v)
      db.prepare(
            "INSERT INTO function_versions (function_id, version, at, author, summary, body) "
            "VALUES (?, ?, ?, 'an', 'edit', ?)")
          .bind(1, id)
          .bind(2, v)
          .bind(3, "at-" + std::to_string(v))
          .bind(4, old_body(id, v, kOldLines))
          .run();
    db.prepare("INSERT INTO functions VALUES (?, ?, 'T', 'Org', 'draft', 'now', ?)")
        .bind(1, id)
        .bind(2, versions)
        .bind(3, old_body(id, versions, kOldLines))
        .run();
  }
}

std::vector<std::string> all_history_rows(const std::string& path) {
  sqlite::SqliteDb db(path, true);
  auto q = db.prepare(
      "SELECT function_id || ':' || version || ':' || COALESCE(delta_base, '-') || ':' || body "
      "FROM function_versions ORDER BY function_id, version");
  std::vector<std::string> out;
  while (q.step())
    out.push_back(q.text(0));
  return out;
}

std::string meta(const std::string& path, const std::string& key) {
  sqlite::SqliteDb db(path, true);
  auto q = db.prepare("SELECT value FROM store_meta WHERE key = ?");
  q.bind(1, key);
  return q.step() ? q.text(0) : "";
}

int snapshot_count(const std::string& path, const std::string& id) {
  sqlite::SqliteDb db(path, true);
  auto q = db.prepare(
      "SELECT COUNT(*) FROM function_versions WHERE function_id = ? AND delta_base IS NULL");
  q.bind(1, id);
  q.step();
  return q.integer(0);
}

void expect_old_versions(Store& store, const std::string& id, int versions) {
  for (int v = 1; v <= versions; ++v) {
    auto f = store.find_function(id, v);
    ASSERT_TRUE(f.has_value()) << id << " " << v;
    ASSERT_EQ(f->body, old_body(id, v, kOldLines)) << id << " version " << v;
    EXPECT_EQ(f->updated, "at-" + std::to_string(v));
  }
}

TEST(FunctionHistoryMigration, AnOldDatabaseKeepsEveryVersionAndShrinks) {
  TempDir dir;
  std::string path = dir.file("old.db");
  write_old_database(path, {{"lang", 250}, {"kort", 3}});
  auto size_before = std::filesystem::file_size(path);
  {
    auto store = open_sqlite_store(path);
    expect_old_versions(*store, "lang", 250);
    expect_old_versions(*store, "kort", 3);
    EXPECT_EQ(store->function_history("lang").size(), 250u);
  }
  EXPECT_EQ(meta(path, "function_history"), "delta");
  EXPECT_EQ(snapshot_count(path, "lang"), 1 + 249 / history::kSnapshotEvery);
  EXPECT_EQ(snapshot_count(path, "kort"), 1);
  EXPECT_LT(std::filesystem::file_size(path), size_before / 10);
  // Converted once: opening again changes nothing, and saving goes on from the chain.
  auto rows = all_history_rows(path);
  auto store = open_sqlite_store(path);
  EXPECT_EQ(all_history_rows(path), rows);
  StoredFunction next{"kort", 4, "T", "Org", "draft", "now", old_body("kort", 4, kOldLines)};
  store->put_function(next, 3, {4, "at-4", "an", "edit"});
  expect_old_versions(*store, "kort", 4);
  EXPECT_EQ(snapshot_count(path, "kort"), 1);
}

TEST(FunctionHistoryMigration, WholeBodiesStayReadableUntilConverted) {
  TempDir dir;
  std::string path = dir.file("old.db");
  write_old_database(path, {{"lang", 120}});
  {
    // Migrated (schema 6) by hand, as if the conversion had not run yet: rows whole, 'full'.
    sqlite::SqliteDb db(path, false);
    for (const auto& m : sqlite_migrations())
      if (m.number > 4)
        db.exec(m.sql);
    db.prepare("INSERT INTO schema_migrations(number, name) VALUES (?, 'test')")
        .bind(1, sqlite_migrations().back().number)
        .run();
  }
  ASSERT_EQ(meta(path, "function_history"), "full");
  auto rows = all_history_rows(path);
  {
    auto store = open_sqlite_store(path, OpenMode::read_only);
    expect_old_versions(*store, "lang", 120);
  }
  EXPECT_EQ(all_history_rows(path), rows);
  auto store = open_sqlite_store(path);
  expect_old_versions(*store, "lang", 120);
  EXPECT_EQ(snapshot_count(path, "lang"), 1 + 119 / history::kSnapshotEvery);
}

/// Every block a function can take from the framework ("PROFILE:CLUSTER:N").
std::vector<std::string> block_sources(const model::Framework& fw) {
  std::vector<std::string> out;
  for (const auto& p : fw.profiles)
    for (const auto& pc : p.clusters)
      for (std::size_t n = 1; n <= pc.main_activities.size(); ++n)
        out.push_back(p.id + ":" + pc.cluster_id + ":" + std::to_string(n));
  return out;
}

/// One random edit of the kinds people make, on the bundled sources.
std::vector<compose::Edit> random_edits(const model::FunctionProfile& f,
                                        const std::vector<std::string>& sources,
                                        std::mt19937& rng) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const auto& block = f.blocks[pick(f.blocks.size())];
  switch (rng() % 6) {
    case 0:
      return {compose::AddBlock{sources[pick(sources.size())], {}, "", std::nullopt}};
    case 1:
      if (f.blocks.size() > 3)
        return {compose::RemoveBlock{{block.id}}};
      [[fallthrough]];
    case 2:
      return {compose::AddItem{{block.id}, "Eigen taak " + std::to_string(rng() % 1000), {}}};
    case 3:
      if (!block.items.empty())
        return {compose::Reword{{block.items[pick(block.items.size())].id},
                                "Herschreven " + std::to_string(rng() % 1000)}};
      [[fallthrough]];
    case 4:
      return {compose::SetBlock{{block.id}, std::nullopt, double(rng() % 40), std::nullopt}};
    default:
      return {compose::SetField{compose::FunctionField::purpose,
                                "Doel " + std::to_string(rng() % 1000)}};
  }
}

TEST(FunctionHistoryService, EveryVersionOfRealEditsOpensExactly) {
  TempDir dir;
  auto store = open_sqlite_store(dir.file("f.db"));
  testing::import_bundled_sources(*store);
  auto sources = block_sources(*store->find_framework("sociare-2016"));
  ASSERT_FALSE(sources.empty());
  compose::FunctionService service(*store);
  auto f = service.create({"Coördinator", "Vormingplus", "", "", true}, "tester");
  std::vector<std::string> bodies{store->find_function(f.id)->body};
  std::mt19937 rng(61);
  while (bodies.size() < 260) {
    auto out = service.edit(f.id, f.version, random_edits(f, sources, rng), "tester");
    ASSERT_TRUE(out.saved);
    f = out.current;
    bodies.push_back(store->find_function(f.id)->body);
  }
  // Most versions are deltas: what is read back below went through them.
  EXPECT_LE(snapshot_count(dir.file("f.db"), f.id), 10);
  for (std::size_t v = 1; v <= bodies.size(); ++v) {
    auto stored = store->find_function(f.id, static_cast<int>(v));
    ASSERT_TRUE(stored.has_value());
    ASSERT_EQ(stored->body, bodies[v - 1]) << "version " << v;
    EXPECT_EQ(dump_canonical(exports::function_to_json(service.get(f.id, static_cast<int>(v)))),
              bodies[v - 1]);
  }
}

}  // namespace
}  // namespace vakkaart::store
