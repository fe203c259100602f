#pragma once

#include <cstddef>
#include <string>

namespace vakkaart::testing {

/// How often `needle` occurs in `haystack`, without overlaps (e.g. elements in markup).
inline std::size_t count_occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace vakkaart::testing
