// Function history kept as changes (store/function_history.h): deltas give back every text
// byte for byte, chains are cut where they should be, and a damaged row is an error.
#include "store/function_history.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/line_diff.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::store {
namespace {

using testing::TempDir;

/// Lines from a small vocabulary, so texts repeat lines the way canonical JSON does ("},").
std::string random_line(std::mt19937& rng) {
  static const std::vector<std::string> kLines = {"{\n",
                                                  "},\n",
                                                  "}\n",
                                                  "[\n",
                                                  "],\n",
                                                  "  \"kind\": \"activity\",\n",
                                                  "  \"detail\": \"\"\n",
                                                  "  \"weight\": null,\n",
                                                  "    \"text\": \"Volgen van opleidingen\",\n"};
  std::uniform_int_distribution<int> pick(0, static_cast<int>(kLines.size()) + 2);
  int n = pick(rng);
  if (n < static_cast<int>(kLines.size()))
    return kLines[static_cast<std::size_t>(n)];
  return "  \"text\": \"regel " + std::to_string(rng() % 100000) + " é ĳ\",\n";
}

/// `text` with a few random line edits (inserts, deletes, rewrites, sometimes none) below its
/// first two lines, which hold the version.
std::string random_edit(const std::string& text, std::mt19937& rng) {
  auto views = split_lines(text);
  std::vector<std::string> lines(views.begin(), views.end());
  int edits = static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    std::size_t at = lines.size() < 2 ? lines.size() : 2 + rng() % (lines.size() - 1);
    switch (rng() % 3) {
      case 0:
        for (unsigned n = rng() % 8; n > 0; --n)
          lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), random_line(rng));
        break;
      case 1:
        if (at < lines.size())
          lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at),
                      lines.begin() +
                          static_cast<std::ptrdiff_t>(std::min(lines.size(), at + 1 + rng() % 3)));
        break;
      default:
        if (at < lines.size())
          lines[at] = random_line(rng);
    }
  }
  std::string out;
  for (const auto& l : lines)
    out += l;
  return out;
}

/// A body of `lines` random lines with a version line on top, as every saved version has.
std::string random_body(std::mt19937& rng, int lines) {
  std::string out = "{\n  \"version\": 1,\n";
  for (int i = 0; i < lines; ++i)
    out += random_line(rng);
  return out + "}\n";
}

std::string with_version(std::string body, int version) {
  auto at = body.find("\"version\": ");
  auto end = body.find(",\n", at);
  return body.replace(at, end - at, "\"version\": " + std::to_string(version));
}

ErrorCode error_code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no Error thrown";
  return ErrorCode::internal;
}

TEST(LineDelta, GivesBackEveryTextExactly) {
  std::mt19937 rng(20261205);
  std::string from = random_body(rng, 300);
  for (int i = 0; i < 2000; ++i) {
    std::string to = random_edit(from, rng);
    if (i % 50 == 0)
      to.pop_back();  // no final newline
    if (i % 97 == 0)
      to.clear();
    std::string delta = history::encode_delta(from, to);
    ASSERT_EQ(history::apply_delta(from, delta), to) << "edit " << i;
    from = to.empty() ? random_body(rng, 50) : to;
  }
}

TEST(LineDelta, IsSmallForASmallChangeAndExactForAWholeRewrite) {
  std::mt19937 rng(7);
  std::string from = random_body(rng, 5000);
  std::string to = with_version(from, 2);
  to.insert(to.find("},\n", to.size() / 2), "  \"text\": \"nieuw\",\n");
  std::string delta = history::encode_delta(from, to);
  EXPECT_LT(delta.size(), 120u);
  EXPECT_EQ(history::apply_delta(from, delta), to);
  // More changed lines than one diff may look at: the middle is replaced whole, still exact.
  std::string other = random_body(rng, 5000);
  EXPECT_EQ(history::apply_delta(from, history::encode_delta(from, other)), other);
}

