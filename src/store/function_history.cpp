#include "store/function_history.h"

#include <charconv>
#include <cstdint>

#include "core/error.h"
#include "store/line_diff.h"

namespace vakkaart::store::history {

namespace {

constexpr std::string_view kDeltaMagic = "vkd1 ";

/// FNV-1a 64: checks that a replayed version is the text its delta was made for, so a damaged
/// row becomes an error instead of a silently different function.
std::uint64_t history_fnv1a(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string history_hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4)
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
  return out;
}

[[noreturn]] void delta_damaged(const std::string& why) {
  throw Error(ErrorCode::database_error, "a stored change is damaged (" + why + ")");
}

/// Reads a whole number ending at `end_char` from the front of `in`, consuming both.
std::size_t read_delta_count(std::string_view& in, char end_char) {
  std::size_t value = 0;
  auto [stop, ec] = std::from_chars(in.data(), in.data() + in.size(), value);
  if (ec != std::errc() || stop == in.data() || stop == in.data() + in.size() || *stop != end_char)
    delta_damaged("a count is not a number");
  in.remove_prefix(static_cast<std::size_t>(stop - in.data()) + 1);
  return value;
}

struct DeltaHeader {
  std::size_t bytes = 0;
  std::uint64_t hash = 0;
  std::string_view runs;
};

DeltaHeader read_delta_header(std::string_view delta) {
  if (delta.substr(0, kDeltaMagic.size()) != kDeltaMagic)
    delta_damaged("no delta header");
  delta.remove_prefix(kDeltaMagic.size());
  DeltaHeader h;
  h.bytes = read_delta_count(delta, ' ');
  if (delta.size() < 17 || delta[16] != '\n')
    delta_damaged("no checksum");
  auto [stop, ec] = std::from_chars(delta.data(), delta.data() + 16, h.hash, 16);
  if (ec != std::errc() || stop != delta.data() + 16)
    delta_damaged("the checksum is not hexadecimal");
  h.runs = delta.substr(17);
  return h;
}

/// The lines of the new text: `from` with the runs applied. Inserted lines are views into
/// `runs`, which must outlive the result.
std::vector<std::string_view> apply_delta_runs(const std::vector<std::string_view>& from,
                                               std::string_view runs) {
  std::vector<std::string_view> out;
  out.reserve(from.size() + 16);
  std::size_t at = 0;
  while (!runs.empty()) {
    char op = runs.front();
    runs.remove_prefix(1);
    std::size_t n = read_delta_count(runs, '\n');
    if (op == '=' || op == '-') {
      if (n > from.size() - at)
        delta_damaged("it runs past the end of the version before");
      if (op == '=')
        out.insert(out.end(), from.begin() + static_cast<std::ptrdiff_t>(at),
                   from.begin() + static_cast<std::ptrdiff_t>(at + n));
      at += n;
    } else if (op == '+') {
      if (n > runs.size())
        delta_damaged("inserted text is cut short");
      for (auto line : split_lines(runs.substr(0, n)))
        out.push_back(line);
      runs.remove_prefix(n);
    } else {
      delta_damaged(std::string("unknown run '") + op + "'");
    }
  }
  if (at != from.size())
    delta_damaged("it leaves part of the version before unread");
  return out;
}

std::size_t lines_bytes(const std::vector<std::string_view>& lines) {
  std::size_t n = 0;
  for (auto l : lines)
    n += l.size();
  return n;
}

std::string join_line_views(const std::vector<std::string_view>& lines, std::size_t bytes) {
  std::string out;
  out.reserve(bytes);
  for (auto l : lines)
    out.append(l);
  return out;
}

/// Applies each delta of `chain` after its snapshot on line views; checks each result's size and
/// the last one's checksum.
std::string replay_checked(const std::vector<VersionRecord>& chain) {
  if (chain.empty() || chain.front().delta_base)
    delta_damaged("no snapshot heads the versions");
  std::vector<std::string_view> lines = split_lines(chain.front().data);
  std::size_t bytes = chain.front().data.size();
  std::uint64_t hash = 0;
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const auto& r = chain[i];
    if (r.delta_base != chain[i - 1].version)
      delta_damaged("version " + std::to_string(r.version) + " is not a change of version " +
                    std::to_string(chain[i - 1].version));
    DeltaHeader h = read_delta_header(r.data);
    lines = apply_delta_runs(lines, h.runs);
    bytes = lines_bytes(lines);
    if (bytes != h.bytes)
      delta_damaged("version " + std::to_string(r.version) + " has the wrong size");
    hash = h.hash;
  }
  std::string body = join_line_views(lines, bytes);
  if (chain.size() > 1 && history_fnv1a(body) != hash)
    delta_damaged("version " + std::to_string(chain.back().version) + " fails its checksum");
  return body;
}

}  // namespace

void ChainTail::push(const VersionRecord& record) {
  last_version = record.version;
  if (!record.delta_base) {
    deltas = 0;
    delta_bytes = 0;
  } else {
    ++deltas;
    delta_bytes += record.data.size();
  }
}

ChainTail chain_tail(const std::vector<RecordInfo>& newest_first, int current_version) {
  if (newest_first.empty() || newest_first.front().version != current_version)
    return {};
  ChainTail tail;
  for (std::size_t i = 0; i < newest_first.size(); ++i) {
    const auto& r = newest_first[i];
    if (!r.delta_base) {
      tail.last_version = current_version;
      return tail;
    }
    if (i + 1 == newest_first.size() || *r.delta_base != newest_first[i + 1].version)
      return {};  // a gap: start afresh rather than extend a chain that cannot be read
    ++tail.deltas;
    tail.delta_bytes += r.bytes;
  }
  return {};
}

VersionRecord encode_version(const ChainTail& tail, std::string_view previous, int version,
                             std::string_view body) {
  if (tail.last_version == 0 || tail.deltas + 1 >= kSnapshotEvery)
    return {version, std::nullopt, std::string(body)};
  std::string delta = encode_delta(previous, body);
  if (tail.delta_bytes + delta.size() > body.size())
    return {version, std::nullopt, std::string(body)};
  return {version, tail.last_version, std::move(delta)};
}

std::string encode_delta(std::string_view from, std::string_view to) {
  auto old_lines = split_lines(from);
  auto new_lines = split_lines(to);
  std::string out(kDeltaMagic);
  out += std::to_string(to.size()) + " " + history_hex(history_fnv1a(to)) + "\n";
  for (const auto& run : diff_lines(old_lines, new_lines)) {
    switch (run.kind) {
      case DiffRun::Kind::copy:
        out += "=" + std::to_string(run.count) + "\n";
        break;
      case DiffRun::Kind::skip:
        out += "-" + std::to_string(run.count) + "\n";
        break;
      case DiffRun::Kind::insert: {
        std::size_t bytes = 0;
        for (std::size_t i = run.first; i < run.first + run.count; ++i)
          bytes += new_lines[i].size();
        out += "+" + std::to_string(bytes) + "\n";
        for (std::size_t i = run.first; i < run.first + run.count; ++i)
          out.append(new_lines[i]);
        break;
      }
    }
  }
  return out;
}

std::string apply_delta(std::string_view from, std::string_view delta) {
  std::vector<VersionRecord> chain{{1, std::nullopt, std::string(from)},
                                   {2, 1, std::string(delta)}};
  return replay_checked(chain);
}

std::string replay(const std::vector<VersionRecord>& chain, const std::string& what) {
  try {
    return replay_checked(chain);
  } catch (const Error& e) {
    throw Error(ErrorCode::database_error, what + " cannot be read: " + e.message());
  }
}

}  // namespace vakkaart::store::history
