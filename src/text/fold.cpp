#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace vakkaart::text {
namespace {

void append_utf8(UChar32 c, std::string& out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
  if (!error)
    out.append(buffer, static_cast<std::size_t>(length));
}

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
      append_utf8(u_tolower(part), out);
    }
    return out;
  }
  if (u_charType(c) == U_NON_SPACING_MARK)
    return out;  // a combining accent on its own
  append_utf8(u_tolower(c), out);
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
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      const char c = static_cast<char>(bytes[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c >= 0)
      append_folded(c, out);
  }
  return out;
}

}  // namespace vakkaart::text
