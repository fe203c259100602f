#include "text/lexicon.h"

#include <algorithm>

#include <array>
#include <fstream>

#include "text/fold.h"
#include "text/hunspell_affixes.h"
#include "text/text_utils.h"

namespace vakkaart::text {
namespace {

constexpr std::size_t kMinPart = 4;      // shorter parts are mostly prefixes and suffixes
constexpr std::size_t kMinCompound = 8;  // shorter words are hardly ever compounds
// Longer "words" are not split: no Dutch compound comes near it, and splitting tries every head
// length with a lookup each, which grows with the square of the word.
constexpr std::size_t kMaxCompound = 64;

/// Suffixes that are words in the dictionary but never the head of a compound.
bool is_suffix_like(std::string_view part) {
  static const std::array<std::string_view, 16> suffixes = {
      "heid", "heden", "ingen",  "lijk", "lijke", "lijkheid", "schap", "schappen",
      "baar", "loos",  "achtig", "isch", "ische", "atie",     "aties", "eren"};
  for (auto s : suffixes) {
    if (part == s)
      return true;
  }
  return false;
}

bool accepts(const Lexicon& lexicon, const Lexicon* extra, std::string_view part) {
  return lexicon.accepts_part(part) || (extra != nullptr && extra->accepts_part(part));
}

/// Splits w into head + rest, longest valid head first, the rest split again when it is itself
/// a compound. Returns false when no split into known parts exists.
bool split(std::string_view w, const Lexicon& lexicon, const Lexicon* extra,
           std::vector<std::string>& parts, int depth) {
  if (depth > 4)
    return false;
  for (std::size_t head = w.size() - kMinPart; head >= kMinPart; --head) {
    const std::string_view first = w.substr(0, head);
    const std::string_view rest = w.substr(head);
    if (is_suffix_like(rest) || !accepts(lexicon, extra, first))
      continue;
    if (accepts(lexicon, extra, rest)) {
      parts.emplace_back(first);
      parts.emplace_back(rest);
      return true;
    }
    if (rest.size() >= kMinCompound) {
      std::vector<std::string> more;
      if (split(rest, lexicon, extra, more, depth + 1)) {
        parts.emplace_back(first);
        parts.insert(parts.end(), more.begin(), more.end());
        return true;
      }
    }
  }
  return false;
}

}  // namespace

void Lexicon::load_hunspell(const std::string& dic_path) {
  std::ifstream in(dic_path);
  const std::string base =
      dic_path.size() > 4 && dic_path.compare(dic_path.size() - 4, 4, ".dic") == 0
          ? dic_path.substr(0, dic_path.size() - 4)
          : dic_path;
  const HunspellPrefixes prefixes = read_hunspell_prefixes(base + ".aff");
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {  // the first line is the word count
      first = false;
      continue;
    }
    const auto slash = line.find('/');
    std::string_view word(line.data(), slash == std::string::npos ? line.size() : slash);
    // Proper names, abbreviations and words with digits or punctuation make bad parts.
    if (word.size() < kMinPart || (word[0] >= 'A' && word[0] <= 'Z'))
      continue;
    if (word.find_first_of("0123456789-.' ") != std::string_view::npos)
      continue;
    std::string folded = fold(word);
    if (slash != std::string::npos && !prefixes.prefix_of_flag.empty()) {
      const auto end = line.find_first_of(" \t", slash);
      const std::string_view field(line.data() + slash + 1,
                                   (end == std::string::npos ? line.size() : end) - slash - 1);
      for (const auto& flag : prefixes.flags(field)) {
        if (auto it = prefixes.prefix_of_flag.find(flag); it != prefixes.prefix_of_flag.end())
          prefixed_.insert(it->second + folded);
      }
    }
    words_.insert(std::move(folded));
  }
}

bool Lexicon::has_prefixed(std::string_view folded_word) const {
  return contains(folded_word) || prefixed_.count(std::string(folded_word)) != 0;
}

void Lexicon::add(std::string_view folded_word) {
  if (folded_word.size() >= kMinPart)
    words_.emplace(folded_word);
}

bool Lexicon::contains(std::string_view folded_word) const {
  return words_.count(std::string(folded_word)) != 0;
}

bool Lexicon::accepts_part(std::string_view w) const {
  if (w.size() < kMinPart)
    return false;
  if (contains(w))
    return true;
  auto strip = [&](std::string_view suffix) {
    return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix &&
           contains(w.substr(0, w.size() - suffix.size()));
  };
  if (strip("s") || strip("en") || strip("n") || strip("e"))
    return true;
  // "plannen" -> "plan", "processen" -> "proces": a doubled consonant before -en.
  if (w.size() > 6 && w.substr(w.size() - 2) == "en" && w[w.size() - 3] == w[w.size() - 4]) {
    return contains(w.substr(0, w.size() - 3));
  }
  return false;
}

bool Lexicon::has_verb(std::string_view v) const {
  if (contains(v))
    return true;
  if (v.size() < 5 || v.substr(v.size() - 2) != "en")
    return false;
  const std::string stem(v.substr(0, v.size() - 2));
  std::vector<std::string> candidates = {stem};
  const std::size_t n = stem.size();
  if (n > 2 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]))
    candidates.push_back(stem.substr(0, n - 1));
  if (n > 2 && !is_vowel(stem[n - 1]) && is_vowel(stem[n - 2]) && !is_vowel(stem[n - 3]))
    candidates.push_back(stem.substr(0, n - 1) + stem[n - 2] + stem[n - 1]);
  for (std::size_t i = 0, m = candidates.size(); i < m; ++i) {
    const std::string& c = candidates[i];
    if (c.back() == 'v' || c.back() == 'z')
      candidates.push_back(c.substr(0, c.size() - 1) + (c.back() == 'v' ? 'f' : 's'));
  }
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](const std::string& c) { return contains(c); });
}

const Lexicon& Lexicon::dutch() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    l.load_hunspell("/usr/share/hunspell/nl.dic");
    return l;
  }();
  return lexicon;
}

std::vector<std::string> decompound(std::string_view w, const Lexicon& lexicon,
                                    const Lexicon* extra) {
  std::vector<std::string> parts;
  if (w.size() < kMinCompound || w.size() > kMaxCompound)
    return parts;
  if (!split(w, lexicon, extra, parts, 0))
    parts.clear();
  return parts;
}

}  // namespace vakkaart::text
