#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "text/text_utils.h"

// What the job-text readers (analysis/input/*.cpp) share: character classes, the cleaning of
// one output line, bullet markers, and the LineWriter that assembles the extracted text. Not
// part of the public API (analysis/input/input.h).
namespace vakkaart::analysis::input_detail {

constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;

/// Lower-case letters of ASCII, Latin-1 and Latin Extended-A.
bool is_lower_code_point(char32_t cp);

/// Letters: by case in the Latin ranges, other scripts as caseless letters.
bool is_letter_code_point(char32_t cp);

/// The last code point of s (0 when empty); `start` (if given) gets where it starts.
char32_t last_code_point(std::string_view s, std::size_t* start = nullptr);

/// True when the first letter of s (after opening quotes and brackets) is lower case.
bool starts_lower(std::string_view s);

using text::ascii_iequals;
using text::ascii_lower;

/// True when `name` is one of `names`.
bool in_list(std::string_view name, std::initializer_list<std::string_view> names);

/// One line of output text: collapses every run of whitespace (Unicode spaces, tabs, line
/// breaks) to one space, drops invisible characters, spells out typographic ligatures (PDF),
/// turns private-use bullets into "•", replaces bytes that are not UTF-8 by U+FFFD, trims.
std::string clean_line(std::string_view raw);

/// Length of a bullet marker (glyph and following spaces) at the start of a cleaned line, or 0.
/// Dashes, '*', '·' and 'o' count only when a space follows; '•' and its relatives also glued to
/// the text.
std::size_t bullet_marker_length(std::string_view line);

/// Builds the extracted text of a structured document: inline text goes into the current line;
/// blocks, list items and breaks end it. Each line is cleaned as it ends; a line that starts
/// with a bullet glyph becomes a list item.
class LineWriter {
 public:
  void text(std::string_view s) { line_.append(s); }
  /// Ends the current line, if it has any text.
  void end_line();
  void begin_item() {
    end_line();
    item_ = true;
  }
  void end_item() {
    end_line();
    item_ = false;
  }
  std::string finish() {
    end_line();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool item_ = false;
};

}  // namespace vakkaart::analysis::input_detail
