#include "store/sql/row_batch.h"

#include "core/error.h"

namespace vakkaart::store::sql {

std::string placeholders(std::size_t rows, std::size_t columns) {
  std::string group = columns == 1 ? "?" : "(?";
  for (std::size_t c = 1; c < columns; ++c)
    group += ", ?";
  if (columns != 1)
    group += ")";
  std::string out;
  out.reserve(rows * (group.size() + 2));
  for (std::size_t r = 0; r < rows; ++r) {
    if (r != 0)
      out += ", ";
    out += group;
  }
  return out;
}

RowBatch::RowBatch(Db& db, std::string table_and_columns, std::size_t columns)
    : db_(db),
      head_("INSERT INTO " + std::move(table_and_columns) + " VALUES "),
      columns_(columns),
      rows_per_insert_(db.dialect() == Dialect::postgresql ? kRowsOverNetwork : 1) {}

RowBatch& RowBatch::add(int64_t v) {
  values_.emplace_back(v);
  return *this;
}

RowBatch& RowBatch::add(std::string_view v) {
  values_.emplace_back(std::string(v));
  return *this;
}

RowBatch& RowBatch::add_null() {
  values_.emplace_back(std::monostate{});
  return *this;
}

void RowBatch::flush() {
  if (columns_ == 0 || values_.size() % columns_ != 0)
    throw Error(ErrorCode::internal, "a row of '" + head_ + "' lacks values");
  const std::size_t rows = values_.size() / columns_;
  for (std::size_t start = 0; start < rows; start += rows_per_insert_) {
    const std::size_t n = std::min(rows_per_insert_, rows - start);
    std::optional<Stmt> tail;
    if (n == rows_per_insert_ && !full_)
      full_.emplace(db_.prepare(head_ + placeholders(n, columns_)));
    if (n != rows_per_insert_)
      tail.emplace(db_.prepare(head_ + placeholders(n, columns_)));
    Stmt& insert = n == rows_per_insert_ ? *full_ : *tail;
    for (std::size_t i = 0; i < n * columns_; ++i) {
      const int param = static_cast<int>(i + 1);
      const Value& v = values_[start * columns_ + i];
      if (const auto* number = std::get_if<int64_t>(&v))
        insert.bind(param, *number);
      else if (const auto* text = std::get_if<std::string>(&v))
        insert.bind(param, *text);
      else
        insert.bind_null(param);
    }
    insert.run();
  }
  values_.clear();
}

}  // namespace vakkaart::store::sql
