#include "text/decode.h"

#include <algorithm>
#include <cstdio>

#include "core/error.h"
#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::text {

namespace {

/// The 1-based line of byte `at` and where that line starts.
struct DecodeLineAt {
  int line = 1;
  std::size_t start = 0;
};

DecodeLineAt decode_line_at(std::string_view bytes, std::size_t at) {
  DecodeLineAt where;
  for (std::size_t i = 0; i < at; ++i) {
    if (bytes[i] == '\n') {
      ++where.line;
      where.start = i + 1;
    }
  }
  return where;
}

/// Step 3: a NUL byte anywhere, or a sample that is mostly control characters.
void refuse_binary(std::string_view bytes, const std::string& name) {
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    const int line = decode_line_at(bytes, nul).line;
    throw Error(
        ErrorCode::encoding_error,
        "a NUL byte at byte " + std::to_string(nul + 1) + ": binary data, not a text document",
        {name, line, ""});
  }
  const std::size_t sample = std::min<std::size_t>(bytes.size(), std::size_t{64} * 1024);
  std::size_t control = 0;
  for (std::size_t i = 0; i < sample; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r';
  }
  if (sample > 0 && control * 100 > sample)
    throw Error(ErrorCode::encoding_error, "binary data, not a text document", {name, 0, ""});
}

/// Step 4 refused: names the byte, its line and column.
[[noreturn]] void refuse_invalid_utf8(std::string_view bytes, std::size_t at,
                                      const std::string& name) {
  const DecodeLineAt where = decode_line_at(bytes, at);
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[at]));
  throw Error(ErrorCode::encoding_error,
              std::string("not valid UTF-8: byte ") + hex + " at byte " + std::to_string(at + 1) +
                  " (column " + std::to_string(at - where.start + 1) + " of line " +
                  std::to_string(where.line) + "); save the text as UTF-8",
              {name, where.line, ""});
}

}  // namespace

std::string_view strip_utf8_bom_refusing_utf16(std::string_view bytes, const std::string& name) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    throw Error(ErrorCode::encoding_error, "UTF-16 text is not supported: save it as UTF-8",
                {name, 1, ""});
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  return bytes;
}

std::string normalize_line_endings(std::string_view s) {
  if (s.find('\r') == std::string_view::npos)
    return std::string(s);
  std::string lf;
  lf.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      lf.push_back(s[i]);
    } else if (i + 1 >= s.size() || s[i + 1] != '\n') {
      lf.push_back('\n');  // old Mac line ending; a CR before LF just goes
    }
  }
  return lf;
}

DecodedText decode_text(std::string_view bytes, const std::string& name, DecodePolicy policy) {
  bytes = strip_utf8_bom_refusing_utf16(bytes, name);
  refuse_binary(bytes, name);
  DecodedText out;
  std::string converted;
  if (const std::size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
    if (!policy.allow_windows_1252)
      refuse_invalid_utf8(bytes, bad, name);
    converted = windows1252_to_utf8(bytes);
    bytes = converted;
    out.converted_from_windows_1252 = true;
  }
  out.text = nfc(normalize_line_endings(bytes));
  return out;
}

std::string windows1252_to_utf8(std::string_view s) {
  // 0x80-0x9F differ from Latin-1; undefined positions map to U+FFFD.
  static const char16_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char b : s) {
    if (b < 0x80)
      out.push_back(static_cast<char>(b));
    else if (b <= 0x9F)
      append_utf8(out, kHigh[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

}  // namespace vakkaart::text
