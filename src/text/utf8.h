#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vakkaart::text {

// The one UTF-8 module: every byte-level walk over UTF-8 in vakkaart goes through these (ICU's
// U8_* macros underneath), so no module decodes UTF-8 by hand.

/// One code point read from UTF-8: its value and how many bytes it took. An ill-formed sequence
/// reads as U+FFFD with `valid` false and the length of the maximal ill-formed subpart (at least
/// one byte), so a walk always advances.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
  bool valid = true;
};

/// The code point starting at byte `at` of `s` (`at` < s.size()).
CodePoint decode_utf8(std::string_view s, std::size_t at);

/// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t cp);

/// True if s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

/// The byte offset of the first ill-formed sequence, or std::string_view::npos.
std::size_t first_invalid_utf8(std::string_view s);

/// The number of code points (an ill-formed sequence counts as one).
std::size_t count_code_points(std::string_view s);

/// The largest code point boundary <= at (at most 3 bytes back: a cut never splits a character).
std::size_t floor_code_point_boundary(std::string_view s, std::size_t at);

/// The first `max_bytes` bytes of s, shortened to a code point boundary.
std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes);

/// True for a character no text a person writes holds and not every format can carry: a C0 or
/// C1 control character other than tab and line breaks, DEL, or a Unicode noncharacter
/// (U+FDD0..U+FDEF and the last two of every plane). XML 1.0 refuses U+FFFE, U+FFFF and C0
/// controls (Word and Excel then refuse the whole file); cairo refuses every noncharacter in PDF
/// metadata; a NUL shown in a page is a broken page.
bool is_forbidden_in_text(char32_t cp);

/// The byte offset of the first character is_forbidden_in_text refuses, or npos. Ill-formed
/// UTF-8 is not this function's concern (first_invalid_utf8 finds it).
std::size_t first_forbidden_character(std::string_view s);

/// `s` without the characters is_forbidden_in_text refuses, ill-formed sequences as U+FFFD: what
/// an XML or PDF writer can take from text stored before it was checked (or from a source, which
/// is kept as written).
std::string without_forbidden_characters(std::string_view s);

/// True for a UTF-8 continuation byte (10xxxxxx).
inline bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace vakkaart::text
