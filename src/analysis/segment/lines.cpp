#include "analysis/segment/lines.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "analysis/segment/chars.h"
#include "analysis/segment/word_lists.h"

namespace vakkaart::analysis::segmenter_detail {

namespace {

/// Length of a list marker at s[i] ("- ", "• ", "1. ", "a) ", ...) up to the item's text, or 0.
std::size_t seg_bullet_marker(std::string_view s, std::size_t i, std::size_t end) {
  const auto spaced = [&](std::size_t n) -> std::size_t {
    // The marker is n bytes; one or more spaces and then text must follow.
    std::size_t k = i + n;
    if (k >= end || !seg_is_space_byte(s[k]))
      return 0;
    while (k < end && seg_is_space_byte(s[k]))
      ++k;
    return k < end ? k - i : 0;
  };
  const char c = s[i];
  if (c == '-' || c == '*' || c == 'o')
    return spaced(1);
  if (c >= '0' && c <= '9') {
    std::size_t n = 1;
    while (n < 3 && i + n < end && s[i + n] >= '0' && s[i + n] <= '9')
      ++n;
    if (i + n < end && (s[i + n] == '.' || s[i + n] == ')'))
      return spaced(n + 1);
    return 0;
  }
  if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && i + 1 < end && s[i + 1] == ')')
    return spaced(2);
  if (c == '(' && i + 2 < end && s[i + 2] == ')' &&
      ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= '0' && s[i + 1] <= '9')))
    return spaced(3);
  if (static_cast<unsigned char>(c) < 0x80)
    return 0;
  // Dashes and the middle dot need a space after them; real bullet glyphs may be glued.
  static constexpr std::string_view kSpacedMarkers[] = {"\u2013", "\u2014", "\u00B7"};
  for (std::string_view g : kSpacedMarkers)
    if (seg_has(s, i, g))
      return spaced(g.size());
  static constexpr std::string_view kBulletGlyphs[] = {
      "\u2022", "\u25AA", "\u25CF", "\u25A0", "\u25E6", "\u2023", "\u25BA", "\u25B8",
      "\u27A2", "\u2713", "\u2714", "\u2043", "\u25C6", "\uF0B7", "\uF0A7", "\uF0D8"};
  for (std::string_view g : kBulletGlyphs) {
    if (seg_has(s, i, g)) {
      std::size_t k = i + g.size();
      while (k < end && seg_is_space_byte(s[k]))
        ++k;
      return k < end ? k - i : 0;
    }
  }
  return 0;
}

/// The running counts of the line reader.
struct LineScan {
  unsigned words = 0;
  unsigned upper = 0;       // upper-case letters
  bool lower = false;       // any lower-case letter
  unsigned prev_space = 1;  // the byte before was white space (or the line starts)
  bool unclean = false;     // white space other than single ASCII spaces

  /// A character that needs a closer look: sentence punctuation, or a lead byte of Latin
  /// letters, Unicode spaces, "…" or bullets. Returns its length.
  std::size_t special(std::string_view s, std::size_t i, std::vector<std::uint32_t>& candidates) {
    if (kByteClass[static_cast<unsigned char>(s[i])] & kBytePunct) {
      candidates.push_back(static_cast<std::uint32_t>(i));
    } else {
      std::size_t len = 1;
      const char32_t cp = seg_decode(s, i, len);
      const CharKind k = seg_kind(cp);
      if (k == CharKind::space) {
        unclean = true;
        prev_space = 1;
        return len;
      }
      if (cp == 0x2026 || seg_inline_bullet_at(s, i) > 0)
        candidates.push_back(static_cast<std::uint32_t>(i));
      upper += k == CharKind::upper;
      lower |= k == CharKind::lower;
      words += prev_space;
      prev_space = 0;
      return len;
    }
    words += prev_space;
    prev_space = 0;
    return 1;
  }

