#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace vakkaart::text {
namespace {

struct PlacedChar {
  UChar32 c = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<PlacedChar> decode(std::string_view text) {
  std::vector<PlacedChar> out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    out.push_back(
        {c < 0 ? 0xFFFD : c, static_cast<std::size_t>(start), static_cast<std::size_t>(i)});
  }
  return out;
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018;
}
bool is_hyphen(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/// The spellings of one raw word: "(h)erkennen" has two, "sociaal-culturele" three.
std::vector<std::string> forms_of(const std::vector<PlacedChar>& cps, std::size_t from,
                                  std::size_t to) {
  // Build the word with and without the parenthesised letters, and its hyphen parts.
  std::string with, without, part;
  std::vector<std::string> parts;
  bool in_parens = false;
  bool has_parens = false;
  for (std::size_t i = from; i < to; ++i) {
    const UChar32 c = cps[i].c;
    if (c == '(') {
      in_parens = has_parens = true;
      continue;
    }
    if (c == ')') {
      in_parens = false;
      continue;
    }
    if (is_apostrophe(c)) {
      // "thema's" is the plural of "thema": the 's goes; "IT'ers" becomes "iters".
      const bool final_s = i + 2 == to && (cps[i + 1].c == 's' || cps[i + 1].c == 'S');
      if (final_s)
        break;
      continue;
    }
    if (is_hyphen(c)) {
      if (!part.empty())
        parts.push_back(part);
      part.clear();
      continue;
    }
    std::string folded;
    append_folded(c, folded);
    with += folded;
    if (!in_parens)
      without += folded;
    part += folded;
  }
  if (!part.empty())
    parts.push_back(part);
  auto cut = [](std::string& form) {
    if (form.size() > kMaxFormBytes)
      form.resize(truncate_utf8(form, kMaxFormBytes).size());
  };
  cut(with);
  cut(without);
  for (auto& p : parts)
    cut(p);
  std::vector<std::string> forms;
  if (!with.empty())
    forms.push_back(with);
  if (has_parens && !without.empty() && without != with)
    forms.push_back(without);
  if (parts.size() > 1) {
    for (const auto& p : parts)
      forms.push_back(p);
  }
  return forms;
}

}  // namespace

std::vector<WordToken> tokenize(std::string_view text) {
  const auto cps = decode(text);
  std::vector<WordToken> tokens;
  std::size_t i = 0;
  const std::size_t n = cps.size();
  auto letter_at = [&](std::size_t k) { return k < n && is_word_char(cps[k].c); };
  while (i < n) {
    // A word starts at a letter or digit, or at "(" directly followed by one: "(h)erkennen".
    const bool paren_start = cps[i].c == '(' && letter_at(i + 1) && [&] {
      std::size_t k = i + 1;
      while (letter_at(k))
        ++k;
      return k < n && cps[k].c == ')' && letter_at(k + 1);
    }();
    if (!letter_at(i) && !paren_start) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (paren_start)
      ++i;
    bool open_hyphen = false;
    while (i < n) {
      const UChar32 c = cps[i].c;
      if (is_word_char(c) || c == ')') {
        if (c == ')' && !letter_at(i - 1))
          break;
        ++i;
      } else if (c == '(' && letter_at(i + 1) && i > start) {
        // "actie(s)", "leidinggevende(n)": optional letters glued to the word.
        std::size_t k = i + 1;
        while (letter_at(k))
          ++k;
        if (k < n && cps[k].c == ')') {
          i = k + 1;
        } else {
          break;
        }
      } else if ((is_apostrophe(c) || is_hyphen(c)) && letter_at(i + 1)) {
        i += 2;
      } else if (is_hyphen(c) && !letter_at(i + 1)) {
        open_hyphen = true;  // "communicatie- en interactievormen"
        ++i;
        break;
      } else {
        break;
      }
    }
    std::size_t end = i;
    if (open_hyphen)
      --end;  // the hyphen is not part of the word's text
    WordToken token;
    token.begin = cps[start].begin;
    token.end = cps[end - 1].end;
    token.forms = forms_of(cps, start, end);
    token.open_hyphen = open_hyphen;
    if (!token.forms.empty())
      tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace vakkaart::text
