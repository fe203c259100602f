#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/sql/db.h"

namespace vakkaart::store::sql {

/// "(?, ?), (?, ?), …" — `rows` groups of `columns` placeholders — or "?, ?, …" for one column.
std::string placeholders(std::size_t rows, std::size_t columns);

/// Rows for one table, kept until `flush` sends them as multi-row INSERTs: up to 100 rows each
/// on PostgreSQL, one row each on SQLite.
///
/// Why: on PostgreSQL every statement is a round trip, and an import of the two bundled
/// sources made a thousand single-row INSERTs of activities, knowledge and lines. On SQLite a
/// statement is a function call, and one prepared single-row INSERT run per row was faster
/// than 100-row ones (import_bench's 1,000 BK pages: 125 -> 92 docs/s without the index). Rows are
/// sent in the order they were added, so a row may refer to one added before it; tables that
/// refer to each other are flushed in their order by the caller. A failing row fails the
/// flush, inside the caller's transaction, so the whole import is undone as before.
class RowBatch {
 public:
  /// `table_and_columns`: "competence_knowledge(competence_id, position, statement_id, kind)".
  RowBatch(Db& db, std::string table_and_columns, std::size_t columns);

  RowBatch& add(int64_t v);
  RowBatch& add(int v) { return add(static_cast<int64_t>(v)); }
  RowBatch& add(std::string_view v);
  RowBatch& add(const std::string& v) { return add(std::string_view(v)); }
  RowBatch& add(const char* v) { return add(std::string_view(v)); }
  RowBatch& add(const std::optional<int64_t>& v) { return v ? add(*v) : add_null(); }
  RowBatch& add(const std::optional<std::string>& v) { return v ? add(*v) : add_null(); }
  RowBatch& add_null();

  /// Inserts every row added since the last flush. Throws Error when a value is missing from
  /// the last row or the database refuses a row.
  void flush();

 private:
  static constexpr std::size_t kRowsOverNetwork = 100;
  using Value = std::variant<std::monostate, int64_t, std::string>;

  Db& db_;
  std::string head_;
  std::size_t columns_;
  std::size_t rows_per_insert_;
  std::vector<Value> values_;
  /// The INSERT of rows_per_insert_ rows, prepared on first use and kept: a batch that lives as
  /// long as its transaction parses it once (SQLite's per-row prepared INSERT was as fast as it
  /// gets; parsing a 100-row INSERT per chunk was not).
  std::optional<Stmt> full_;
};

}  // namespace vakkaart::store::sql