  /// Reads s[i, stop) a byte at a time, branch-free but for the special bytes. Returns where it
  /// stopped: past `stop` when a character runs over it.
  std::size_t bytes(std::string_view s, std::size_t i, std::size_t stop,
                    std::vector<std::uint32_t>& candidates) {
    while (i < stop) {
      const auto c = static_cast<unsigned char>(s[i]);
      const std::uint8_t b = kByteClass[c];
      if (b & (kBytePunct | kByteDecode)) [[unlikely]] {
        i += special(s, i, candidates);
        continue;
      }
      const unsigned space = (b >> 3) & 1;  // kByteSpace
      unclean |= (space & (prev_space | static_cast<unsigned>(c != ' '))) != 0;
      words += prev_space & (space ^ 1);
      prev_space = space;
      upper += (b >> 1) & 1;  // kByteUpper
      lower |= (b & kByteLower) != 0;
      ++i;
    }
    return i;
  }
};

#if defined(__SSE2__) && !defined(VAKKAART_SEGMENTER_NO_SIMD)
/// The line reader 16 bytes at a time: spaces, word starts and letter case by SSE2 masks; the
/// few special bytes (sentence punctuation, lead bytes of multi-byte characters) one by one. A
/// block with a Unicode space goes to the byte reader. Returns where it stopped.
std::size_t seg_scan_sse2(std::string_view s, std::size_t i, std::size_t end, LineScan& scan,
                          std::vector<std::uint32_t>& candidates) {
  const char* p = s.data();
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?');
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i tab_below = _mm_set1_epi8(8), cr_above = _mm_set1_epi8(14);
  const __m128i a_below = _mm_set1_epi8('a' - 1), z_above = _mm_set1_epi8('z' + 1);
  const __m128i ua_below = _mm_set1_epi8('A' - 1), uz_above = _mm_set1_epi8('Z' + 1);
  while (i + 16 <= end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
    const unsigned punct = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)), _mm_cmpeq_epi8(v, ask))));
    bool unicode_space = false;
    for (unsigned m = high; m && !unicode_space; m &= m - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(m));
      const auto c = static_cast<unsigned char>(p[k]);
      if (c == 0xC2 || c == 0xE2 || c == 0xE3) {
        std::size_t len = 1;
        unicode_space = seg_kind(seg_decode(s, k, len)) == CharKind::space;
      }
    }
    if (unicode_space) {
      i = scan.bytes(s, i, i + 16, candidates);
      continue;
    }
    // Special bytes in order (candidates stay sorted); they are all word bytes, as the masks
    // below count them.
    for (unsigned m = high | punct; m; m &= m - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(m));
      const auto c = static_cast<unsigned char>(p[k]);
      if (!(kByteClass[c] & (kBytePunct | kByteDecode)))
        continue;  // a continuation byte or a lead byte of nothing we look at
      if (kByteClass[c] & kBytePunct) {
        candidates.push_back(static_cast<std::uint32_t>(k));
        continue;
      }
      std::size_t len = 1;
      const char32_t cp = seg_decode(s, k, len);
      const CharKind kind = seg_kind(cp);
      if (cp == 0x2026 || seg_inline_bullet_at(s, k) > 0)
        candidates.push_back(static_cast<std::uint32_t>(k));
      scan.upper += kind == CharKind::upper;
      scan.lower |= kind == CharKind::lower;
    }
    // High bytes compare as negative: never white space, never ASCII letters.
    const __m128i space_v =
        _mm_or_si128(_mm_cmpeq_epi8(v, blank),
                     _mm_and_si128(_mm_cmpgt_epi8(v, tab_below), _mm_cmplt_epi8(v, cr_above)));
    const unsigned space = static_cast<unsigned>(_mm_movemask_epi8(space_v));
    const unsigned plain = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank)));
    const unsigned before = ((space << 1) | scan.prev_space) & 0xFFFF;  // byte before is space
    scan.words += static_cast<unsigned>(std::popcount(~space & 0xFFFF & before));
    scan.unclean |= (space & ~plain) != 0 || (space & before) != 0;
    scan.prev_space = (space >> 15) & 1;
    const unsigned up = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, ua_below), _mm_cmplt_epi8(v, uz_above))));
    scan.upper += static_cast<unsigned>(std::popcount(up));
    scan.lower |= _mm_movemask_epi8(
                      _mm_and_si128(_mm_cmpgt_epi8(v, a_below), _mm_cmplt_epi8(v, z_above))) != 0;
    i += 16;
  }
  return i;
}
#endif

}  // namespace

