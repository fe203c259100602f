#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::store::history {

// How a function's saved versions are kept, whatever the backend: each version is a snapshot
// (its whole canonical JSON) or a delta against the version saved just before it, a line diff
// of the canonical JSON (2-space indented, one value per line, so an edit touches a few lines
// of thousands). Backends store VersionRecords as rows and call these functions; they never
// read a delta themselves.

/// At most this many versions per chain: a snapshot, then up to 199 deltas, so opening any
/// version applies at most 199 deltas. Why 200: storage per version is (snapshot / N) + delta.
/// A 60-block function is ~320 KB and one edit's delta ~0.1-1 KB, so at N = 100 the snapshots
/// were 32 of 38 MB for 10,000 edits; at 200 they are half that (22 MB in all), while the worst
/// open (199 deltas on a list of line views, about 2 ms) stays well below parsing the JSON it
/// gives (about 5 ms; bench/function_history_bench.cpp). A chain also ends early once its deltas
/// together outweigh the body (large rewrites, imports), which keeps the bytes read for one
/// version below about twice the body.
constexpr int kSnapshotEvery = 200;

/// How one version is kept.
struct VersionRecord {
  int version = 0;
  /// nullopt: `data` is the whole body (a snapshot); else `data` is a delta against this version.
  std::optional<int> delta_base;
  std::string data;
};

/// A stored version as the write path sees it, without its data.
struct RecordInfo {
  int version = 0;
  std::optional<int> delta_base;
  std::size_t bytes = 0;
};

/// The chain a new version would extend: the last saved version and what lies since its
/// snapshot.
struct ChainTail {
  int last_version = 0;  // 0: no usable chain, the next version is a snapshot
  int deltas = 0;        // deltas since the snapshot heading the chain
  std::size_t delta_bytes = 0;

  /// The tail after `record` was saved on top of it.
  void push(const VersionRecord& record);
};

/// The tail from the newest stored records (newest first; kSnapshotEvery of them suffice). It
/// is no usable chain unless the newest is `current_version` and a snapshot is reached through
/// unbroken deltas.
ChainTail chain_tail(const std::vector<RecordInfo>& newest_first, int current_version);

/// How `body`, saved as `version` after the tail's last version whose body is `previous`, is
/// kept: a snapshot when the chain is full or its deltas would outweigh `body`, else a delta.
VersionRecord encode_version(const ChainTail& tail, std::string_view previous, int version,
                             std::string_view body);

/// The delta turning `from` into `to`: "vkd1 <bytes of to> <FNV-1a 64 of to>\n", then runs
/// "=N\n" (copy N lines), "-N\n" (skip N lines), "+B\n" and B bytes of new lines. Text only
/// (ASCII plus whole UTF-8 lines of `to`), so any backend stores it in a text column.
std::string encode_delta(std::string_view from, std::string_view to);

/// `from` with `delta` applied; Error(database_error) when the delta is malformed, does not fit
/// `from`, or does not give back the text it was made for.
std::string apply_delta(std::string_view from, std::string_view delta);

/// The body of the last record of `chain`: a snapshot followed by unbroken deltas, ascending.
/// Error(database_error) naming `what` when the chain or a delta in it is damaged.
std::string replay(const std::vector<VersionRecord>& chain, const std::string& what);

}  // namespace vakkaart::store::history
