#include "text/fold.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace vakkaart::text {
namespace {

/// Folded forms of U+0080..U+024F (Latin-1 Supplement and Latin Extended-A/B), where nearly all
/// accented letters of Dutch, French and German live.
constexpr UChar32 kTableEnd = 0x250;

std::string fold_slow(UChar32 c) {
  switch (c) {
    case 0x0132:  // Ĳ
    case 0x0133:  // ĳ
      return "ij";
    case 0x00DF:  // ß
      return "ss";
    case 0x00C6:
    case 0x00E6:
      return "ae";
    case 0x0152:
    case 0x0153:
      return "oe";
    case 0x00D8:
    case 0x00F8:
      return "o";
    default:
      break;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status) && nfd->getDecomposition(c, decomposed)) {
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 part = decomposed.char32At(i);
      i += U16_LENGTH(part);
      if (u_getCombiningClass(part) != 0 || u_charType(part) == U_NON_SPACING_MARK)
        continue;
      append_utf8(out, static_cast<char32_t>(u_tolower(part)));
    }
    return out;
  }
  if (u_charType(c) == U_NON_SPACING_MARK)
    return out;  // a combining accent on its own
  append_utf8(out, static_cast<char32_t>(u_tolower(c)));
  return out;
}

const std::array<std::string, kTableEnd>& latin_table() {
  static const auto table = [] {
    std::array<std::string, kTableEnd> t;
    for (UChar32 c = 0x80; c < kTableEnd; ++c)
      t[static_cast<std::size_t>(c)] = fold_slow(c);
    return t;
  }();
  return table;
}

}  // namespace

void append_folded(int32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  } else if (c < kTableEnd) {
    out += latin_table()[static_cast<std::size_t>(c)];
  } else {
    out += fold_slow(c);
  }
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A'))
                                         : static_cast<char>(b));
      ++i;
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    i += cp.length;
    if (cp.valid)
      append_folded(static_cast<int32_t>(cp.value), out);
  }
  return out;
}

}  // namespace vakkaart::text
