#include "analysis/batch/source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace vakkaart::analysis::batch {

namespace {

/// Adds a directory record to the hash of the records done: its name, size and mtime.
void batch_hash_file(BatchHash& hash, const std::string& rel, std::uint64_t size,
                     std::int64_t mtime) {
  hash.add(std::string_view(rel));
  hash.add(size);
  hash.add(static_cast<std::uint64_t>(mtime));
}

}  // namespace

BatchSource::BatchSource(const std::string& input, bool dir, const std::filesystem::path& exclude)
    : dir_(dir) {
  if (dir)
    walker_ = std::make_unique<BatchDirWalker>(std::filesystem::path(input), exclude);
  else
    jsonl_ = std::make_unique<BatchJsonlReader>(input);
}

void BatchSource::skip_dir(std::uint64_t records, std::uint64_t expected,
                           const std::string& input) {
  BatchRecord r;
  for (std::uint64_t k = 0; k < records; ++k) {
    if (!next(r, false))
      break;
  }
  if (records_ != records || hash_.value != expected)
    throw Error(ErrorCode::conflict,
                "the files of " + input +
                    " changed since the checkpoint (added, removed, renamed or modified among "
                    "those done); start over with --restart",
                {input, 0, ""});
}

bool BatchSource::next(BatchRecord& r, bool read) {
  r = BatchRecord{};
  if (!dir_)
    return jsonl_->next(r);
  BatchDirEntry e;
  if (!walker_->next(e))
    return false;
  r.number = ++records_;
  r.name = e.rel;
  if (!e.error.empty()) {
    r.error_code = "io_error";
    r.error = e.error;
    hash_.add(std::string_view(e.rel + "/!"));
    r.prefix_hash = hash_.value;
    return true;
  }
  struct stat st {};
  if (::stat(e.path.c_str(), &st) != 0) {
    r.error_code = "io_error";
    r.error = std::string("cannot read the file: ") + std::strerror(errno);
    batch_hash_file(hash_, e.rel, 0, 0);
    r.prefix_hash = hash_.value;
    return true;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  batch_hash_file(hash_, e.rel, size, batch_mtime_ns(st));
  r.prefix_hash = hash_.value;
  if (!read)
    return true;
  if (size > kMaxInputBytes) {
    r.error_code = "too_large";
    r.error = "the document is " + std::to_string(size / kBatchMiB) +
              " MB; the largest accepted is " + std::to_string(kMaxInputBytes / kBatchMiB) + " MB";
    return true;
  }
  std::ifstream in(e.path, std::ios::binary);
  if (!in) {
    r.error_code = "io_error";
    r.error = std::string("cannot open the file: ") + std::strerror(errno);
    return true;
  }
  r.data.resize(size);
  in.read(r.data.data(), static_cast<std::streamsize>(size));
  r.data.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    r.error_code = "io_error";
    r.error = "cannot read the file";
    r.data.clear();
  }
  return true;
}

}  // namespace vakkaart::analysis::batch
