#include "text/lexicon.h"

#include <algorithm>

#include <array>
#include <cstdlib>
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
constexpr std::size_t kChunkBytes = 1 << 16;  // the arena's unit; a longer word gets its own

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

/// A digit or punctuation mark: a .dic word with one is a number, abbreviation or name. (A
/// plain test: string_view::find_first_of ran memchr per letter, a fifth of loading the lexicon.)
bool is_name_or_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '\'' || c == ' ';
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

Lexicon::Lexicon(const Lexicon& other) {
  words_.reserve(other.words_.size());
  for (auto w : other.words_)
    words_.insert(keep(w));
  prefixed_.reserve(other.prefixed_.size());
  for (auto w : other.prefixed_)
    prefixed_.insert(keep(w));
}

void Lexicon::load_hunspell(const std::string& dic_path) {
  std::ifstream in(dic_path, std::ios::binary);
  const std::string base =
      dic_path.size() > 4 && dic_path.compare(dic_path.size() - 4, 4, ".dic") == 0
          ? dic_path.substr(0, dic_path.size() - 4)
          : dic_path;
  const HunspellPrefixes prefixes = read_hunspell_prefixes(base + ".aff");
  // The whole file at once (2.6 MB), then lines as views: getline was a tenth of the load.
  std::string content;
  if (in.seekg(0, std::ios::end); in) {
    content.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
    in.seekg(0);
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  }
  std::string_view rest(content);
  auto next_line = [&rest] {
    const auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    return line;
  };
  // The first line is the word count: room for that many words from the start, so the sets
  // do not grow step by step.
  if (const std::size_t count = std::strtoul(std::string(next_line()).c_str(), nullptr, 10);
      count > 0 && count < (std::size_t{1} << 24)) {
    words_.reserve(words_.size() + count);
    prefixed_.reserve(prefixed_.size() + count);
  }
  std::string folded;
  std::string made;
  while (!rest.empty()) {
    const std::string_view line = next_line();
    const auto slash = line.find('/');
    const std::string_view word = line.substr(0, slash);
    // Proper names, abbreviations and words with digits or punctuation make bad parts.
    if (word.size() < kMinPart || (word[0] >= 'A' && word[0] <= 'Z'))
      continue;
    if (std::any_of(word.begin(), word.end(), is_name_or_number_char))
      continue;
    // Most entries are lower-case ASCII already, which folding leaves as it is.
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      folded.assign(word);
    else
      folded = fold(word);
    if (slash != std::string_view::npos && !prefixes.prefix_of_flag.empty()) {
      const auto end = line.find_first_of(" \t", slash);
      const std::string_view field = line.substr(
          slash + 1, end == std::string_view::npos ? std::string_view::npos : end - slash - 1);
      for (const auto flag : prefixes.flags(field)) {
        // (abseil's own string_view here: Debian builds abseil without std::string_view.)
        const auto it = prefixes.prefix_of_flag.find(absl::string_view(flag.data(), flag.size()));
        if (it == prefixes.prefix_of_flag.end())
          continue;
        made.assign(it->second).append(folded);
        if (!prefixed_.contains(made))
          prefixed_.insert(keep(made));
      }
    }
    if (!words_.contains(folded))
      words_.insert(keep(folded));
  }
}

std::string_view Lexicon::keep(std::string_view w) {
  if (w.size() > chunk_left_) {
    const std::size_t size = std::max(kChunkBytes, w.size());
    chunks_.push_back(std::make_unique<char[]>(size));
    chunk_next_ = chunks_.back().get();
    chunk_left_ = size;
  }
  char* at = chunk_next_;
  std::copy(w.begin(), w.end(), at);
  chunk_next_ += w.size();
  chunk_left_ -= w.size();
  return {at, w.size()};
}

bool Lexicon::has_prefixed(std::string_view folded_word) const {
  return contains(folded_word) || prefixed_.contains(folded_word);
}

void Lexicon::add(std::string_view folded_word) {
  if (folded_word.size() >= kMinPart && !words_.contains(folded_word))
    words_.insert(keep(folded_word));
}

bool Lexicon::contains(std::string_view folded_word) const {
  return words_.contains(folded_word);
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
  // Never destroyed: freeing 360,000 set nodes at exit cost a CLI command 9% of its time, and
  // the process is ending anyway.
  static const Lexicon* const lexicon = [] {
    auto* l = new Lexicon;
    l->load_hunspell("/usr/share/hunspell/nl.dic");
    return l;
  }();
  return *lexicon;
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
