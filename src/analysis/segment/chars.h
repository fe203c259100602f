#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/utf8.h"

// The segmenter's character classes and the byte tables its line reader runs on. Inline: they
// sit in the inner loops of segment_text.
namespace vakkaart::analysis::segmenter_detail {

/// The code point at s[i] and its length; a byte that does not start UTF-8 is itself (len 1),
/// so Latin-1 letters in a text that escaped decoding still read as letters.
inline char32_t seg_decode(std::string_view s, std::size_t i, std::size_t& len) {
  const text::CodePoint cp = text::decode_utf8(s, i);
  if (!cp.valid) {
    len = 1;
    return static_cast<unsigned char>(s[i]);
  }
  len = cp.length;
  return cp.value;
}

enum class CharKind : std::uint8_t { other, lower, upper, caseless_letter, digit, space };

/// Letters of Latin-1 and Latin Extended-A by case (Dutch, French and German names); other
/// scripts count as letters without case; punctuation, symbols and the private use area not.
inline CharKind seg_kind(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z')
      return CharKind::lower;
    if (cp >= 'A' && cp <= 'Z')
      return CharKind::upper;
    if (cp >= '0' && cp <= '9')
      return CharKind::digit;
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D))
      return CharKind::space;
    return CharKind::other;
  }
  if (cp < 0xC0) {
    if (cp == 0xA0)
      return CharKind::space;
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA ? CharKind::lower : CharKind::other;
  }
  if (cp <= 0xFF) {
    if (cp == 0xD7 || cp == 0xF7)
      return CharKind::other;
    return cp < 0xDF ? CharKind::upper : CharKind::lower;
  }
  if (cp <= 0x17F) {
    bool lower = cp % 2 == 1;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      lower = cp % 2 == 0;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
      lower = true;
    if (cp == 0x178)
      lower = false;
    return lower ? CharKind::lower : CharKind::upper;
  }
  if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000)
    return CharKind::space;
  if (cp < 0x2000 || (cp >= 0x3040 && cp < 0xE000) || (cp >= 0xF900 && cp < 0xFE00))
    return CharKind::caseless_letter;
  return CharKind::other;
}

inline bool seg_is_letter(CharKind k) {
  return k == CharKind::lower || k == CharKind::upper || k == CharKind::caseless_letter;
}

inline bool seg_is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// True when s holds g at i (g is a short literal: a byte loop beats memcmp here).
inline bool seg_has(std::string_view s, std::size_t i, std::string_view g);

template <std::size_t N>
inline bool seg_has(std::string_view s, std::size_t i, const char (&g)[N]) {
  return seg_has(s, i, std::string_view(g, N - 1));
}

inline bool seg_has(std::string_view s, std::size_t i, std::string_view g) {
  if (i + g.size() > s.size())
    return false;
  for (std::size_t k = 0; k < g.size(); ++k)
    if (s[i + k] != g[k])
      return false;
  return true;
}

/// How the line reader treats each byte. (It reads kByteUpper and kByteSpace by shifting: keep
/// them at bits 1 and 3. '\n' never reaches it: lines are split first.)
enum SegByteClass : std::uint8_t {
  kByteLower = 1,
  kByteUpper = 2,
  kByteDigit = 4,
  kByteSpace = 8,    // ASCII white space
  kBytePunct = 16,   // '.', '!', '?': a possible sentence end
  kByteDecode = 32,  // the lead byte of a character to look at: Latin letters, Unicode spaces,
                     // "…" and bullet glyphs
};

inline constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c)
    t[c] = kByteLower;
  for (int c = 'A'; c <= 'Z'; ++c)
    t[c] = kByteUpper;
  for (int c = '0'; c <= '9'; ++c)
    t[c] = kByteDigit;
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = kByteSpace;
  t['.'] = t['!'] = t['?'] = kBytePunct;
  for (int c : {0xC2, 0xC3, 0xC4, 0xC5, 0xE2, 0xE3})
    t[c] = kByteDecode;
  return t;
}();

/// Bytes that end a run of non-space bytes in a segment: ASCII white space and the lead bytes
/// of the Unicode spaces (U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000).
inline constexpr std::array<bool, 256> kRunStop = [] {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = t['\n'] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = true;
  return t;
}();

inline bool seg_is_blank_byte(char c) {
  return seg_is_space_byte(c) || c == '\n';
}

/// "…" (U+2026) at s[i].
inline bool seg_ellipsis_at(std::string_view s, std::size_t i) {
  return seg_has(s, i, "\u2026");
}

/// A bullet glyph that may separate items inside one line ("Taken: • plannen • organiseren").
inline std::size_t seg_inline_bullet_at(std::string_view s, std::size_t i) {
  static constexpr std::string_view kInlineBullets[] = {"\u2022", "\u25AA", "\u25CF", "\u25A0",
                                                        "\u25E6"};
  for (std::string_view g : kInlineBullets)
    if (seg_has(s, i, g))
      return g.size();
  return 0;
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
inline std::size_t seg_closing_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']')
    return 1;
  static constexpr std::string_view kClosingQuotes[] = {"\u201D", "\u2019", "\u00BB"};
  for (std::string_view g : kClosingQuotes)
    if (seg_has(s, i, g))
      return g.size();
  return 0;
}

/// What may open a sentence besides an upper-case letter or a digit: quotes, a bracket, a bullet.
inline bool seg_opening_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[')
    return true;
  if ((c == '-' || c == '*') && i + 1 < s.size() && s[i + 1] == ' ')
    return true;
  static constexpr std::string_view kOpeningQuotes[] = {"\u201C", "\u2018", "\u201E", "\u00AB",
                                                        "\u2013 "};
  for (std::string_view g : kOpeningQuotes)
    if (seg_has(s, i, g))
      return true;
  return seg_inline_bullet_at(s, i) > 0;
}

}  // namespace vakkaart::analysis::segmenter_detail
