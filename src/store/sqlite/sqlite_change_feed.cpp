// The SQLite change feed: a commit always changes the database file or its WAL (size or
// modification time), whichever process made it, so their stat is the generation.
#include <sys/stat.h>

#include "store/sqlite/sqlite_change_feed.h"

namespace vakkaart::store::sqlite {

namespace {

std::string file_token(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return "-";
  return std::to_string(st.st_size) + "." + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::string database_generation(const std::string& db_path) {
  return file_token(db_path) + "/" + file_token(db_path + "-wal");
}

}  // namespace vakkaart::store::sqlite
