#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// The segmenter's line reader: one pass over each line of the extracted text, noting how it
// starts and ends, its words, its list marker and where a sentence may end in it.
namespace vakkaart::analysis::segmenter_detail {

enum class LineEnd : std::uint8_t {
  none,       // a letter, digit or anything else
  sentence,   // . ! ? … (closing quotes allowed)
  colon,      // a list intro
  semicolon,  // a list item of a sentence
  comma,
  hyphen,  // letter + '-': a word broken over two lines
};

/// One line of the extracted text as the segmenter reads it.
struct Line {
  std::uint32_t start = 0;       // first byte of the line
  std::uint32_t begin = 0;       // first non-space byte
  std::uint32_t text_begin = 0;  // after the bullet marker
  std::uint32_t end = 0;         // after the last non-space byte
  std::uint32_t punct = 0;       // position of the final punctuation (LineEnd::sentence)
  std::uint16_t words = 0;
  LineEnd ending = LineEnd::none;
  bool blank = true;
  bool bullet = false;
  bool lower_start = false;  // the first letter is lower case
  bool upper_start = false;  // the first letter is upper case, or it starts with a digit
  bool all_caps = false;     // at least two letters, none lower case
  bool function_end = false;
  bool indented = false;  // leading white space
  bool clean = false;     // words separated by single ASCII spaces only
};

/// Reads one line s[start, end): trims it, finds a list marker, counts its words, sees how it
/// starts and ends, and notes the places where a sentence may end (`candidates`, ascending).
Line seg_read_line(std::string_view s, std::size_t start, std::size_t end,
                   std::vector<std::uint32_t>& candidates);

/// A short line without final punctuation: a heading, or an item of a telegram-style text.
inline bool seg_short_plain(const Line& l) {
  return !l.blank && !l.bullet && l.words <= 8 && l.ending == LineEnd::none && !l.function_end;
}

}  // namespace vakkaart::analysis::segmenter_detail
