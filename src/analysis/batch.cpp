#include "analysis/batch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "analysis/batch_report.h"
#include "analysis/input/input.h"
#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::analysis {

namespace {

namespace fs = std::filesystem;

/// Records per unit of work: enough that handing work around costs nothing next to matching,
/// few enough that every thread stays busy to the end.
constexpr std::size_t kBatchWorkRecords = 64;
/// A unit of work also ends once its records hold this many bytes.
constexpr std::size_t kBatchWorkBytes = 1 << 20;
/// Units of work in flight (queued, being matched, or waiting for their turn to be written) per
/// worker thread: what bounds memory whatever the input's size.
constexpr std::size_t kBatchInFlightPerThread = 4;
/// The longest JSONL line read: the largest text accepted, every byte escaped, and room for
/// other fields. Longer lines are skipped as errors without being held in memory.
constexpr std::size_t kBatchMaxLine = 2 * kMaxInputBytes + (1 << 16);
constexpr std::size_t kBatchReadChunk = 1 << 20;
/// The identity of a JSONL input includes a hash of its first bytes.
constexpr std::size_t kBatchHeadBytes = 1 << 20;
constexpr std::size_t kBatchFirstErrors = 5;
constexpr int kBatchCheckpointVersion = 1;
constexpr std::size_t kBatchMiB = std::size_t{1} << 20;

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std::hash.
struct BatchHash {
  std::uint64_t value = 14695981039346656037ULL;
  void add(std::string_view s) {
    for (char c : s) {
      value ^= static_cast<unsigned char>(c);
      value *= 1099511628211ULL;
    }
    value ^= 0xff;  // separates "ab","c" from "a","bc"
    value *= 1099511628211ULL;
  }
  void add(std::uint64_t v) { add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)); }
  void add(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    add(bits);
  }
};

std::string batch_hex64(std::uint64_t v) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
  return buffer;
}

Error batch_io_error(const std::string& what, const std::string& path) {
  return Error(ErrorCode::io_error, what + " " + path + ": " + std::strerror(errno), {path, 0, ""});
}

/// The file's name as UTF-8: bytes that are not are replaced by '?', so every output stays
/// valid JSON and CSV.
std::string batch_utf8_name(std::string name) {
  if (text::is_valid_utf8(name))
    return name;
  for (auto& c : name) {
    if (static_cast<unsigned char>(c) >= 0x80)
      c = '?';
  }
  return name;
}

/// Extensions of the files a directory input reads.
bool batch_supported_file(const fs::path& path) {
  std::string ext = path.extension().string();
  if (ext.empty())
    return false;
  for (auto& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kSupported[] = {".txt",   ".text", ".md",   ".markdown",
                                           ".mdown", ".mkd",  ".html", ".htm",
                                           ".xhtml", ".docx", ".pdf"};
  return std::any_of(std::begin(kSupported), std::end(kSupported),
                     [&](const char* s) { return ext == s; });
}

bool batch_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::int64_t batch_mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

/// One input record as the reader hands it to a worker.
struct BatchRecord {
  std::uint64_t number = 0;  // 1-based among the input's records
  std::uint64_t line = 0;    // JSONL line
  std::string name;          // directory input: the file, relative to the input
  std::string data;          // the JSONL line, or the file's bytes
  std::string error_code;    // set when the reader could not read the record
  std::string error;
  // Where the input stands once this record is done, for a checkpoint.
  std::uint64_t next_offset = 0;
  std::uint64_t prefix_hash = 0;
};

/// What a worker made of a record.
struct BatchRow {
  std::string csv, jsonl, error_row;
  bool failed = false;
  std::int64_t best = -1;
  std::vector<std::uint32_t> present;
  std::string error_text;  // "file:line: message"
};

struct BatchWork {
  std::uint64_t seq = 0;
  std::vector<BatchRecord> records;
  std::vector<BatchRow> rows;
};

/// Reads a JSONL file record by record (non-blank lines) through one buffer: a line is copied
/// once, into its record; a line too long to accept is skipped without being held.
class BatchJsonlReader {
 public:
  explicit BatchJsonlReader(const std::string& path) : path_(path), buf_(kBatchReadChunk) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
      throw Error(errno == ENOENT ? ErrorCode::not_found : ErrorCode::io_error,
                  "cannot open " + path + ": " + std::strerror(errno), {path, 0, ""});
  }
  ~BatchJsonlReader() { ::close(fd_); }
  BatchJsonlReader(const BatchJsonlReader&) = delete;
  BatchJsonlReader& operator=(const BatchJsonlReader&) = delete;

  /// Continues after a checkpoint: `offset` is where record `records` + 1 starts (or blank lines
  /// before it), on line `line` + 1.
  void seek(std::uint64_t offset, std::uint64_t line, std::uint64_t records) {
    if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0)
      throw batch_io_error("cannot seek in", path_);
    offset_ = offset;
    begin_ = end_ = 0;
    eof_ = false;
    line_ = line;
    records_ = records;
  }

  bool next(BatchRecord& r) {
    bool too_long = false;
    for (;;) {
      char* base = buf_.data();
      const void* nl = begin_ < end_ ? std::memchr(base + begin_, '\n', end_ - begin_) : nullptr;
      std::size_t stop;
      if (nl) {
        stop = static_cast<std::size_t>(static_cast<const char*>(nl) - base);
      } else if (eof_) {
        if (begin_ == end_ && !too_long)
          return false;
        stop = end_;
      } else {
        if (begin_ > 0) {
          std::memmove(base, base + begin_, end_ - begin_);
          offset_ += begin_;
          end_ -= begin_;
          begin_ = 0;
        }
        if (end_ == buf_.size()) {
          if (buf_.size() < kBatchMaxLine) {
            buf_.resize(std::min(buf_.size() * 2, kBatchMaxLine));
          } else {
            too_long = true;  // drop what there is of the line and read on to its end
            offset_ += end_;
            end_ = 0;
          }
        }
        fill();
        continue;
      }
      ++line_;
      const bool first = offset_ + begin_ == 0;
      std::string_view text(base + begin_, stop - begin_);
      begin_ = nl ? stop + 1 : stop;
      if (first && text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
      if (!too_long && !text.empty() && text.back() == '\r')
        text.remove_suffix(1);
      if (!too_long && batch_blank(text))
        continue;
      ++records_;
      r.number = records_;
      r.line = line_;
      r.next_offset = offset_ + begin_;
      if (too_long) {
        r.error_code = "too_large";
        r.error =
            "the line is longer than " + std::to_string(kBatchMaxLine / kBatchMiB) + " MB; skipped";
      } else {
        r.data.assign(text);
      }
      return true;
    }
  }

 private:
  void fill() {
    for (;;) {
      const auto n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        throw batch_io_error("cannot read", path_);
      if (n == 0)
        eof_ = true;
      end_ += static_cast<std::size_t>(n);
      return;
    }
  }

  std::string path_;
  int fd_ = -1;
  std::vector<char> buf_;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t offset_ = 0;  // file offset of buf_[0]
  bool eof_ = false;
  std::uint64_t line_ = 0;
  std::uint64_t records_ = 0;
};

