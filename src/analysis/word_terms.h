#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/structure_index.h"

namespace vakkaart::analysis {

/// What one word of a text contributes to matching.
struct WordTerms {
  /// Index terms of the word (its stems full, compound parts, light words and synonyms less),
  /// as (term, factor); the index's idf is applied by the matcher.
  std::vector<std::pair<std::uint32_t, float>> terms;
  /// A content word (no stop word, not a number) that no unit has: it dilutes the segment.
  bool unknown = false;
  /// A stop word, a number or punctuation: ignored.
  bool ignored = false;
  /// A light word (data/light-words-nl.txt: "werken", "houden", "geven"), weighed less.
  bool light = false;
};

/// Per-thread memo of word → index terms. The full Dutch analysis (folding, stemming,
/// decompounding against the lexicon) costs microseconds per word; a text repeats a small
/// vocabulary, so each distinct spelling is analysed once per thread. Bounded: the cache is
/// emptied when it grows past `max_words`, so memory stays flat over millions of texts.
class WordTermCache {
 public:
  explicit WordTermCache(std::size_t max_words = 1 << 17) : max_words_(max_words) {}

  /// The terms of `word` (a run of word characters as split by split_words) in `index`. The
  /// reference is valid until the next lookup, which may empty the cache.
  const WordTerms& lookup(std::string_view word, const StructureIndex& index) {
    trim(index);
    return find_or_add(word, index);
  }
  /// Empties the cache when it is past its bound or holds another index's words.
  void trim(const StructureIndex& index);
  /// lookup without the trim: every reference it returns stays valid until the next trim (an
  /// unordered_map keeps its elements in place), so the matcher can hold a segment's words.
  const WordTerms& find_or_add(std::string_view word, const StructureIndex& index);

 private:
  WordTerms analyse(std::string_view word, const StructureIndex& index) const;

  std::size_t max_words_;
  std::uint64_t serial_ = 0;  // the index the cached terms belong to
  /// Looks words up by string_view, so a hit allocates nothing.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, WordTerms, Hash, std::equal_to<>> words_;
};

/// Splits a segment into word spellings for the cache: runs between whitespace and the ASCII
/// punctuation that never belongs to a Dutch word. Apostrophes, hyphens and letters of any
/// script stay inside; the analyser sorts out the rest.
template <typename Callback>
void split_words(std::string_view text, Callback&& on_word) {
  // A byte test, not a decoding: every byte of a multi-byte UTF-8 sequence is >= 0x80 and so
  // never a separator, which keeps each character (valid or not) whole inside its word; the
  // analyser decodes the word through text/utf8. Decoding here would cost the hot path of bulk
  // analysis a call per character for the same split.
  auto separator = [](unsigned char c) {
    if (c >= 0x80)
      return false;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      return false;
    return c != '-' && c != '\'';
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    while (i < n && separator(static_cast<unsigned char>(text[i])))
      ++i;
    std::size_t start = i;
    while (i < n && !separator(static_cast<unsigned char>(text[i])))
      ++i;
    if (i > start)
      on_word(text.substr(start, i - start), start);
  }
}

}  // namespace vakkaart::analysis
