#include "text/text_utils.h"

#include <algorithm>

#include <cctype>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace vakkaart::text {

namespace {

bool is_space_codepoint(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0xFEFF;
}

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string collapse_lines(std::string_view s) {
  std::string joined;
  for (auto line : split(s, '\n')) {
    const std::string l = collapse_whitespace(line);
    if (l.empty())
      continue;
    if (!joined.empty())
      joined += '\n';
    joined += l;
  }
  return joined;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    // ASCII fast path: almost every byte of our sources; ICU only for the rest.
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    bool space = b == ' ' || (b >= '\t' && b <= '\r');
    if (b >= 0x80) {
      const CodePoint cp = decode_utf8(s, i);
      length = cp.length;
      space = cp.valid && is_space_codepoint(static_cast<UChar32>(cp.value));
    }
    if (space) {
      pending_space = !out.empty();
    } else {
      if (pending_space)
        out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string nfc(std::string_view s) {
  if (!is_valid_utf8(s))
    return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    return std::string(s);
  icu::UnicodeString in = to_unicode(s);
  if (norm->isNormalized(in, status) && U_SUCCESS(status))
    return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = norm->normalize(in, status);
  if (U_FAILURE(status))
    return std::string(s);
  return to_utf8(out);
}

std::string slugify(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = to_unicode(s);
  if (U_SUCCESS(status))
    u = nfd->normalize(u, status);
  std::string out;
  bool dash = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK)
      continue;
    if (c == 0x0133 || c == 0x0132) {  // Dutch ij ligature
      if (dash && !out.empty())
        out.push_back('-');
      dash = false;
      out += "ij";
      continue;
    }
    if (c < 128 && std::isalnum(static_cast<unsigned char>(c))) {
      if (dash && !out.empty())
        out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      dash = true;
    }
  }
  return out;
}

std::string to_lower(std::string_view s) {
  // ASCII fast path: lower-casing ASCII needs no locale.
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(s);
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  static const icu::Locale dutch("nl");
  icu::UnicodeString u = to_unicode(s);
  u.toLower(dutch);
  return to_utf8(u);
}

std::string to_sentence_case(std::string_view s) {
  icu::UnicodeString u = to_unicode(s);
  u.toLower(icu::Locale("nl"));
  if (u.length() > 0) {
    UChar32 first = u.char32At(0);
    icu::UnicodeString head(u_toupper(first));
    u.replace(0, U16_LENGTH(first), head);
  }
  return to_utf8(u);
}

bool is_upper_case_heading(std::string_view s) {
  icu::UnicodeString u = to_unicode(s);
  bool any_letter = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) {
      any_letter = true;
      if (u_islower(c))
        return false;
    }
  }
  return any_letter;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos)
    return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}

std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

std::string percent_encode(std::string_view s, std::string_view kept) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        kept.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace vakkaart::text