/// Non-blank lines of a JSONL file, counted the way BatchJsonlReader reads them.
std::uint64_t batch_count_lines(const std::string& path, const std::atomic<bool>& stop) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  std::vector<char> buf(kBatchReadChunk);
  std::uint64_t count = 0;
  bool content = false, first = true;
  for (;;) {
    if (stop.load(std::memory_order_relaxed))
      break;
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    std::size_t i = 0;
    if (first && n >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0)
      i = 3;
    first = false;
    const auto size = static_cast<std::size_t>(n);
    while (i < size) {
      if (!content) {
        const char c = buf[i];
        if (c == '\n') {
          ++i;
          continue;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
          content = true;
        ++i;
        continue;
      }
      const void* nl = std::memchr(buf.data() + i, '\n', size - i);
      if (!nl)
        break;
      ++count;
      content = false;
      i = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
    }
  }
  ::close(fd);
  return count + (content ? 1 : 0);
}

/// One step of a directory walk: a supported file, or a directory that could not be listed.
struct BatchDirEntry {
  fs::path path;
  std::string rel;    // relative to the input, '/'-separated, UTF-8
  std::string error;  // a directory that could not be listed
};

/// Walks a directory depth first, each directory's entries in byte order of their names, so
/// the order is the same on every run and every file system; hidden entries, symbolic links to
/// directories, unsupported files and `exclude` (the report directory) are skipped. Holds one
/// listing per level of the current path, never the whole tree.
class BatchDirWalker {
 public:
  BatchDirWalker(const fs::path& root, fs::path exclude) : exclude_(std::move(exclude)) {
    push(root, "");
  }

  bool next(BatchDirEntry& out) {
    if (!pending_error_.empty()) {
      out = {pending_dir_, pending_rel_, pending_error_};
      pending_error_.clear();
      return true;
    }
    while (!stack_.empty()) {
      auto& level = stack_.back();
      if (level.next == level.entries.size()) {
        stack_.pop_back();
        continue;
      }
      const auto entry = level.entries[level.next++];
      const std::string rel = level.rel.empty() ? entry.name : level.rel + "/" + entry.name;
      const fs::path path = level.dir / entry.raw;
      if (entry.dir) {
        push(path, rel);
        if (!pending_error_.empty()) {
          out = {pending_dir_, pending_rel_, pending_error_};
          pending_error_.clear();
          return true;
        }
        continue;
      }
      out = {path, rel, ""};
      return true;
    }
    return false;
  }

 private:
  struct Entry {
    fs::path raw;
    std::string name;
    bool dir = false;
  };
  struct Level {
    fs::path dir;
    std::string rel;
    std::vector<Entry> entries;
    std::size_t next = 0;
  };

  void push(const fs::path& dir, const std::string& rel) {
    Level level{dir, rel, {}, 0};
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const auto& e = *it;
      const std::string raw = e.path().filename().string();
      if (raw.empty() || raw[0] == '.')
        continue;
      std::error_code sec;
      const auto link = e.symlink_status(sec);
      if (sec)
        continue;
      if (fs::is_directory(link)) {
        std::error_code xec;
        if (!exclude_.empty() && fs::equivalent(e.path(), exclude_, xec))
          continue;
        level.entries.push_back({e.path().filename(), batch_utf8_name(raw), true});
      } else if (fs::is_regular_file(e.status(sec)) && !sec && batch_supported_file(e.path())) {
        level.entries.push_back({e.path().filename(), batch_utf8_name(raw), false});
      }
    }
    if (ec) {
      pending_dir_ = dir;
      pending_rel_ = rel.empty() ? "." : rel;
      pending_error_ = "cannot list the directory: " + ec.message();
      return;
    }
    std::sort(level.entries.begin(), level.entries.end(),
              [](const Entry& a, const Entry& b) { return a.raw.native() < b.raw.native(); });
    stack_.push_back(std::move(level));
  }

  fs::path exclude_;
  std::vector<Level> stack_;
  fs::path pending_dir_;
  std::string pending_rel_, pending_error_;
};

/// Adds a directory record to the hash of the records done: its name, size and mtime.
void batch_hash_file(BatchHash& hash, const std::string& rel, std::uint64_t size,
                     std::int64_t mtime) {
  hash.add(std::string_view(rel));
  hash.add(size);
  hash.add(static_cast<std::uint64_t>(mtime));
}

