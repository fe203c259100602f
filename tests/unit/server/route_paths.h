#pragma once

#include <string>

namespace vakkaart::testing {

/// A route's pattern with every capture group replaced by `value` and regex escapes undone:
/// "/api/functions/{}/versions/{}" for R"(/api/functions/([A-Za-z0-9_-]+)/versions/(\d+))" and
/// "{}", or a path to request for a sample id.
inline std::string path_with(const std::string& pattern, const std::string& value) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      if (depth == 0)
        out += pattern[i + 1];
      ++i;
    } else if (c == '(') {
      if (depth++ == 0)
        out += value;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

}  // namespace vakkaart::testing
