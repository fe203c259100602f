#include "analysis/input/reader_lines.h"

#include <algorithm>
#include <array>

#include "text/utf8.h"

namespace vakkaart::analysis::input_detail {

namespace {

bool is_space_code_point(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

/// Invisible characters that only steer layout: soft hyphen, zero-width (non-)joiners and
/// spaces, word joiner, byte order mark, object replacement.
bool is_invisible_code_point(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0xFFFC;
}

/// Bullets that Word's Symbol and Wingdings fonts leave in the private use area of a PDF or a
/// copied text.
bool is_private_bullet(char32_t cp) {
  return cp == 0xF0B7 || cp == 0xF0A7 || cp == 0xF0D8 || cp == 0xF0FC || cp == 0xF076 ||
         cp == 0xF06E || cp == 0xF0A8 || cp == 0xF0E0;
}

}  // namespace

bool is_lower_code_point(char32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF)
    return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      return cp % 2 == 0;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
      return true;
    if (cp == 0x178)
      return false;
    return cp % 2 == 1;
  }
  return false;
}

bool is_letter_code_point(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return false;
  return cp < 0x2000 || (cp >= 0x3040 && cp < 0xE000) || (cp >= 0xF900 && cp < 0xFE00);
}

char32_t last_code_point(std::string_view s, std::size_t* start) {
  if (s.empty())
    return 0;
  const std::size_t i = text::floor_code_point_boundary(s, s.size() - 1);
  if (start)
    *start = i;
  return text::decode_utf8(s, i).value;
}

bool starts_lower(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const text::CodePoint cp = text::decode_utf8(s, i);
    if (is_letter_code_point(cp.value))
      return is_lower_code_point(cp.value);
    if (cp.value != '"' && cp.value != '\'' && cp.value != '(' && cp.value != '[' &&
        cp.value != 0x2018 && cp.value != 0x201C && cp.value != 0xAB)
      return false;
    i += cp.length;
  }
  return false;
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// One line of output text: collapses every run of whitespace (Unicode spaces, tabs, line
/// breaks) to one space, drops invisible characters, spells out typographic ligatures (PDF),
/// turns private-use bullets into "•", replaces bytes that are not UTF-8 by U+FFFD, trims.
std::string clean_line(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (std::size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c < 0x80) {
      ++i;
      if (c <= ' ' || c == 0x7F) {
        space = true;
        continue;
      }
      if (space && !out.empty())
        out += ' ';
      space = false;
      out += static_cast<char>(c);
      continue;
    }
    const text::CodePoint decoded = text::decode_utf8(raw, i);
    const char32_t cp = decoded.value;  // U+FFFD for bytes that are not UTF-8
    i += decoded.length;
    if (is_space_code_point(cp) || (cp >= 0x80 && cp < 0xA0)) {
      space = true;
      continue;
    }
    if (is_invisible_code_point(cp))
      continue;
    if (space && !out.empty())
      out += ' ';
    space = false;
    if (cp >= 0xFB00 && cp <= 0xFB06) {
      static constexpr std::array<const char*, 7> kLigatures = {"ff",  "fi", "fl", "ffi",
                                                                "ffl", "st", "st"};
      out += kLigatures[cp - 0xFB00];
    } else if (is_private_bullet(cp)) {
      out += "\u2022";
    } else {
      text::append_utf8(out, cp);
    }
  }
  return out;
}

/// Length of a bullet marker (glyph and following spaces) at the start of a cleaned line, or 0.
/// Dashes, '*', '·' and 'o' count only when a space follows; '•' and its relatives also glued to
/// the text.
std::size_t bullet_marker_length(std::string_view line) {
  static constexpr std::array<std::string_view, 13> kGlyphs = {
      "\u2022", "\u25AA", "\u25CF", "\u25A0", "\u25E6", "\u2023", "\u25BA",
      "\u27A2", "\u2713", "\u2714", "\u25B8", "\u2043", "\u25C6"};
  static constexpr std::array<std::string_view, 6> kSpaced = {"-",      "*",      "\u2013",
                                                              "\u2014", "\u00B7", "o"};
  for (std::string_view g : kGlyphs) {
    if (line.starts_with(g)) {
      std::size_t n = g.size();
      while (n < line.size() && line[n] == ' ')
        ++n;
      return n;
    }
  }
  for (std::string_view g : kSpaced) {
    if (line.size() > g.size() + 1 && line.starts_with(g) && line[g.size()] == ' ' &&
        line[g.size() + 1] != ' ')
      return g.size() + 1;
  }
  return 0;
}

void LineWriter::end_line() {
  std::string cleaned = clean_line(line_);
  line_.clear();
  if (cleaned.empty())
    return;
  bool item = item_;
  item_ = false;  // only an item's first line carries the marker
  if (std::size_t marker = bullet_marker_length(cleaned); marker > 0) {
    if (marker == cleaned.size())
      return;  // a bullet alone
    cleaned.erase(0, marker);
    item = true;
  }
  if (!out_.empty())
    out_ += '\n';
  if (item)
    out_ += "- ";
  out_ += cleaned;
}

}  // namespace vakkaart::analysis::input_detail