TEST(LineDelta, ADamagedDeltaIsADatabaseError) {
  std::string from = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
  std::string to = "{\n  \"a\": 1,\n  \"b\": 3\n}\n";
  std::string good = history::encode_delta(from, to);
  ASSERT_EQ(history::apply_delta(from, good), to);
  std::vector<std::string> damaged = {"", "vkd1", "vkd2 " + good.substr(5),
                                      good.substr(0, good.size() - 3)};
  auto flip = good;
  flip[flip.find("\"b\": 3") + 5] = '4';  // the inserted line: the checksum no longer matches
  damaged.push_back(flip);
  auto oversized = good;
  oversized.replace(oversized.find("\n=") + 2, 1, "9");  // copies past the end
  damaged.push_back(oversized);
  damaged.push_back(good + "?1\n");
  damaged.push_back(good + "+99\nabc");
  damaged.push_back(good.substr(0, good.find('\n') + 1) + "=99999999999999999999999\n");
  for (const auto& d : damaged)
    EXPECT_EQ(error_code_of([&] { history::apply_delta(from, d); }), ErrorCode::database_error)
        << d;
  // A well-formed delta applied to another text than its own.
  EXPECT_EQ(error_code_of([&] { history::apply_delta(to + "x\n", good); }),
            ErrorCode::database_error);
}

TEST(ChainTail, IsUsableOnlyFromTheCurrentVersionBackToASnapshot) {
  using history::RecordInfo;
  auto tail = history::chain_tail({{3, 2, 10}, {2, 1, 20}, {1, std::nullopt, 500}}, 3);
  EXPECT_EQ(tail.last_version, 3);
  EXPECT_EQ(tail.deltas, 2);
  EXPECT_EQ(tail.delta_bytes, 30u);
  EXPECT_EQ(history::chain_tail({{3, 2, 10}, {2, 1, 20}, {1, std::nullopt, 500}}, 4).last_version,
            0);
  EXPECT_EQ(history::chain_tail({{3, 1, 10}, {2, 1, 20}, {1, std::nullopt, 500}}, 3).last_version,
            0);
  EXPECT_EQ(history::chain_tail({{3, 2, 10}, {2, 1, 20}}, 3).last_version, 0);
  EXPECT_EQ(history::chain_tail({}, 0).last_version, 0);
}

/// A store with one function, put version after version on the store interface.
class HistoryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = testing::open_test_store(path()); }
  std::string path() const { return dir_.file("h.db"); }

  void put(const std::string& body) {
    int version = static_cast<int>(bodies_.size()) + 1;
    StoredFunction f{"fn", version, "T", "Org", "draft", "2026-01-01T00:00:00Z", body};
    store_->put_function(f, version - 1,
                         {version, "at-" + std::to_string(version), "tester", "edit"});
    bodies_.push_back(body);
  }
  /// Versions whose row is a snapshot, ascending.
  std::vector<int> snapshots() {
    const std::string sql =
        "SELECT version FROM function_versions WHERE function_id = 'fn' AND delta_base IS NULL "
        "ORDER BY version";
    std::vector<int> out;
    for (const auto& v : testing::raw_sql(path(), sql, sql))
      out.push_back(std::stoi(v));
    return out;
  }
  void expect_every_version_opens_exactly() {
    for (std::size_t v = 1; v <= bodies_.size(); ++v) {
      auto f = store_->find_function("fn", static_cast<int>(v));
      ASSERT_TRUE(f.has_value()) << v;
      ASSERT_EQ(f->body, bodies_[v - 1]) << "version " << v;
      EXPECT_EQ(f->version, static_cast<int>(v));
      EXPECT_EQ(f->updated, "at-" + std::to_string(v));
    }
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<std::string> bodies_;
};

/// Snapshot versions of `versions` saved versions when every chain ends by count.
std::vector<int> snapshots_by_count(int versions) {
  std::vector<int> out;
  for (int v = 1; v <= versions; v += history::kSnapshotEvery)
    out.push_back(v);
  return out;
}