/// Reads records from either kind of input.
class BatchSource {
 public:
  BatchSource(const BatchOptions& options, bool dir, const fs::path& exclude) : dir_(dir) {
    if (dir)
      walker_ = std::make_unique<BatchDirWalker>(fs::path(options.input), exclude);
    else
      jsonl_ = std::make_unique<BatchJsonlReader>(options.input);
  }

  void seek_jsonl(std::uint64_t offset, std::uint64_t line, std::uint64_t records) {
    jsonl_->seek(offset, line, records);
  }

  /// Skips the first `records` files of a directory, checking they are the ones the checkpoint
  /// saw: the hash of their names, sizes and mtimes must be `expected`.
  void skip_dir(std::uint64_t records, std::uint64_t expected, const std::string& input) {
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

  /// The next record; `read` false only walks (for skipping).
  bool next(BatchRecord& r, bool read = true) {
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
                " MB; the largest accepted is " + std::to_string(kMaxInputBytes / kBatchMiB) +
                " MB";
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

 private:
  bool dir_;
  std::unique_ptr<BatchDirWalker> walker_;
  std::unique_ptr<BatchJsonlReader> jsonl_;
  std::uint64_t records_ = 0;
  BatchHash hash_;
};

/// A strict JSON reader for the one shape of line worth a fast path (see parse_batch_line_fast):
/// it decodes "id" and "text" and checks everything else only for syntax.
class BatchLineParser {
 public:
  explicit BatchLineParser(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool parse(std::string& id, std::string& text) {
    bool have_text = false;
    id.clear();
    ws();
    if (!eat('{'))
      return false;
    ws();
    if (p_ < end_ && *p_ == '}')
      return false;  // no "text"
    for (;;) {
      key_.clear();
      if (p_ == end_ || *p_ != '"' || !string(&key_))
        return false;
      ws();
      if (!eat(':'))
        return false;
      ws();
      if (p_ == end_)
        return false;
      if (key_ == "text") {
        if (*p_ != '"')
          return false;
        text.clear();
        if (!string(&text))
          return false;
        have_text = true;
      } else if (key_ == "id") {
        if (*p_ == '"') {
          id.clear();
          if (!string(&id))
            return false;
        } else if (*p_ == 'n') {
          if (!literal("null"))
            return false;
          id.clear();
        } else if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
          const char* start = p_;
          if (!number())
            return false;
          // Only plain integers read back as the same digits; "-0", 1.0 or 1e3 do not.
          const std::string_view token(start, static_cast<std::size_t>(p_ - start));
          const std::string_view digits = token.substr(token[0] == '-' ? 1 : 0);
          if (digits.empty() || digits.size() > 18 ||
              digits.find_first_not_of("0123456789") != std::string_view::npos || token == "-0")
            return false;
          id.assign(token);
        } else {
          return false;
        }
      } else if (!value(1)) {
        return false;
      }
      ws();
      if (eat(',')) {
        ws();
        continue;
      }
      if (!eat('}'))
        return false;
      ws();
      return p_ == end_ && have_text;
    }
  }

 private:
  static constexpr int kMaxDepth = 64;

  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r'))
      ++p_;
  }
  bool eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }
  static int hex4(const char* p) {
    int v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = p[k];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return -1;
    }
    return v;
  }

  /// The length of the well-formed UTF-8 sequence at p_ (RFC 3629: no overlong forms, no
  /// surrogates, nothing above U+10FFFF), or 0.
  std::size_t utf8_sequence() const {
    const auto at = [&](std::size_t k) {
      return p_ + k < end_ ? static_cast<unsigned char>(p_[k]) : 0;
    };
    const auto cont = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
    const unsigned char b0 = at(0), b1 = at(1);
    if (b0 >= 0xC2 && b0 <= 0xDF)
      return cont(b1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
      const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
      return b1 >= lo && b1 <= hi && cont(at(2)) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
      const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
      return b1 >= lo && b1 <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
    }
    return 0;
  }
  /// At '"': the string, decoded into `out` unless null; raw bytes must be well-formed UTF-8.
  bool string(std::string* out) {
    ++p_;
    const char* run = p_;
    while (p_ < end_) {
      const char c = *p_;
      if (c == '"') {
        if (out)
          out->append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return false;
      if (static_cast<unsigned char>(c) >= 0x80) {
        const auto n = utf8_sequence();
        if (n == 0)
          return false;
        p_ += n;
        continue;
      }
      if (c != '\\') {
        ++p_;
        continue;
      }
      if (out)
        out->append(run, static_cast<std::size_t>(p_ - run));
      if (end_ - p_ < 2)
        return false;
      const char e = p_[1];
      p_ += 2;
      char plain = 0;
      switch (e) {
        case '"':
          plain = '"';
          break;
        case '\\':
          plain = '\\';
          break;
        case '/':
          plain = '/';
          break;
        case 'b':
          plain = '\b';
          break;
        case 'f':
          plain = '\f';
          break;
        case 'n':
          plain = '\n';
          break;
        case 'r':
          plain = '\r';
          break;
        case 't':
          plain = '\t';
          break;
        case 'u': {
          if (end_ - p_ < 4)
            return false;
          const int hi = hex4(p_);
          if (hi < 0)
            return false;
          p_ += 4;
          std::uint32_t cp = static_cast<std::uint32_t>(hi);
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u')
              return false;
            const int lo = hex4(p_ + 2);
            if (lo < 0xDC00 || lo > 0xDFFF)
              return false;
            p_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00);
          }
          if (out)
            text::append_utf8(*out, static_cast<char32_t>(cp));
          break;
        }
        default:
          return false;
      }
      if (plain && out)
        *out += plain;
      run = p_;
    }
    return false;
  }
  bool digits() {
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9')
      ++p_;
    return p_ > start;
  }
  /// A JSON number; like the full parser, one that overflows a double is refused.
  bool number() {
    const char* start = p_;
    eat('-');
    if (p_ == end_)
      return false;
    if (*p_ == '0')
      ++p_;
    else if (!digits())
      return false;
    bool real = false;
    if (eat('.')) {
      real = true;
      if (!digits())
        return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      real = true;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-'))
        ++p_;
      if (!digits())
        return false;
    }
    const auto length = static_cast<std::size_t>(p_ - start);
    if (!real)
      return length <= 300;  // longer integers are left to the full parser
    if (length > 300)
      return false;
    const std::string token(start, length);
    return std::isfinite(std::strtod(token.c_str(), nullptr));
  }
  bool value(int depth) {
    if (p_ == end_ || depth > kMaxDepth)
      return false;
    switch (*p_) {
      case '"':
        return string(nullptr);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      case '{':
      case '[': {
        const char close = *p_ == '{' ? '}' : ']';
        ++p_;
        ws();
        if (eat(close))
          return true;
        for (;;) {
          if (close == '}') {
            if (p_ == end_ || *p_ != '"' || !string(nullptr))
              return false;
            ws();
            if (!eat(':'))
              return false;
            ws();
          }
          if (!value(depth + 1))
            return false;
          ws();
          if (eat(close))
            return true;
          if (!eat(','))
            return false;
          ws();
        }
      }
      default:
        return (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) && number();
    }
  }

  const char* p_;
  const char* end_;
  std::string key_;
};

