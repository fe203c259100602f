#include "analysis/segmenter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vakkaart::analysis {

// File-local names sit in their own namespace too: unity builds batch this file with others.
namespace segmenter_detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters

/// The code point at s[i] and its length; a byte that does not start UTF-8 is itself (len 1).
char32_t seg_decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) {
    return (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  const auto bits = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (c >= 0xC2 && c <= 0xDF && left >= 2 && cont(1)) {
    len = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | bits(1);
  }
  if (c >= 0xE0 && c <= 0xEF && left >= 3 && cont(1) && cont(2)) {
    len = 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (bits(1) << 6) | bits(2);
  }
  if (c >= 0xF0 && c <= 0xF4 && left >= 4 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return (static_cast<char32_t>(c & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
  }
  len = 1;
  return c;
}

enum class CharKind : std::uint8_t { other, lower, upper, caseless_letter, digit, space };

/// Letters of Latin-1 and Latin Extended-A by case (Dutch, French and German names); other
/// scripts count as letters without case; punctuation, symbols and the private use area not.
CharKind seg_kind(char32_t cp) {
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

bool seg_is_letter(CharKind k) {
  return k == CharKind::lower || k == CharKind::upper || k == CharKind::caseless_letter;
}

bool seg_is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// True when s holds g at i (g is a short literal: a byte loop beats memcmp here).
bool seg_has(std::string_view s, std::size_t i, std::string_view g);

template <std::size_t N>
bool seg_has(std::string_view s, std::size_t i, const char (&g)[N]) {
  return seg_has(s, i, std::string_view(g, N - 1));
}

bool seg_has(std::string_view s, std::size_t i, std::string_view g) {
  if (i + g.size() > s.size())
    return false;
  for (std::size_t k = 0; k < g.size(); ++k)
    if (s[i + k] != g[k])
      return false;
  return true;
}

/// How the line reader treats each byte. (It reads kByteUpper and kByteSpace by shifting: keep
/// them at bits 1 and 3. '\n' never reaches it: lines are split first.)
enum : std::uint8_t {
  kByteLower = 1,
  kByteUpper = 2,
  kByteDigit = 4,
  kByteSpace = 8,    // ASCII white space
  kBytePunct = 16,   // '.', '!', '?': a possible sentence end
  kByteDecode = 32,  // the lead byte of a character to look at: Latin letters, Unicode spaces,
                     // "…" and bullet glyphs
};

constexpr std::array<std::uint8_t, 256> kByteClass = [] {
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
constexpr std::array<bool, 256> kRunStop = [] {
  std::array<bool, 256> t{};
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = t['\n'] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = true;
  return t;
}();

bool seg_is_blank_byte(char c) {
  return seg_is_space_byte(c) || c == '\n';
}

/// "…" (U+2026) at s[i].
bool seg_ellipsis_at(std::string_view s, std::size_t i) {
  return seg_has(s, i, "\u2026");
}

/// A bullet glyph that may separate items inside one line ("Taken: • plannen • organiseren").
std::size_t seg_inline_bullet_at(std::string_view s, std::size_t i) {
  static constexpr std::string_view kInlineBullets[] = {"\u2022", "\u25AA", "\u25CF", "\u25A0",
                                                        "\u25E6"};
  for (std::string_view g : kInlineBullets)
    if (seg_has(s, i, g))
      return g.size();
  return 0;
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
std::size_t seg_closing_at(std::string_view s, std::size_t i) {
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
bool seg_opening_at(std::string_view s, std::size_t i) {
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

// ---------------------------------------------------------------------------------------------
// Abbreviations and function words

/// Abbreviations after which a '.' never ends a sentence (lower case, final dot dropped).
/// Dotted runs of single letters (o.a., d.w.z., m.b.t., i.s.m., t.e.m.) are recognised by form.
constexpr std::string_view kAbbreviations[] = {
    "adm", "afd", "alg", "apr",  "art",  "aug",  "bijl", "bijv", "blz", "bv",  "bvb",
    "ca",  "dec", "dhr", "dr",   "drs",  "evt",  "excl", "feb",  "fig", "gem", "incl",
    "ing", "inz", "ipv", "ir",   "ism",  "ivm",  "jan",  "jl",   "jr",  "jul", "jun",
    "lic", "max", "mbt", "mevr", "min",  "mr",   "mrt",  "mw",   "nl",  "nov", "nr",
    "obv", "okt", "ong", "pag",  "prof", "resp", "sep",  "sept", "sr",  "st",  "tav",
    "tel", "tem", "vb",  "vgl",  "vnl",  "vs",   "zgn"};

/// Dotted abbreviations that often close a sentence or a list ("…, enz. Daarna"): after them
/// an upper-case word starts a new sentence.
constexpr std::string_view kClosingAbbreviations[] = {"e.a", "e.d",     "v.z.w",  "i.v.z.w",
                                                      "n.v", "b.v.b.a", "c.v.b.a"};

/// Words a wrapped line may end with but a sentence or heading does not: articles,
/// conjunctions, possessives and the prepositions that are no verb particle (so not "op",
/// "aan", "mee", "in", "uit", "voor", "bij": "Je volgt dossiers op"; nor pronouns: "Over ons").
constexpr std::string_view kFunctionWords[] = {
    "alsook", "de",   "een",    "en",    "en/of",  "evenals", "het", "jouw",
    "maar",   "met",  "naar",   "of",    "omdat",  "onze",    "per", "sinds",
    "te",     "tot",  "tussen", "uw",    "van",    "vanuit",  "via", "waarbij",
    "waarin", "want", "zoals",  "zodat", "zonder", "zowel",   "die", "om"};

/// A word of up to 8 bytes as one integer, so a list lookup is a few integer compares.
constexpr std::uint64_t seg_pack(std::string_view w) {
  std::uint64_t v = 0;
  for (char c : w)
    v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> seg_pack_all(const std::string_view (&words)[N]) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) {
    if (words[i].size() > 8)
      throw "a list word longer than 8 bytes";  // fails the build: the lists are constexpr
    keys[i] = seg_pack(words[i]);
  }
  return keys;
}

constexpr auto kAbbreviationKeys = seg_pack_all(kAbbreviations);
constexpr auto kClosingAbbreviationKeys = seg_pack_all(kClosingAbbreviations);
constexpr auto kFunctionWordKeys = seg_pack_all(kFunctionWords);

template <std::size_t N>
bool seg_in_keys(const std::array<std::uint64_t, N>& keys, std::uint64_t key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

/// The lower-cased ASCII word s as a key; false when s is longer than 8 bytes or not ASCII.
bool seg_lower_key(std::string_view s, std::uint64_t& key) {
  if (s.empty() || s.size() > 8)
    return false;
  key = 0;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80)
      return false;
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    key = (key << 8) | static_cast<unsigned char>(c);
  }
  return true;
}

/// True when the '.' at s[dot] belongs to its word and does not end the sentence: an
/// abbreviation (bv., o.a., dhr.) or a single capital initial (J. Peeters).
bool seg_abbreviation_before(std::string_view s, std::size_t block_begin, std::size_t dot) {
  std::size_t start = dot;
  while (start > block_begin) {
    const char c = s[start - 1];
    if (c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '"' || c == '\'' || c == '/')
      break;
    if (dot - start >= 15)
      return false;
    --start;
  }
  const std::string_view token = s.substr(start, dot - start);
  if (token.empty())
    return false;
  if (token.size() == 1)
    return token[0] >= 'A' && token[0] <= 'Z';  // an initial (single lower-case letters end lists)
  // Single letters joined by dots: o.a, d.w.z, m.a.w, J.P
  bool dotted = token.size() >= 3 && token.size() % 2 == 1;
  for (std::size_t i = 0; dotted && i < token.size(); ++i) {
    const char c = static_cast<char>(token[i] | 0x20);
    dotted = i % 2 == 0 ? (c >= 'a' && c <= 'z') : token[i] == '.';
  }
  std::uint64_t key = 0;
  const bool packed = seg_lower_key(token, key);
  if (dotted)
    return !packed || !seg_in_keys(kClosingAbbreviationKeys, key);
  return packed && seg_in_keys(kAbbreviationKeys, key);
}

/// The last word of a line is a function word ("…samen met" / "vrijwilligers en").
bool seg_ends_with_function_word(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t start = end;
  while (start > begin && s[start - 1] != ' ' && s[start - 1] != '\t')
    --start;
  std::uint64_t key = 0;
  return seg_lower_key(s.substr(start, end - start), key) && seg_in_keys(kFunctionWordKeys, key);
}

// ---------------------------------------------------------------------------------------------
// Lines

enum class LineEnd : std::uint8_t {
  none,       // a letter, digit or anything else
  sentence,   // . ! ? … (closing quotes allowed)
  colon,      // a list intro
  semicolon,  // a list item of a sentence
  comma,
  hyphen,  // letter + '-': a word broken over two lines
};

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

/// Reads one line s[start, end): trims it, finds a list marker, counts its words, sees how it
/// starts and ends, and notes the places where a sentence may end (`candidates`).
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

/// A short line without final punctuation: a heading, or an item of a telegram-style text.
bool seg_short_plain(const Line& l) {
  return !l.blank && !l.bullet && l.words <= 8 && l.ending == LineEnd::none && !l.function_end;
}

// ---------------------------------------------------------------------------------------------
// Sentences

/// A list item up to this many words stays one segment even if it holds several sentences.
constexpr int kLongItemWords = 30;

/// Words a line must have to continue on a next line that starts lower case (fewer: a list of
/// short lines, "teamspeler / flexibel").
constexpr int kWrapMinWords = 4;
constexpr int kTelegramWrapMinWords = 8;

/// Headings are at most this many words.
constexpr int kHeadingWords = 8;

class Segmenter {
 public:
  Segmenter(std::string_view text, std::vector<Segment>& out) : s_(text), out_(out) {}

  void run() {
    thread_local std::vector<Line> lines;
    thread_local std::vector<std::uint32_t> candidates;
    lines.clear();
    candidates.clear();
    for (std::size_t i = 0; i <= s_.size();) {
      const void* nl = i < s_.size() ? std::memchr(s_.data() + i, '\n', s_.size() - i) : nullptr;
      const std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
      lines.push_back(seg_read_line(s_, i, end, candidates));
      i = end + 1;
    }
    lines_ = &lines;
    candidates_ = &candidates;
    telegram_ = is_telegram();

    for (std::size_t i = 0; i < lines.size();) {
      if (lines[i].blank) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < lines.size() && joins(j, lines[i].bullet))
        ++j;
      block(i, j);
      i = j + 1;
    }
  }

 private:
  const Line& line(std::size_t i) const { return (*lines_)[i]; }
  std::size_t line_count() const { return lines_->size(); }

  /// The 0-based line holding byte `pos`; positions are asked for in increasing order.
  std::size_t line_at(std::size_t pos) {
    while (line_cursor_ + 1 < line_count() && line(line_cursor_ + 1).start <= pos)
      ++line_cursor_;
    return line_cursor_;
  }

  /// Telegram style: many short lines without punctuation; then each line is a segment.
  bool is_telegram() const {
    int plain = 0, short_plain = 0;
    for (const Line& l : *lines_) {
      if (l.blank || l.bullet)
        continue;
      ++plain;
      short_plain += seg_short_plain(l) && l.words <= 6;
    }
    return short_plain >= 3 && 2 * short_plain >= plain;
  }

  /// Whether sentence-final punctuation at s_[p] (of `len` bytes) ends a sentence in the block
  /// [block_begin, block_end). Sets `after` past the punctuation (and closing quotes) and
  /// `next` to where the next sentence starts.
  bool boundary(std::size_t block_begin, std::size_t block_end, std::size_t p, std::size_t len,
                std::size_t& after, std::size_t& next) const {
    const bool dot = len == 1 && s_[p] == '.';
    std::size_t q = p + len;
    // Runs of punctuation ("?!", "...") and closing quotes stay with the sentence.
    for (;;) {
      if (q < block_end && (s_[q] == '.' || s_[q] == '!' || s_[q] == '?')) {
        ++q;
      } else if (q < block_end && seg_ellipsis_at(s_, q)) {
        q += 3;
      } else if (std::size_t c = q < block_end ? seg_closing_at(s_, q) : 0; c > 0) {
        q += c;
      } else {
        break;
      }
    }
    const bool ellipsis = len == 3 || (dot && q >= p + 3 && seg_has(s_, p, "..."));
    after = q;
    std::size_t r = q;
    while (r < block_end && seg_is_blank_byte(s_[r]))
      ++r;
    next = r;
    if (r == block_end)
      return true;
    if (r == q)
      return false;  // no space after: 3.5, 1.500, www.x.be, info@x.be, o.a.
    std::size_t clen = 1;
    const CharKind k = seg_kind(seg_decode(s_, r, clen));
    if (!(k == CharKind::upper || k == CharKind::digit || seg_opening_at(s_, r)))
      return false;
    if (dot && !ellipsis && q == p + 1 && seg_abbreviation_before(s_, block_begin, p))
      return false;
    return true;
  }

  /// Whether line j + 1 continues the block that line j is in.
  bool joins(std::size_t j, bool bullet_block) const {
    const Line& l = line(j);
    const Line& n = line(j + 1);
    if (n.blank || n.bullet || l.all_caps)
      return false;
    switch (l.ending) {
      case LineEnd::sentence: {
        const char c = s_[l.punct];
        if (c == '!' || c == '?')
          return false;
        const bool ellipsis =
            c != '.' || (l.punct >= 2 && s_[l.punct - 1] == '.' && s_[l.punct - 2] == '.');
        if (ellipsis)
          return n.lower_start;  // "samen met…\nvrijwilligers"
        // A '.' at the end of a line ends the sentence unless it closes an abbreviation.
        return l.punct + 1 == l.end && seg_abbreviation_before(s_, l.text_begin, l.punct);
      }
      case LineEnd::colon:
      case LineEnd::semicolon:
        return false;
      case LineEnd::comma:
        return true;
      case LineEnd::hyphen:
        return n.lower_start;
      case LineEnd::none:
        break;
    }
    if (l.function_end)
      return true;
    if (n.lower_start && l.words >= (telegram_ ? kTelegramWrapMinWords : kWrapMinWords))
      return true;
    // An indented line under a list item continues it (plain text wrapped by hand).
    return bullet_block && n.indented && !n.upper_start;
  }

  /// Whether the single-line block at line i is a heading.
  bool heading(std::size_t i) const {
    const Line& l = line(i);
    if (l.bullet)
      return false;
    if (l.all_caps || l.ending == LineEnd::colon)
      return true;
    // "Wat ga je doen?" over a list: a question that titles the items below it.
    if (l.ending == LineEnd::sentence && s_[l.punct] == '?' && l.words <= kHeadingWords &&
        i + 1 < line_count() && line(i + 1).bullet)
      return true;
    if (!seg_short_plain(l) || !l.upper_start)
      return false;
    bool later = false;
    for (std::size_t k = i + 1; k < line_count() && !later; ++k)
      later = !line(k).blank;
    if (!later)
      return false;
    // In a run of short lines ("Teamspeler / Flexibel / Stressbestendig") each is an item.
    // (An all-caps line beside it is a title, not one of the run.)
    if (i > 0 && seg_short_plain(line(i - 1)) && !line(i - 1).all_caps)
      return false;
    if (i + 1 < line_count() && seg_short_plain(line(i + 1)) && !line(i + 1).all_caps)
      return false;
    return true;
  }

  /// Splits the block of lines first..last into sentences (list items stay whole unless long).
  void block(std::size_t first, std::size_t last) {
    const Line& head = line(first);
    const bool bullet = head.bullet;
    const std::size_t begin = head.text_begin;
    const std::size_t end = line(last).end;
    int words = 0;
    for (std::size_t k = first; k <= last; ++k)
      words += line(k).words;
    const bool sentences = !bullet || words > kLongItemWords;
    const bool heading_line = first == last && heading(first);
    // A block ending in ':' (a list intro) ends in a heading segment, whatever precedes it.
    const bool colon_end = !bullet && line(last).ending == LineEnd::colon;
    const bool clean = first == last && head.clean;

    const std::vector<std::uint32_t>& cands = *candidates_;
    while (cand_cursor_ < cands.size() && cands[cand_cursor_] < begin)
      ++cand_cursor_;
    std::size_t piece = begin;
    bool piece_bullet = bullet;
    // End of a punctuation run that was found to end no sentence: no later mark of the same run
    // ends one either, and looking again would make a run of dots quadratic.
    std::size_t no_boundary_until = 0;
    for (; cand_cursor_ < cands.size() && cands[cand_cursor_] < end; ++cand_cursor_) {
      const std::size_t p = cands[cand_cursor_];
      if (p < piece || p < no_boundary_until)
        continue;  // inside punctuation already taken ("?!", "...")
      std::size_t len = 1;
      if (static_cast<unsigned char>(s_[p]) == 0xE2) {
        if (!seg_ellipsis_at(s_, p)) {
          // "Taken: • plannen • organiseren": each bullet starts an item.
          const std::size_t g = seg_inline_bullet_at(s_, p);
          if (p > piece && seg_is_space_byte(s_[p - 1]) && p + g < end &&
              seg_is_space_byte(s_[p + g])) {
            emit(piece, p, piece_bullet, false, clean);
            piece = p + g;
            while (piece < end && seg_is_blank_byte(s_[piece]))
              ++piece;
            piece_bullet = true;
          }
          continue;
        }
        len = 3;
      }
      if (!sentences)
        continue;
      std::size_t after = 0, next = 0;
      if (!boundary(begin, end, p, len, after, next)) {
        no_boundary_until = after;
        continue;
      }
      const bool final_piece = next >= end;
      emit(piece, after, piece_bullet,
           final_piece && (colon_end || (heading_line && piece == head.text_begin)), clean);
      piece = next;
    }
    emit(piece, end, piece_bullet, colon_end || (heading_line && piece == head.text_begin), clean);
  }

  /// Whether s_[begin, end) holds a letter.
  bool has_letter(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end;) {
      const std::uint8_t b = kByteClass[static_cast<unsigned char>(s_[i])];
      if (b & (kByteLower | kByteUpper))
        return true;
      std::size_t len = 1;
      if (static_cast<unsigned char>(s_[i]) >= 0x80 &&
          seg_is_letter(seg_kind(seg_decode(s_, i, len))))
        return true;
      i += len;
    }
    return false;
  }

  /// The segment's text with white space collapsed; returns its number of words.
  int collapse(std::size_t begin, std::size_t end, bool clean, std::string& text) const {
    if (clean) {
      // One line with single ASCII spaces (what extract_text writes): copy it as it is.
      text.assign(s_.data() + begin, end - begin);
      return 1 + static_cast<int>(std::count(text.begin(), text.end(), ' '));
    }
    text.reserve(end - begin);
    int words = 0;
    for (std::size_t i = begin; i < end;) {
      // A run of non-space bytes: one word, copied at once.
      std::size_t j = i;
      while (j < end) {
        const auto c = static_cast<unsigned char>(s_[j]);
        if (!kRunStop[c]) {
          ++j;
          continue;
        }
        if (c < 0x80)
          break;
        std::size_t len = 1;
        if (seg_kind(seg_decode(s_, j, len)) == CharKind::space)
          break;
        j += len;
      }
      if (j > i) {
        text.append(s_, i, j - i);
        ++words;
        i = j;
      }
      // White space: one space, or none inside a word broken with a hyphen over two lines
      // ("sociaal-\nculturele").
      bool newline = false;
      while (i < end) {
        const auto c = static_cast<unsigned char>(s_[i]);
        if (c < 0x80) {
          if (!kRunStop[c])
            break;
          newline |= c == '\n';
          ++i;
          continue;
        }
        std::size_t len = 1;
        if (seg_kind(seg_decode(s_, i, len)) != CharKind::space)
          break;
        i += len;
      }
      if (i < end) {
        const std::size_t n = text.size();
        const bool glued = newline && n >= 2 && text[n - 1] == '-' && text[n - 2] != ' ' &&
                           s_[i] >= 'a' && s_[i] <= 'z';
        if (glued)
          --words;
        else
          text += ' ';
      }
    }
    return words;
  }

  /// Adds the segment s_[begin, end) (trimmed), split further if it runs on past the word
  /// limit. `clean`: the range lies in one line spaced by single ASCII spaces.
  void emit(std::size_t begin, std::size_t end, bool bullet, bool heading, bool clean,
            bool may_split = true) {
    while (begin < end && seg_is_blank_byte(s_[begin]))
      ++begin;
    while (end > begin && seg_is_blank_byte(s_[end - 1]))
      --end;
    if (begin == end || !has_letter(begin, end))
      return;
    Segment seg;
    const int words = collapse(begin, end, clean, seg.text);
    if (words > kMaxSegmentWords && may_split) {
      split_long(begin, end, bullet, clean);
      return;
    }
    seg.begin = begin;
    seg.end = end;
    seg.line = static_cast<int>(line_at(begin)) + 1;
    seg.bullet = bullet;
    seg.heading = heading;
    out_.push_back(std::move(seg));
  }

  /// Splits a run-on segment at the ';', else the " - ", else the ", " nearest its middle (by
  /// words), else at the middle word.
  void split_long(std::size_t begin, std::size_t end, bool bullet, bool clean) {
    thread_local std::vector<std::size_t> word_starts;
    word_starts.clear();
    bool in_word = false;
    for (std::size_t i = begin; i < end; ++i) {
      const bool space = seg_is_blank_byte(s_[i]);
      if (!space && !in_word)
        word_starts.push_back(i);
      in_word = !space;
    }
    if (word_starts.size() < 2) {
      emit(begin, end, bullet, false, clean, false);
      return;
    }
    const std::size_t middle = word_starts.size() / 2;
    // For each kind of break, the word after the break nearest the middle.
    std::size_t best[3] = {0, 0, 0};
    std::size_t best_distance[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (std::size_t w = 1; w < word_starts.size(); ++w) {
      std::size_t e = word_starts[w];  // back over the space to the end of the word before
      while (e > word_starts[w - 1] && seg_is_blank_byte(s_[e - 1]))
        --e;
      const char last = s_[e - 1];
      const std::size_t ws = word_starts[w - 1];
      const bool dash =
          (e - ws == 1 && s_[ws] == '-') || (e - ws == 3 && seg_has(s_, ws, "\u2013"));
      int kind = -1;
      if (last == ';')
        kind = 0;
      else if (dash)
        kind = 1;
      else if (last == ',')
        kind = 2;
      if (kind < 0)
        continue;
      const std::size_t d = w > middle ? w - middle : middle - w;
      if (d < best_distance[kind]) {
        best_distance[kind] = d;
        best[kind] = w;
      }
    }
    std::size_t cut = middle;
    for (int kind = 0; kind < 3; ++kind) {
      if (best_distance[kind] != SIZE_MAX) {
        cut = best[kind];
        break;
      }
    }
    const std::size_t right_begin = word_starts[cut];
    std::size_t left_end = right_begin;
    // A dash standing alone between two clauses belongs to neither.
    if (const std::size_t ws = word_starts[cut - 1];
        (s_[ws] == '-' && seg_is_blank_byte(s_[ws + 1])) ||
        (seg_has(s_, ws, "\u2013") && seg_is_blank_byte(s_[ws + 3])))
      left_end = ws;
    emit(begin, left_end, bullet, false, clean);
    emit(right_begin, end, bullet, false, clean);
  }

  std::string_view s_;
  std::vector<Segment>& out_;
  const std::vector<Line>* lines_ = nullptr;
  const std::vector<std::uint32_t>* candidates_ = nullptr;
  std::size_t line_cursor_ = 0;
  std::size_t cand_cursor_ = 0;
  bool telegram_ = false;
};

}  // namespace
}  // namespace segmenter_detail

std::vector<Segment> segment_text(std::string_view text) {
  // Offsets are kept in 32 bits: extracted texts are far below 4 GiB (kMaxInputBytes).
  if (text.size() > UINT32_MAX)
    text = text.substr(0, UINT32_MAX);
  std::vector<Segment> out;
  out.reserve(text.size() / 80 + 4);
  segmenter_detail::Segmenter(text, out).run();
  return out;
}

}  // namespace vakkaart::analysis
