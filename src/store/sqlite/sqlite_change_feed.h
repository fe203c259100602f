#pragma once

#include <string>

#include "store/change_feed.h"

namespace vakkaart::store::sqlite {

/// A token that changes whenever the SQLite database at `db_path` may have changed: the size
/// and modification time of the file and of its WAL.
std::string database_generation(const std::string& db_path);

class SqliteChangeFeed final : public ChangeFeed {
 public:
  explicit SqliteChangeFeed(std::string path) : path_(std::move(path)) {}
  std::string generation() override { return database_generation(path_); }

 private:
  std::string path_;
};

}  // namespace vakkaart::store::sqlite