/// Everything a worker needs to turn a record into its rows.
struct BatchWorkerContext {
  const Matcher& matcher;
  const BatchLabels& labels;
  double present_evidence;
  bool dir;
  std::string input;  // as given, for error locations
};

/// "[json.exception.parse_error.101] parse error at …" → "parse error at …".
std::string batch_json_message(const std::string& what) {
  if (what.starts_with("[json.exception.")) {
    const auto close = what.find("] ");
    if (close != std::string::npos)
      return what.substr(close + 2);
  }
  return what;
}

void batch_fail(const BatchRecord& rec, BatchRow& row, const BatchWorkerContext& ctx,
                const std::string& code, const std::string& message, const std::string& id) {
  row.failed = true;
  BatchError e;
  e.record = rec.number;
  e.file = ctx.dir ? rec.name : ctx.input;
  e.line = ctx.dir ? 0 : rec.line;
  e.id = id;
  e.code = code;
  e.message = message;
  append_batch_error_row(row.error_row, e);
  row.error_text = e.file + (e.line ? ":" + std::to_string(e.line) : "") + ": " + message;
}

void batch_process(const BatchRecord& rec, BatchRow& row, const BatchWorkerContext& ctx) {
  if (!rec.error.empty()) {
    batch_fail(rec, row, ctx, rec.error_code, rec.error, "");
    return;
  }
  std::string id, partial_id;
  try {
    std::string extracted;
    if (ctx.dir) {
      id = rec.name;
      extracted = extract_text(rec.data, detect_input_format(rec.data, rec.name), rec.name);
    } else {
      std::string text;
      if (!parse_batch_line_fast(rec.data, id, text)) {
        // The full parser decides and says why; an id read before the fault names the row.
        partial_id = std::move(id);
        id.clear();
        const auto j = nlohmann::json::parse(rec.data);
        if (!j.is_object())
          throw Error(ErrorCode::parse_error, "the line is not a JSON object");
        if (const auto it = j.find("id"); it != j.end() && !it->is_null())
          id = it->is_string() ? it->get_ref<const std::string&>() : it->dump();
        const auto t = j.find("text");
        if (t == j.end())
          throw Error(ErrorCode::parse_error, "the object has no \"text\"");
        if (!t->is_string())
          throw Error(ErrorCode::parse_error, "\"text\" is not a string");
        text = t->get_ref<const std::string&>();
      }
      const std::string where = ctx.input + ":" + std::to_string(rec.line);
      extracted = extract_text(text, detect_input_format(text, ""), where);
      if (id.empty())
        id = std::to_string(rec.line);
    }
    const auto result = ctx.matcher.analyse(extracted, Detail::summary);
    row.present = present_clusters(result, ctx.present_evidence);
    row.best = result.best_candidate;
    append_batch_csv_row(row.csv, id, result, row.present, ctx.labels);
    append_batch_jsonl_row(row.jsonl, id, result, row.present, ctx.labels);
  } catch (const Error& e) {
    batch_fail(rec, row, ctx, e.code_name(), e.message(), id);
  } catch (const nlohmann::json::exception& e) {
    batch_fail(rec, row, ctx, "parse_error", "not JSON: " + batch_json_message(e.what()),
               id.empty() ? partial_id : id);
  } catch (const std::exception& e) {
    batch_fail(rec, row, ctx, "internal", e.what(), id);
  }
}

