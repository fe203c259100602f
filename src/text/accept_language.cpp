#include "text/accept_language.h"

#include <cctype>
#include <optional>

#include "text/text_utils.h"

namespace vakkaart::text {

namespace {

// A language range: "*" or 1-8 letters, then "-" and 1-8 letters or digits, repeatedly
// (RFC 4647 §2.1). Lower-cased; nullopt when malformed.
std::optional<std::string> language_range(std::string_view s) {
  if (s == "*")
    return std::string("*");
  std::string out;
  std::size_t part = 0;
  bool first = true;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '-') {
      if (part == 0)
        return std::nullopt;
      part = 0;
      first = false;
    } else if (std::isalpha(c) || (!first && std::isdigit(c))) {
      if (++part > 8)
        return std::nullopt;
    } else {
      return std::nullopt;
    }
    out += static_cast<char>(std::tolower(c));
  }
  if (part == 0)
    return std::nullopt;
  return out;
}

// A weight in thousandths: "q=" then "0", "0.ddd", "1" or "1.000" (RFC 9110 §12.4.2).
std::optional<int> weight(std::string_view s) {
  if (s.size() < 3 || (s[0] != 'q' && s[0] != 'Q') || s[1] != '=')
    return std::nullopt;
  s.remove_prefix(2);
  if (s[0] != '0' && s[0] != '1')
    return std::nullopt;
  int value = (s[0] - '0') * 1000;
  if (s.size() == 1)
    return value;
  if (s[1] != '.' || s.size() > 5)
    return std::nullopt;
  int scale = 100;
  for (std::size_t i = 2; i < s.size(); ++i, scale /= 10) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])))
      return std::nullopt;
    value += (s[i] - '0') * scale;
  }
  return value > 1000 ? std::nullopt : std::optional<int>(value);
}

// How a range names a supported tag, from weakest to strongest claim on its weight.
enum class Match { none, any, subtag, exact };

Match match(const std::string& range, const std::string& tag) {
  if (range == tag)
    return Match::exact;
  if (range.size() > tag.size() && range.compare(0, tag.size(), tag) == 0 &&
      range[tag.size()] == '-')
    return Match::subtag;
  return range == "*" ? Match::any : Match::none;
}

struct Choice {
  Match how = Match::none;
  int weight = 0;
  std::size_t position = 0;  // of the range that set the weight
};

}  // namespace

std::string preferred_language(std::string_view header, const std::vector<std::string>& supported) {
  if (header.size() > kAcceptLanguageLimit) {
    // The range the cut falls in is incomplete ("nl;q=0." of "nl;q=0.5"): drop it.
    header = header.substr(0, kAcceptLanguageLimit + 1);
    const auto last = header.rfind(',');
    header = last == std::string_view::npos ? std::string_view() : header.substr(0, last);
  }
  std::vector<Choice> choices(supported.size());
  std::size_t position = 0;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view element = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const auto semicolon = element.find(';');
    const auto range = language_range(trim(element.substr(0, semicolon)));
    std::optional<int> q = 1000;
    // Parameters other than q are not defined for Accept-Language; one that is not a weight
    // makes the range malformed.
    for (auto rest = semicolon == std::string_view::npos ? std::string_view()
                                                         : element.substr(semicolon + 1);
         q && !rest.empty();) {
      const auto next = rest.find(';');
      q = weight(trim(rest.substr(0, next)));
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    if (!range || !q)
      continue;
    ++position;
    for (std::size_t i = 0; i < supported.size(); ++i) {
      const Match how = match(*range, supported[i]);
      Choice& c = choices[i];
      if (how == Match::none || how < c.how)
        continue;
      // Of several subtag ranges ("nl-BE;q=0.5, nl-NL") the heaviest counts; an exact range
      // or a stronger kind of match replaces whatever came before.
      if (how > c.how || (how != Match::subtag && how != Match::any) || *q > c.weight)
        c = {how, *q, position};
    }
  }
  std::string best;
  const Choice* chosen = nullptr;
  for (std::size_t i = 0; i < supported.size(); ++i) {
    const Choice& c = choices[i];
    if (c.how == Match::none || c.weight == 0)
      continue;
    if (!chosen || c.weight > chosen->weight ||
        (c.weight == chosen->weight && c.position < chosen->position)) {
      chosen = &c;
      best = supported[i];
    }
  }
  return best;
}

}  // namespace vakkaart::text
