#include "store/line_diff.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace vakkaart::store {

namespace {

enum class DiffStep : unsigned char { equal, skip, insert };

/// Walks Myers' trace back from (n, m) to (0, 0); `trace[d]` holds V[-d..d] after round d.
std::vector<DiffStep> myers_backtrack(const std::vector<std::vector<int>>& trace, int n, int m) {
  std::vector<DiffStep> steps;
  int x = n, y = m;
  for (int d = static_cast<int>(trace.size()) - 1; d > 0; --d) {
    const auto& prev = trace[static_cast<std::size_t>(d - 1)];
    auto at = [&](int k) { return prev[static_cast<std::size_t>(k + d - 1)]; };
    int k = x - y;
    bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    int prev_k = down ? k + 1 : k - 1;
    int prev_x = at(prev_k);
    int prev_y = prev_x - prev_k;
    int mid_x = down ? prev_x : prev_x + 1;
    for (; x > mid_x; --x, --y)
      steps.push_back(DiffStep::equal);
    steps.push_back(down ? DiffStep::insert : DiffStep::skip);
    x = prev_x;
    y = prev_y;
  }
  for (; x > 0; --x)
    steps.push_back(DiffStep::equal);
  std::reverse(steps.begin(), steps.end());
  return steps;
}

/// Myers' greedy shortest edit script of two sequences of line ids; nullopt when it needs more
/// than `max_d` skipped plus inserted lines.
std::optional<std::vector<DiffStep>> myers(const std::vector<int>& a, const std::vector<int>& b,
                                           std::size_t max_d) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int limit = static_cast<int>(std::min<std::size_t>(a.size() + b.size(), max_d));
  const int offset = limit + 1;
  std::vector<int> v(static_cast<std::size_t>(2 * limit + 3), 0);
  auto slot = [&](int k) -> int& { return v[static_cast<std::size_t>(offset + k)]; };
  std::vector<std::vector<int>> trace;
  for (int d = 0; d <= limit; ++d) {
    bool done = false;
    for (int k = -d; k <= d && !done; k += 2) {
      int x = (k == -d || (k != d && slot(k - 1) < slot(k + 1))) ? slot(k + 1) : slot(k - 1) + 1;
      int y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      slot(k) = x;
      done = x >= n && y >= m;
    }
    trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
    if (done)
      return myers_backtrack(trace, n, m);
  }
  return std::nullopt;
}

void push_run(std::vector<DiffRun>& runs, DiffRun::Kind kind, std::size_t count,
              std::size_t first) {
  if (count == 0)
    return;
  if (!runs.empty() && runs.back().kind == kind &&
      (kind != DiffRun::Kind::insert || runs.back().first + runs.back().count == first)) {
    runs.back().count += count;
    return;
  }
  runs.push_back({kind, count, first});
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

std::vector<DiffRun> diff_lines(const std::vector<std::string_view>& from,
                                const std::vector<std::string_view>& to, std::size_t max_changes) {
  std::size_t head = 0;
  while (head < from.size() && head < to.size() && from[head] == to[head])
    ++head;
  std::size_t tail = 0;
  while (tail < from.size() - head && tail < to.size() - head &&
         from[from.size() - 1 - tail] == to[to.size() - 1 - tail])
    ++tail;
  const std::size_t from_end = from.size() - tail, to_end = to.size() - tail;

  // Lines become small integers so the diff compares numbers, not strings.
  std::unordered_map<std::string_view, int> ids;
  auto intern = [&](std::size_t first, std::size_t last, const std::vector<std::string_view>& in) {
    std::vector<int> out;
    out.reserve(last - first);
    for (std::size_t i = first; i < last; ++i)
      out.push_back(ids.emplace(in[i], static_cast<int>(ids.size())).first->second);
    return out;
  };
  std::vector<int> a = intern(head, from_end, from);
  std::vector<int> b = intern(head, to_end, to);

  std::vector<DiffRun> runs;
  push_run(runs, DiffRun::Kind::copy, head, 0);
  auto steps = myers(a, b, max_changes);
  if (!steps) {
    push_run(runs, DiffRun::Kind::skip, a.size(), 0);
    push_run(runs, DiffRun::Kind::insert, b.size(), head);
  } else {
    std::size_t y = head;
    for (DiffStep s : *steps) {
      if (s == DiffStep::equal) {
        push_run(runs, DiffRun::Kind::copy, 1, 0);
        ++y;
      } else if (s == DiffStep::skip) {
        push_run(runs, DiffRun::Kind::skip, 1, 0);
      } else {
        push_run(runs, DiffRun::Kind::insert, 1, y++);
      }
    }
  }
  push_run(runs, DiffRun::Kind::copy, tail, 0);
  return runs;
}

}  // namespace vakkaart::store