/// An output file written through a buffer; `size` counts what is buffered too.
class BatchOutput {
 public:
  /// Fresh: truncated and started with `header`. Resumed: cut back to `size` bytes.
  BatchOutput(const std::string& path, bool fresh, std::uint64_t size, std::string_view header)
      : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (fresh ? O_TRUNC : 0), 0644);
    if (fd_ < 0)
      throw batch_io_error("cannot write", path);
    if (fresh) {
      size_ = 0;
      append(header);
      return;
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0)
      throw batch_io_error("cannot read", path);
    if (static_cast<std::uint64_t>(st.st_size) < size) {
      ::close(fd_);
      fd_ = -1;
      throw Error(ErrorCode::conflict,
                  path + " is shorter than the checkpoint says (" + std::to_string(st.st_size) +
                      " < " + std::to_string(size) + " bytes); start over with --restart",
                  {path, 0, ""});
    }
    if (::ftruncate(fd_, static_cast<off_t>(size)) != 0 ||
        ::lseek(fd_, static_cast<off_t>(size), SEEK_SET) < 0)
      throw batch_io_error("cannot truncate", path);
    size_ = size;
  }
  ~BatchOutput() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  void append(std::string_view s) {
    buf_ += s;
    size_ += s.size();
    if (buf_.size() >= (1 << 20))
      flush();
  }
  void flush() {
    std::size_t done = 0;
    while (done < buf_.size()) {
      const auto n = ::write(fd_, buf_.data() + done, buf_.size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        throw batch_io_error("cannot write", path_);
      done += static_cast<std::size_t>(n);
    }
    buf_.clear();
  }
  /// Flushed and on disk: a checkpoint may then name this size.
  void sync() {
    flush();
    if (::fdatasync(fd_) != 0)
      throw batch_io_error("cannot sync", path_);
  }
  std::uint64_t size() const { return size_; }

 private:
  std::string path_;
  int fd_ = -1;
  std::string buf_;
  std::uint64_t size_ = 0;
};

/// Where a run stands: what checkpoint.json holds.
struct BatchState {
  std::uint64_t records = 0;
  std::uint64_t line = 0;
  std::uint64_t offset = 0;
  std::uint64_t prefix_hash = BatchHash{}.value;
  std::uint64_t csv_size = 0, jsonl_size = 0, errors_size = 0;
  bool complete = false;
  BatchAggregates aggregates;
  std::vector<std::string> first_errors;
};

/// What identifies the input, the structure and the settings a checkpoint belongs to.
struct BatchIdentity {
  std::string path;  // canonical
  bool dir = false;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::string head;  // hash of the first MB (JSONL)
  std::string structure;
  double present_evidence = kPresentEvidence;
};

std::string batch_structure_hash(const Matcher& matcher) {
  const auto& index = matcher.index();
  BatchHash h;
  for (const auto& c : index.candidates()) {
    h.add(std::string_view(c.id));
    h.add(static_cast<std::uint64_t>(c.kind));
    h.add(static_cast<std::uint64_t>(c.groups.size()));
  }
  for (const auto& c : index.clusters()) {
    h.add(std::string_view(c.id));
    h.add(static_cast<std::uint64_t>(c.framework));
  }
  for (const auto& u : index.units())
    h.add(std::string_view(u.text));
  const auto& s = matcher.settings();
  h.add(s.min_match);
  h.add(s.covered);
  h.add(s.segment_length_weight);
  h.add(s.unknown_word_weight);
  h.add(s.min_evidence);
  h.add(s.keyword_weight);
  for (const auto& k : index.keywords())
    h.add(std::string_view(k.text));
  return batch_hex64(h.value);
}

BatchIdentity batch_identity(const BatchOptions& options, bool dir, const Matcher& matcher) {
  BatchIdentity id;
  std::error_code ec;
  id.path = fs::weakly_canonical(options.input, ec).string();
  if (ec)
    id.path = fs::absolute(options.input).lexically_normal().string();
  id.dir = dir;
  id.structure = batch_structure_hash(matcher);
  id.present_evidence = options.present_evidence;
  if (!dir) {
    struct stat st {};
    if (::stat(options.input.c_str(), &st) != 0)
      throw batch_io_error("cannot read", options.input);
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtime = batch_mtime_ns(st);
    std::ifstream in(options.input, std::ios::binary);
    std::string head(kBatchHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    BatchHash h;
    h.add(std::string_view(head));
    id.head = batch_hex64(h.value);
  }
  return id;
}

vakkaart::Json batch_checkpoint_json(const BatchIdentity& id, const BatchState& st) {
  vakkaart::Json input = {{"path", id.path}, {"kind", id.dir ? "directory" : "jsonl"}};
  if (!id.dir) {
    input["size"] = id.size;
    input["mtime_ns"] = id.mtime;
    input["head_hash"] = id.head;
  }
  const auto& agg = st.aggregates;
  auto best = vakkaart::Json::array();
  for (std::size_t c = 0; c < agg.candidate_count(); ++c)
    best.push_back(agg.best(c));
  auto clusters = vakkaart::Json::array();
  auto pairs = vakkaart::Json::array();
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    clusters.push_back(agg.cluster(a));
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      if (agg.pair(a, b) > 0)
        pairs.push_back({a, b, agg.pair(a, b)});
    }
  }
  return {{"version", kBatchCheckpointVersion},
          {"input", std::move(input)},
          {"structure", id.structure},
          {"present_evidence", id.present_evidence},
          {"complete", st.complete},
          {"records", st.records},
          {"line", st.line},
          {"offset", st.offset},
          {"prefix_hash", batch_hex64(st.prefix_hash)},
          {"outputs",
           {{kBatchTextsCsvFile, st.csv_size},
            {kBatchTextsJsonlFile, st.jsonl_size},
            {kBatchErrorsFile, st.errors_size}}},
          {"aggregates",
           {{"texts", agg.texts()},
            {"errors", agg.errors()},
            {"none", agg.none()},
            {"best", std::move(best)},
            {"clusters", std::move(clusters)},
            {"pairs", std::move(pairs)}}},
          {"first_errors", st.first_errors}};
}

