#include "server/response_cache.h"

#include <sys/stat.h>

namespace vakkaart::server {

namespace {

thread_local std::string request_generation;

}  // namespace

std::shared_ptr<const ResponseCache::Entry> ResponseCache::lookup(const std::string& target) {
  request_generation = database_generation(db_path_);
  std::lock_guard lock(mutex_);
  if (request_generation != generation_)
    return nullptr;
  auto it = entries_.find(target);
  return it == entries_.end() ? nullptr : it->second;
}

void ResponseCache::store(const std::string& target, Entry entry) {
  std::lock_guard lock(mutex_);
  if (request_generation != generation_ || bytes_ + entry.body.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
    generation_ = request_generation;
  }
  if (entry.body.size() > max_bytes_)
    return;
  bytes_ += entry.body.size();
  entries_[target] = std::make_shared<const Entry>(std::move(entry));
}

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

}  // namespace vakkaart::server