TEST_F(HistoryStoreTest, EveryVersionOfALongRandomEditSequenceOpensExactly) {
  std::mt19937 rng(14);
  // Long enough that a chain of small deltas stays below its size: chains end by count.
  std::string body = random_body(rng, 8000);
  // Past one snapshot and well into the next chain (the boundaries themselves are the next
  // test's); more versions only cost time under the sanitizers.
  const int versions = history::kSnapshotEvery + 120;
  for (int v = 1; v <= versions; ++v) {
    body = with_version(v == 1 ? body : random_edit(body, rng), v);
    put(body);
  }
  expect_every_version_opens_exactly();
  EXPECT_FALSE(store_->find_function("fn", versions + 1).has_value());
  EXPECT_FALSE(store_->find_function("fn", 0).has_value());
  EXPECT_EQ(store_->function_history("fn").size(), static_cast<std::size_t>(versions));
  EXPECT_EQ(snapshots(), snapshots_by_count(versions));
}

TEST_F(HistoryStoreTest, ASnapshotStartsEveryChainOfKSnapshotEveryVersions) {
  std::mt19937 rng(100);
  std::string body = random_body(rng, 2000);
  const int n = history::kSnapshotEvery;
  for (int v = 1; v <= 2 * n + 2; ++v)
    put(with_version(body, v));
  EXPECT_EQ(snapshots(), (std::vector<int>{1, n + 1, 2 * n + 1}));
  for (int v : {n - 1, n, n + 1, n + 2, 2 * n, 2 * n + 1, 2 * n + 2}) {
    auto f = store_->find_function("fn", v);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->body, bodies_[static_cast<std::size_t>(v - 1)]) << v;
  }
}

TEST_F(HistoryStoreTest, ARewriteLargerThanTheChainStartsASnapshot) {
  std::mt19937 rng(3);
  put(random_body(rng, 300));
  put(with_version(bodies_.back(), 2));
  std::string rewrite = "{\n  \"version\": 3,\n";
  for (int i = 0; i < 300; ++i)
    rewrite += "  \"nieuw " + std::to_string(i) + "\": true,\n";
  put(rewrite + "}\n");  // an import replacing everything
  put(with_version(bodies_.back(), 4));
  EXPECT_EQ(snapshots(), (std::vector<int>{1, 3}));
  expect_every_version_opens_exactly();
}

TEST_F(HistoryStoreTest, ADamagedRowIsADatabaseErrorNotACrash) {
  std::mt19937 rng(5);
  std::string body = random_body(rng, 100);
  for (int v = 1; v <= 6; ++v) {
    body = with_version(v == 1 ? body : random_edit(body, rng) + "  \"x\": 1,\n", v);
    put(body);
  }
  {
    sqlite::SqliteDb db(path(), false);
    db.exec(
        "UPDATE function_versions SET body = substr(body, 1, length(body) - 3) "
        "WHERE function_id = 'fn' AND version = 4");
  }
  for (int v : {4, 5, 6})
    EXPECT_EQ(error_code_of([&] { store_->find_function("fn", v); }), ErrorCode::database_error)
        << v;
  EXPECT_EQ(store_->find_function("fn", 3)->body, bodies_[2]);
  EXPECT_EQ(store_->find_function("fn")->body, bodies_[5]);  // the current one is whole
  {
    sqlite::SqliteDb db(path(), false);
    db.exec("DELETE FROM function_versions WHERE function_id = 'fn' AND version = 1");
  }
  EXPECT_EQ(error_code_of([&] { store_->find_function("fn", 2); }), ErrorCode::database_error);
  // Saving goes on: the next version starts a fresh chain instead of extending a damaged one.
  put(with_version(body, 7));
  EXPECT_EQ(snapshots(), (std::vector<int>{7}));
  EXPECT_EQ(store_->find_function("fn", 7)->body, bodies_[6]);
}

TEST_F(HistoryStoreTest, DeletingAFunctionDeletesItsHistory) {
  std::mt19937 rng(9);
  for (int v = 1; v <= 5; ++v)
    put(with_version(random_body(rng, 20), v));
  store_->delete_function("fn", 5);
  {
    sqlite::SqliteDb db(path(), true);
    auto q = db.prepare("SELECT COUNT(*) FROM function_versions");
    q.step();
    EXPECT_EQ(q.int64(0), 0);
  }
  bodies_.clear();
  put(random_body(rng, 20));
  EXPECT_EQ(store_->function_history("fn").size(), 1u);
  expect_every_version_opens_exactly();
}

}  // namespace
}  // namespace vakkaart::store