/// The checkpoint in out_dir, checked against this run's input, structure and settings; empty
/// when there is none.
std::optional<BatchState> batch_load_checkpoint(const std::string& path, const BatchIdentity& id,
                                                const StructureIndex& index,
                                                const std::string& input) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  const std::string restart = "; start over with --restart, or use another --out";
  vakkaart::Json j;
  try {
    j = vakkaart::Json::parse(in);
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
  }
  try {
    if (j.at("version").get<int>() != kBatchCheckpointVersion)
      throw Error(ErrorCode::conflict, path + " was written by another version" + restart,
                  {path, 0, ""});
    const auto& inp = j.at("input");
    if (inp.at("path").get<std::string>() != id.path ||
        (inp.at("kind").get<std::string>() == "directory") != id.dir)
      throw Error(ErrorCode::conflict,
                  "the report directory holds a run over " + inp.at("path").get<std::string>() +
                      ", not " + id.path + restart,
                  {path, 0, ""});
    if (!id.dir && (inp.at("size").get<std::uint64_t>() != id.size ||
                    inp.at("mtime_ns").get<std::int64_t>() != id.mtime ||
                    inp.at("head_hash").get<std::string>() != id.head))
      throw Error(
          ErrorCode::conflict,
          input + " changed since the checkpoint (size, modification time or content)" + restart,
          {input, 0, ""});
    if (j.at("structure").get<std::string>() != id.structure)
      throw Error(
          ErrorCode::conflict,
          "the database's structure changed since the checkpoint (another import?)" + restart,
          {path, 0, ""});
    if (j.at("present_evidence").get<double>() != id.present_evidence)
      throw Error(ErrorCode::conflict,
                  "the checkpoint was made with another cluster threshold" + restart,
                  {path, 0, ""});
    BatchState st;
    st.complete = j.at("complete").get<bool>();
    st.records = j.at("records").get<std::uint64_t>();
    st.line = j.at("line").get<std::uint64_t>();
    st.offset = j.at("offset").get<std::uint64_t>();
    st.prefix_hash = std::stoull(j.at("prefix_hash").get<std::string>(), nullptr, 16);
    const auto& out = j.at("outputs");
    st.csv_size = out.at(kBatchTextsCsvFile).get<std::uint64_t>();
    st.jsonl_size = out.at(kBatchTextsJsonlFile).get<std::uint64_t>();
    st.errors_size = out.at(kBatchErrorsFile).get<std::uint64_t>();
    const auto& a = j.at("aggregates");
    auto& agg = st.aggregates;
    agg = BatchAggregates(index.candidates().size(), index.clusters().size());
    agg.set_texts(a.at("texts").get<std::uint64_t>());
    agg.set_errors(a.at("errors").get<std::uint64_t>());
    agg.set_none(a.at("none").get<std::uint64_t>());
    const auto& best = a.at("best");
    const auto& clusters = a.at("clusters");
    if (best.size() != agg.candidate_count() || clusters.size() != agg.cluster_count())
      throw Error(ErrorCode::conflict, path + " does not fit the structure" + restart,
                  {path, 0, ""});
    for (std::size_t c = 0; c < best.size(); ++c)
      agg.set_best(c, best[c].get<std::uint64_t>());
    for (std::size_t c = 0; c < clusters.size(); ++c)
      agg.set_cluster(c, clusters[c].get<std::uint64_t>());
    for (const auto& p : a.at("pairs")) {
      const auto pa = p.at(0).get<std::size_t>(), pb = p.at(1).get<std::size_t>();
      if (pa >= pb || pb >= agg.cluster_count())
        throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
      agg.set_pair(pa, pb, p.at(2).get<std::uint64_t>());
    }
    st.first_errors = j.at("first_errors").get<std::vector<std::string>>();
    return st;
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
  }
}

/// The threads of a run and the queues between them.
class BatchPipeline {
 public:
  BatchPipeline(BatchSource& source, const BatchWorkerContext& ctx, unsigned threads)
      : source_(source), ctx_(ctx), max_in_flight_(threads * kBatchInFlightPerThread + 2) {
    reader_ = std::thread([this] { read(); });
    for (unsigned t = 0; t < threads; ++t)
      workers_.emplace_back([this] { work(); });
  }
  ~BatchPipeline() { stop(); }
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  enum class Next { work, wait, end };

  /// The next unit of work in input order, waiting at most `timeout` for it.
  Next next(BatchWork& out, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_);
    auto ready = [&] {
      return done_.count(next_seq_) > 0 || (reader_done_ && next_seq_ == read_seq_);
    };
    done_cv_.wait_for(lock, timeout, ready);
    if (auto it = done_.find(next_seq_); it != done_.end()) {
      out = std::move(it->second);
      done_.erase(it);
      ++next_seq_;
      return Next::work;
    }
    if (reader_done_ && next_seq_ == read_seq_) {
      if (reader_error_)
        std::rethrow_exception(reader_error_);
      return Next::end;
    }
    return Next::wait;
  }

  /// A unit of work is written: room for the reader to read another.
  void release() {
    std::lock_guard lock(m_);
    --in_flight_;
    room_cv_.notify_one();
  }

  void stop() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    stopping_.store(true);
    work_cv_.notify_all();
    room_cv_.notify_all();
    if (reader_.joinable())
      reader_.join();
    for (auto& w : workers_) {
      if (w.joinable())
        w.join();
    }
  }

 private:
  void read() {
    try {
      for (std::uint64_t seq = 0;; ++seq) {
        BatchWork work;
        work.seq = seq;
        std::size_t bytes = 0;
        while (work.records.size() < kBatchWorkRecords && bytes < kBatchWorkBytes &&
               !stopping_.load(std::memory_order_relaxed)) {
          BatchRecord r;
          if (!source_.next(r))
            break;
          bytes += r.data.size() + 64;
          work.records.push_back(std::move(r));
        }
        if (work.records.empty())
          break;
        std::unique_lock lock(m_);
        room_cv_.wait(lock, [&] { return stop_ || in_flight_ < max_in_flight_; });
        if (stop_)
          break;
        ++in_flight_;
        queue_.push_back(std::move(work));
        read_seq_ = seq + 1;
        work_cv_.notify_one();
      }
    } catch (...) {
      std::lock_guard lock(m_);
      reader_error_ = std::current_exception();
    }
    std::lock_guard lock(m_);
    reader_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  void work() {
    for (;;) {
      BatchWork work;
      {
        std::unique_lock lock(m_);
        work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reader_done_; });
        if (stop_ || queue_.empty())
          return;
        work = std::move(queue_.front());
        queue_.pop_front();
      }
      work.rows.resize(work.records.size());
      for (std::size_t k = 0; k < work.records.size(); ++k) {
        batch_process(work.records[k], work.rows[k], ctx_);
        work.records[k].data = std::string();  // the text is done with: free it now
      }
      std::lock_guard lock(m_);
      done_.emplace(work.seq, std::move(work));
      done_cv_.notify_one();
    }
  }

  BatchSource& source_;
  const BatchWorkerContext& ctx_;
  const std::size_t max_in_flight_;
  std::mutex m_;
  std::condition_variable work_cv_, room_cv_, done_cv_;
  std::deque<BatchWork> queue_;
  std::map<std::uint64_t, BatchWork> done_;
  std::size_t in_flight_ = 0;
  std::uint64_t read_seq_ = 0;  // units handed out so far
  std::uint64_t next_seq_ = 0;  // the unit the writer waits for
  bool reader_done_ = false;
  bool stop_ = false;
  std::atomic<bool> stopping_{false};
  std::exception_ptr reader_error_;
  std::thread reader_;
  std::vector<std::thread> workers_;
};

