#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace vakkaart::store {

/// `text` cut after each '\n' (each line keeps its '\n'; the last one may lack it). The views
/// point into `text`; joining them gives `text` back byte for byte.
std::vector<std::string_view> split_lines(std::string_view text);

/// One run of a line diff, read in order: copy the next `count` lines of the old text, skip
/// them, or insert the new text's lines [first, first + count).
struct DiffRun {
  enum class Kind { copy, skip, insert };
  Kind kind = Kind::copy;
  std::size_t count = 0;
  std::size_t first = 0;  // insert only: index of the first inserted line in the new text
};

/// The runs that turn `from` into `to`: the common head and tail are copied, the middle is
/// Myers' O(ND) shortest edit script. When more than `max_changes` lines differ, the middle is
/// skipped and inserted whole: still exact, only larger, and it keeps the time (O(N·D)) and the
/// memory (O(D²)) of one diff bounded.
std::vector<DiffRun> diff_lines(const std::vector<std::string_view>& from,
                                const std::vector<std::string_view>& to,
                                std::size_t max_changes = 1000);

}  // namespace vakkaart::store