Line seg_read_line(std::string_view s, std::size_t start, std::size_t end,
                   std::vector<std::uint32_t>& candidates) {
  Line line;
  line.start = static_cast<std::uint32_t>(start);
  std::size_t begin = start;
  line.indented = begin < end && seg_is_space_byte(s[begin]);
  while (begin < end && seg_is_space_byte(s[begin]))
    ++begin;
  while (end > begin && seg_is_space_byte(s[end - 1]))
    --end;
  line.begin = line.text_begin = line.end = static_cast<std::uint32_t>(begin);
  if (begin == end)
    return line;
  line.end = static_cast<std::uint32_t>(end);
  line.blank = false;
  if (const std::size_t marker = seg_bullet_marker(s, begin, end); marker > 0) {
    line.bullet = true;
    line.text_begin = static_cast<std::uint32_t>(begin + marker);
  }

  // How the line starts: its first letter or digit.
  for (std::size_t i = line.text_begin; i < end;) {
    std::size_t len = 1;
    const CharKind k = seg_kind(seg_decode(s, i, len));
    if (k == CharKind::lower || k == CharKind::upper || k == CharKind::digit) {
      line.lower_start = k == CharKind::lower;
      line.upper_start = !line.lower_start;
      break;
    }
    if (k == CharKind::caseless_letter)
      break;
    i += len;
  }

  // The one pass over the bytes: words, letter case, clean spacing, sentence-end candidates.
  LineScan scan;
  std::size_t i = line.text_begin;
#if defined(__SSE2__) && !defined(VAKKAART_SEGMENTER_NO_SIMD)
  i = seg_scan_sse2(s, i, end, scan, candidates);
#endif
  scan.bytes(s, i, end, candidates);
  line.words = static_cast<std::uint16_t>(std::min(scan.words, 0xFFFFu));
  line.all_caps = scan.upper >= 2 && !scan.lower;
  line.clean = !scan.unclean;

  // The ending, looking through closing quotes and brackets.
  std::size_t e = end;
  while (e > line.text_begin) {
    const char c = s[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
      --e;
    else if (e - line.text_begin >= 3 &&
             (seg_has(s, e - 3, "\u201D") || seg_has(s, e - 3, "\u2019")))
      e -= 3;
    else if (e - line.text_begin >= 2 && seg_has(s, e - 2, "\u00BB"))
      e -= 2;
    else
      break;
  }
  if (e > line.text_begin) {
    const char c = s[e - 1];
    if (c == '.' || c == '!' || c == '?') {
      line.ending = LineEnd::sentence;
      line.punct = static_cast<std::uint32_t>(e - 1);
    } else if (e - line.text_begin >= 3 && seg_ellipsis_at(s, e - 3)) {
      line.ending = LineEnd::sentence;
      line.punct = static_cast<std::uint32_t>(e - 3);
    } else if (c == ':') {
      line.ending = LineEnd::colon;
    } else if (c == ';') {
      line.ending = LineEnd::semicolon;
    } else if (c == ',') {
      line.ending = LineEnd::comma;
    } else if (c == '-' && e - line.text_begin >= 2) {
      const char before = s[e - 2];
      if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
          static_cast<unsigned char>(before) >= 0x80)
        line.ending = LineEnd::hyphen;
    }
  }
  if (line.ending == LineEnd::none)
    line.function_end = seg_ends_with_function_word(s, line.text_begin, end);
  return line;
}

}  // namespace vakkaart::analysis::segmenter_detail