void batch_remove_final_files(const fs::path& dir) {
  std::error_code ec;
  for (const char* name : {"summary.json", "cooccurrence.csv", "report.html"})
    fs::remove(dir / name, ec);
}

}  // namespace

bool parse_batch_line_fast(std::string_view line, std::string& id, std::string& text) {
  return BatchLineParser(line).parse(id, text);
}

std::vector<std::uint32_t> present_clusters(const AnalysisResult& result, double min_evidence) {
  std::vector<std::uint32_t> present;
  for (const auto& c : result.clusters) {
    if (c.evidence >= min_evidence)
      present.push_back(c.index);
  }
  return present;
}

BatchAggregates::BatchAggregates(std::size_t candidates, std::size_t clusters)
    : best_(candidates + 1, 0),
      clusters_(clusters, 0),
      pairs_(clusters < 2 ? 0 : clusters * (clusters - 1) / 2, 0) {}

std::size_t BatchAggregates::pair_slot(std::size_t a, std::size_t b) const {
  if (a > b)
    std::swap(a, b);
  const std::size_t n = clusters_.size();
  return a * (2 * n - a - 1) / 2 + (b - a - 1);
}

void BatchAggregates::add(std::int64_t best_candidate, const std::vector<std::uint32_t>& clusters) {
  ++texts_;
  if (best_candidate >= 0)
    ++best_[static_cast<std::size_t>(best_candidate)];
  else
    ++best_.back();
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    ++clusters_[clusters[i]];
    for (std::size_t j = i + 1; j < clusters.size(); ++j) {
      if (clusters[i] != clusters[j])
        ++pairs_[pair_slot(clusters[i], clusters[j])];
    }
  }
}

std::uint64_t BatchAggregates::pair(std::size_t a, std::size_t b) const {
  return a == b ? 0 : pairs_[pair_slot(a, b)];
}

void BatchAggregates::set_pair(std::size_t a, std::size_t b, std::uint64_t n) {
  if (a != b)
    pairs_[pair_slot(a, b)] = n;
}

std::optional<double> BatchAggregates::lift(std::size_t a, std::size_t b) const {
  if (a == b || clusters_[a] == 0 || clusters_[b] == 0 || texts_ == 0)
    return std::nullopt;
  return static_cast<double>(pair(a, b)) * static_cast<double>(texts_) /
         (static_cast<double>(clusters_[a]) * static_cast<double>(clusters_[b]));
}

