#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::analysis {

/// One unit the matcher reads: a sentence, a list item or a heading of an extracted text.
struct Segment {
  std::string text;       // the segment as written (bullet marker removed, whitespace collapsed)
  std::size_t begin = 0;  // byte offsets of the segment in the extracted text
  std::size_t end = 0;
  int line = 0;         // 1-based line of the extracted text where it starts
  bool bullet = false;  // a list item
  /// A short line without final punctuation followed by other lines (not one of a run of such
  /// lines: that is telegram style), an all-caps line, a line ending in ':', or a short
  /// question over a list ("Wat bieden we?").
  bool heading = false;
};

/// Splits extracted text into sentences and list items, the units the matcher reads.
/// Offsets and lines refer to `text`; segments without any letter are dropped.
std::vector<Segment> segment_text(std::string_view text);

/// Segments hold at most this many words; longer run-on sentences are split at ';', ' - ' or
/// the ', ' nearest their middle.
inline constexpr int kMaxSegmentWords = 60;

}  // namespace vakkaart::analysis
