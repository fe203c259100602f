#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/input/input.h"
#include "core/error.h"

// What the parts of a bulk run (reader, walker, workers, writer, checkpoint) share: the limits
// that bound memory, the records handed from reader to worker to writer, and a stable hash.
namespace vakkaart::analysis::batch {

/// Records per unit of work: enough that handing work around costs nothing next to matching,
/// few enough that every thread stays busy to the end.
inline constexpr std::size_t kBatchWorkRecords = 64;
/// A unit of work also ends once its records hold this many bytes.
inline constexpr std::size_t kBatchWorkBytes = 1 << 20;
/// Units of work in flight (queued, being matched, or waiting for their turn to be written) per
/// worker thread: what bounds memory whatever the input's size.
inline constexpr std::size_t kBatchInFlightPerThread = 4;
/// The longest JSONL line read: the largest text accepted, every byte escaped, and room for
/// other fields. Longer lines are skipped as errors without being held in memory.
inline constexpr std::size_t kBatchMaxLine = 2 * kMaxInputBytes + (1 << 16);
inline constexpr std::size_t kBatchReadChunk = 1 << 20;
/// The identity of a JSONL input includes a hash of its first bytes.
inline constexpr std::size_t kBatchHeadBytes = 1 << 20;
inline constexpr std::size_t kBatchFirstErrors = 5;
inline constexpr int kBatchCheckpointVersion = 1;
inline constexpr std::size_t kBatchMiB = std::size_t{1} << 20;

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

/// v as 16 lower-case hex digits.
std::string batch_hex64(std::uint64_t v);

/// An io_error naming the path and errno's message.
Error batch_io_error(const std::string& what, const std::string& path);

/// A file's modification time in nanoseconds.
std::int64_t batch_mtime_ns(const struct stat& st);

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

/// A unit of work: records read together, and their rows once a worker is done.
struct BatchWork {
  std::uint64_t seq = 0;
  std::vector<BatchRecord> records;
  std::vector<BatchRow> rows;
};

}  // namespace vakkaart::analysis::batch
