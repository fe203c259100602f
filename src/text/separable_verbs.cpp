#include "text/separable_verbs.h"

#include <algorithm>
#include <array>

#include "text/text_utils.h"

namespace vakkaart::text {
namespace {

// A separated particle is at most this many words after its verb; longer clauses exist, but
// the pairing gets less sure with every word and the scan must stay linear.
constexpr std::size_t kMaxDistance = 12;

constexpr std::array<std::string_view, 26> kParticles = {
    "aan",   "achter", "af",    "bij",  "bijeen", "binnen", "deel", "door", "in",
    "los",   "mee",    "na",    "neer", "om",     "op",     "open", "over", "rond",
    "samen", "tegen",  "terug", "toe",  "uit",    "vast",   "voor", "weg"};

// Words that may follow a separated particle: a preposition of an extraposed phrase ("samen met
// collega's") or a conjunction that opens the next clause ("na of …").
constexpr std::array<std::string_view, 22> kAfterParticle = {
    "aan",  "bij",    "binnen", "dat",     "door",    "en",   "in",   "met",
    "naar", "of",     "om",     "omtrent", "op",      "over", "rond", "rondom",
    "tot",  "tussen", "van",    "voor",    "waarbij", "zodat"};

// Words after which a clause's finite verb may stand: conjunctions and subject pronouns
// ("en stelt … op", "je werkt samen met …").
constexpr std::array<std::string_view, 12> kBeforeVerb = {
    "en", "of", "maar", "je", "jij", "u", "hij", "zij", "ze", "men", "we", "wij"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

/// True if the text between two tokens ends a clause: punctuation, a dash or bullet of a list,
/// a line break or markup.
bool clause_break(std::string_view between) {
  if (between.find_first_of(".,;:!?()[]-<>\n") != std::string_view::npos)
    return true;
  for (std::string_view mark : {"\u2013", "\u2014", "\u2022"}) {
    if (between.find(mark) != std::string_view::npos)
      return true;
  }
  return false;
}

/// The infinitive of a verb stem as hunspell-nl lists it: "werk" -> "werken", "stem" ->
/// "stemmen" (a short vowel keeps its consonant doubled), "geef" -> "geven" and "draag" ->
/// "dragen" (a long vowel in an open syllable, v and z), "zie" -> "zien", "licht" -> "lichten".
std::string infinitive_of_stem(const std::string& s) {
  const std::size_t n = s.size();
  if (is_vowel(s[n - 1]))
    return s + "n";
  if (n >= 3 && is_vowel(s[n - 2]) && s[n - 2] == s[n - 3]) {
    std::string open = s.substr(0, n - 2);
    const char last = s[n - 1];
    open += last == 'f' ? 'v' : last == 's' ? 'z' : last;
    return open + "en";
  }
  // "wandel", "moedig": an unstressed last syllable keeps one consonant.
  const bool unstressed = n >= 3 && s.find_first_of("aeiou") < n - 2 &&
                          (s.compare(n - 2, 2, "ig") == 0 || s.compare(n - 2, 2, "el") == 0 ||
                           s.compare(n - 2, 2, "er") == 0 || s.compare(n - 2, 2, "en") == 0);
  if (n >= 3 && s[n - 1] != 'w' && is_vowel(s[n - 2]) && !is_vowel(s[n - 3]) && !unstressed)
    return s + s[n - 1] + "en";
  return s + "en";
}

/// Verb stems a third-person form may have: "werkt" -> "werk", "licht" -> "licht", "zet" ->
/// "zet".
std::vector<std::string> stems_of(std::string_view finite) {
  return {std::string(finite.substr(0, finite.size() - 1)), std::string(finite)};
}

/// The separable verb of a finite form and a particle, or "" when hunspell-nl knows none.
std::string join(std::string_view finite, std::string_view particle, const Lexicon& lexicon) {
  // hunspell-nl lists some verbs whole ("samenwerken") and most by their stem ("opstel").
  // A whole infinitive it lists or makes by a prefix flag settles the spelling ("uitkomen", not
  // "uitkommen"; "nagaan").
  const auto stems = stems_of(finite);
  for (const auto& stem : stems) {
    for (const auto& infinitive :
         {infinitive_of_stem(stem), stem + "en", stem + stem.back() + "en"}) {
      if (lexicon.has_prefixed(std::string(particle) + infinitive))
        return std::string(particle) + infinitive;
    }
  }
  for (const auto& stem : stems) {
    const std::string infinitive = std::string(particle) + infinitive_of_stem(stem);
    if (lexicon.contains(infinitive) || lexicon.contains(std::string(particle) + stem))
      return infinitive;
  }
  return "";
}

}  // namespace

std::vector<SeparatedVerb> separated_verbs(
    std::string_view text, const std::vector<WordToken>& tokens, const Lexicon& lexicon,
    const std::function<bool(const std::string&)>& is_stopword) {
  std::vector<SeparatedVerb> out;
  auto form = [&](std::size_t i) -> std::string_view {
    return tokens[i].forms.empty() ? std::string_view() : std::string_view(tokens[i].forms[0]);
  };
  // True if token i is the last of its clause.
  auto closes_clause = [&](std::size_t i) {
    return i + 1 == tokens.size() ||
           clause_break(text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end));
  };
  for (std::size_t v = 0; v < tokens.size(); ++v) {
    const std::string_view verb = form(v);
    const bool opens_clause = v == 0 || closes_clause(v - 1) || in(kBeforeVerb, form(v - 1));
    if (!opens_clause || verb.size() < 3 || is_stopword(std::string(verb)) || verb.back() != 't' ||
        verb[verb.size() - 2] == 't' || closes_clause(v))
      continue;
    for (std::size_t p = v + 1; p < tokens.size() && p <= v + kMaxDistance; ++p) {
      const bool last = closes_clause(p);
      if (in(kParticles, form(p)) && (last || in(kAfterParticle, form(p + 1)))) {
        if (std::string infinitive = join(verb, form(p), lexicon); !infinitive.empty()) {
          out.push_back({v, std::move(infinitive)});
          break;
        }
      }
      if (last)
        break;
    }
  }
  return out;
}

}  // namespace vakkaart::text