BatchSummary run_batch(const Matcher& matcher, const BatchOptions& options) {
  if (options.input.empty())
    throw Error(ErrorCode::invalid_argument, "give a JSONL file or a directory to analyse",
                {"", 0, "--batch"});
  if (options.out_dir.empty())
    throw Error(ErrorCode::invalid_argument, "give a report directory with --out",
                {"", 0, "--out"});
  std::error_code ec;
  const auto status = fs::status(options.input, ec);
  if (ec || !fs::exists(status))
    throw Error(ErrorCode::not_found,
                "cannot read " + options.input + ": no such file or directory",
                {options.input, 0, ""});
  const bool dir = fs::is_directory(status);
  const fs::path out_dir(options.out_dir);
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir))
    throw Error(
        ErrorCode::io_error,
        "cannot create the report directory " + options.out_dir + (ec ? ": " + ec.message() : ""),
        {options.out_dir, 0, "--out"});
  const std::string csv_path = (out_dir / kBatchTextsCsvFile).string();
  const std::string jsonl_path = (out_dir / kBatchTextsJsonlFile).string();
  const std::string errors_path = (out_dir / kBatchErrorsFile).string();
  const std::string checkpoint_path = (out_dir / kBatchCheckpointFile).string();
  if (!dir) {
    for (const auto& p : {csv_path, jsonl_path, errors_path, checkpoint_path}) {
      std::error_code eq;
      if (fs::equivalent(options.input, p, eq))
        throw Error(ErrorCode::invalid_argument,
                    "the input " + options.input + " is one of the report's own files",
                    {options.input, 0, "--batch"});
    }
  }

  const auto& index = matcher.index();
  const BatchLabels labels(index);
  const BatchIdentity identity = batch_identity(options, dir, matcher);
  const BatchReportMeta meta{options.input, options.present_evidence};

  BatchState state;
  bool fresh = true;
  if (!options.restart) {
    if (auto loaded = batch_load_checkpoint(checkpoint_path, identity, index, options.input)) {
      state = std::move(*loaded);
      fresh = false;
    }
  }
  if (fresh)
    state.aggregates = BatchAggregates(index.candidates().size(), index.clusters().size());

  BatchSummary summary;
  summary.out_dir = options.out_dir;
  summary.resumed_from = fresh ? 0 : state.records;
  const auto started = std::chrono::steady_clock::now();
  auto finish = [&](bool complete) {
    summary.aggregates = state.aggregates;
    summary.records = state.records;
    summary.complete = complete;
    summary.first_errors = state.first_errors;
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
  };
  if (state.complete) {
    write_batch_report(options.out_dir, state.aggregates, labels, meta);
    if (options.progress)
      options.progress({state.records, state.records, state.records, 0, 0, true});
    return finish(true);
  }

  batch_remove_final_files(out_dir);
  BatchOutput csv(csv_path, fresh, state.csv_size, batch_csv_header());
  BatchOutput jsonl(jsonl_path, fresh, state.jsonl_size, "");
  BatchOutput errors(errors_path, fresh, state.errors_size, "");

  auto checkpoint = [&] {
    csv.sync();
    jsonl.sync();
    errors.sync();
    state.csv_size = csv.size();
    state.jsonl_size = jsonl.size();
    state.errors_size = errors.size();
    write_batch_file(checkpoint_path, batch_checkpoint_json(identity, state).dump(1) + "\n");
  };
  if (fresh)
    checkpoint();

  fs::path exclude;
  if (dir)
    exclude = fs::weakly_canonical(out_dir, ec);
  BatchSource source(options, dir, exclude);
  if (!fresh) {
    if (dir)
      source.skip_dir(state.records, state.prefix_hash, options.input);
    else
      source.seek_jsonl(state.offset, state.line, state.records);
  }

  // The total is counted beside the run, for the progress bar only.
  std::atomic<bool> counting_stop{false};
  std::atomic<std::int64_t> total{-1};
  std::thread counter;
  if (options.progress) {
    counter = std::thread([&] {
      std::uint64_t n = 0;
      if (dir) {
        BatchDirWalker walker(fs::path(options.input), exclude);
        BatchDirEntry e;
        while (!counting_stop.load(std::memory_order_relaxed) && walker.next(e))
          ++n;
      } else {
        n = batch_count_lines(options.input, counting_stop);
      }
      if (!counting_stop.load())
        total.store(static_cast<std::int64_t>(n));
    });
  }
  struct CounterJoin {
    std::atomic<bool>& stop;
    std::thread& thread;
    ~CounterJoin() {
      stop.store(true);
      if (thread.joinable())
        thread.join();
    }
  } counter_join{counting_stop, counter};

  const unsigned threads =
      options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  const BatchWorkerContext ctx{matcher, labels, options.present_evidence, dir, options.input};
  const std::uint64_t resumed_from = state.records;
  auto last_checkpoint = std::chrono::steady_clock::now();
  auto last_progress = std::chrono::steady_clock::time_point{};
  std::uint64_t records_at_checkpoint = state.records;
  auto report_progress = [&](bool finished) {
    if (!options.progress)
      return;
    const auto now = std::chrono::steady_clock::now();
    if (!finished && now - last_progress < std::chrono::milliseconds(100))
      return;
    last_progress = now;
    const double seconds = std::chrono::duration<double>(now - started).count();
    BatchProgress p;
    p.done = state.records;
    if (const auto t = total.load(); t >= 0)
      p.total = std::max<std::uint64_t>(static_cast<std::uint64_t>(t), state.records);
    p.resumed_from = resumed_from;
    p.seconds = seconds;
    p.texts_per_second =
        seconds > 0 ? static_cast<double>(state.records - resumed_from) / seconds : 0;
    p.finished = finished;
    options.progress(p);
  };

  bool complete = false;
  {
    BatchPipeline pipeline(source, ctx, threads);
    bool stopped = false;
    while (!stopped) {
      if (options.cancel && options.cancel->load())
        break;
      BatchWork work;
      const auto got = pipeline.next(work, std::chrono::milliseconds(100));
      if (got == BatchPipeline::Next::end) {
        complete = true;
        break;
      }
      if (got == BatchPipeline::Next::wait) {
        report_progress(false);
        continue;
      }
      for (std::size_t k = 0; k < work.records.size(); ++k) {
        const auto& rec = work.records[k];
        const auto& row = work.rows[k];
        if (row.failed) {
          errors.append(row.error_row);
          state.aggregates.add_error();
          if (state.first_errors.size() < kBatchFirstErrors)
            state.first_errors.push_back(row.error_text);
        } else {
          csv.append(row.csv);
          jsonl.append(row.jsonl);
          state.aggregates.add(row.best, row.present);
        }
        state.records = rec.number;
        state.line = rec.line;
        state.offset = rec.next_offset;
        state.prefix_hash = rec.prefix_hash;
        if (options.stop_after > 0 && state.records >= options.stop_after) {
          stopped = true;
          break;
        }
      }
      pipeline.release();
      const auto now = std::chrono::steady_clock::now();
      if (state.records - records_at_checkpoint >= options.checkpoint_records ||
          now - last_checkpoint >= options.checkpoint_interval) {
        checkpoint();
        records_at_checkpoint = state.records;
        last_checkpoint = now;
      }
      report_progress(false);
    }
    pipeline.stop();
  }
  checkpoint();
  if (complete) {
    write_batch_report(options.out_dir, state.aggregates, labels, meta);
    state.complete = true;
    write_batch_file(checkpoint_path, batch_checkpoint_json(identity, state).dump(1) + "\n");
  }
  report_progress(true);
  return finish(complete);
}

}  // namespace vakkaart::analysis
