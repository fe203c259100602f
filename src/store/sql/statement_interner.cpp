#include "store/sql/statement_interner.h"

#include <unordered_set>

#include "store/sql/row_batch.h"

namespace vakkaart::store::sql {

namespace {

// Texts per lookup or insert statement: far below SQLite's 32,766 and PostgreSQL's 65,535
// parameters, and large enough that a qualification takes a few round trips.
constexpr std::size_t kChunk = 200;

}  // namespace

StatementInterner::StatementInterner(Db& db) : db_(db) {
  Stmt max = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM statements");
  max.step();
  next_id_ = max.int64(0) + 1;
}

int64_t StatementInterner::id_of(const std::string& text) {
  if (auto it = cache_.find(text); it != cache_.end())
    return it->second;
  find_.bind(1, text);
  int64_t id;
  if (find_.step()) {
    id = find_.int64(0);
    find_.reset();
  } else {
    find_.reset();
    id = next_id_++;
    insert_.bind(1, id).bind(2, text).run();
  }
  cache_.emplace(text, id);
  return id;
}

void StatementInterner::intern_all(const std::vector<std::string_view>& texts) {
  // On SQLite a lookup is a function call, and id_of's one prepared lookup per text is as
  // fast as it gets (import_bench: a chunked IN lookup made the import slower there).
  if (db_.dialect() != Dialect::postgresql)
    return;
  std::vector<std::string_view> unknown;
  std::unordered_set<std::string_view> seen;
  for (const auto t : texts)
    if (!cache_.contains(t) && seen.insert(t).second)
      unknown.push_back(t);
  find_known(unknown);
  std::vector<std::string_view> still_unknown;
  for (const auto t : unknown)
    if (!cache_.contains(t))
      still_unknown.push_back(t);
  store_new(still_unknown);
}

void StatementInterner::find_known(const std::vector<std::string_view>& texts) {
  for (std::size_t start = 0; start < texts.size(); start += kChunk) {
    const std::size_t n = std::min(kChunk, texts.size() - start);
    Stmt find =
        db_.prepare("SELECT id, text FROM statements WHERE text IN (" + placeholders(n, 1) + ")");
    for (std::size_t i = 0; i < n; ++i)
      find.bind(static_cast<int>(i + 1), texts[start + i]);
    while (find.step())
      cache_.emplace(find.text(1), find.int64(0));
  }
}

void StatementInterner::store_new(const std::vector<std::string_view>& texts) {
  RowBatch rows(db_, "statements(id, text)", 2);
  for (const auto t : texts) {
    const int64_t id = next_id_++;
    rows.add(id).add(t);
    cache_.emplace(std::string(t), id);
  }
  rows.flush();
}

}  // namespace vakkaart::store::sql
