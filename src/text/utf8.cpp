#include "text/utf8.h"

#include <unicode/utf8.h>

namespace vakkaart::text {

CodePoint decode_utf8(std::string_view s, std::size_t at) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  auto i = static_cast<int32_t>(at);
  const auto n = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_NEXT(bytes, i, n, c);
  const auto length = static_cast<std::size_t>(i) - at;
  if (c < 0)
    return {U'\uFFFD', length, false};
  return {static_cast<char32_t>(c), length, true};
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = U'\uFFFD';
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  // Unsafe only in skipping the capacity check: buf holds the longest encoding.
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, static_cast<UChar32>(cp));
  out.append(buf, static_cast<std::size_t>(len));
}

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (!cp.valid)
      return i;
    i += cp.length;
  }
  return std::string_view::npos;
}

bool is_forbidden_in_text(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r')
    return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
    return true;
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::size_t first_forbidden_character(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII fast path
      ++i;
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (cp.valid && is_forbidden_in_text(cp.value))
      return i;
    i += cp.length;
  }
  return std::string_view::npos;
}

std::string without_forbidden_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += s[i++];
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (!cp.valid)
      append_utf8(out, 0xFFFD);
    else if (!is_forbidden_in_text(cp.value))
      out.append(s.substr(i, cp.length));
    i += cp.length;
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  return first_invalid_utf8(s) == std::string_view::npos;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count)
    i += static_cast<unsigned char>(s[i]) < 0x80 ? 1 : decode_utf8(s, i).length;
  return count;
}

std::size_t floor_code_point_boundary(std::string_view s, std::size_t at) {
  if (at >= s.size())
    return s.size();
  std::size_t i = at;
  while (i > 0 && at - i < 3 && is_continuation_byte(s[i]))
    --i;
  return is_continuation_byte(s[i]) ? at : i;
}

std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes)
    return s;
  return s.substr(0, floor_code_point_boundary(s, max_bytes));
}

}  // namespace vakkaart::text
