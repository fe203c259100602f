#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_set.h>

namespace vakkaart::text {

/// The Dutch words the decompounder may split a compound into: Debian's hunspell-nl dictionary
/// (head words without their affix flags, folded, "ĳ" spelled "ij") plus the vocabulary of the
/// corpus itself.
class Lexicon {
 public:
  Lexicon() = default;
  // The sets hold views into the arena: a copy keeps its own copy of every word.
  Lexicon(const Lexicon& other);
  Lexicon& operator=(const Lexicon&) = delete;

  /// Reads a hunspell .dic file, and the prefix rules of the .aff file beside it; a missing file
  /// leaves the lexicon to the corpus words.
  void load_hunspell(const std::string& dic_path);
  void add(std::string_view folded_word);
  bool contains(std::string_view folded_word) const;
  /// A word or an inflection the decompounder accepts as a part: "dossiers" (dossier + s),
  /// "vormen" (vorm + en), "plannen" (plan + nen).
  bool accepts_part(std::string_view folded_word) const;
  /// Whether a folded infinitive is a Dutch verb: hunspell-nl lists most verbs by their stem
  /// ("organiseer", "aanpas", "afstem"), so the stem of the infinitive is looked up too, with the
  /// spelling rules that link them: a doubled consonant ("plannen" -> "plan"), an open syllable's
  /// long vowel ("beheren" -> "beheer"), v/f and z/s ("werven" -> "werf").
  bool has_verb(std::string_view folded_infinitive) const;
  /// Whether a folded word is one of hunspell-nl's words with a separable prefix that its .aff
  /// adds by a flag ("nagaan" from "gaan" with the flag of "na"), or a listed word.
  bool has_prefixed(std::string_view folded_word) const;
  std::size_t size() const { return words_.size(); }

  /// One shared lexicon: /usr/share/hunspell/nl.dic. Corpus words are added per analyzer.
  static const Lexicon& dutch();

 private:
  /// A copy of w in the arena, which lives as long as the lexicon.
  std::string_view keep(std::string_view w);

  // Why flat sets of views into an arena rather than a std::unordered_set of strings:
  // hunspell-nl has 180,000 words and its prefix flags make as many again. A node and a string
  // per word made loading the lexicon most of a CLI command's time (0.25 s of an import of the
  // two sources, `perf`, 2026-12-07); and a lookup by string_view no longer builds a string.
  using WordSet = absl::flat_hash_set<std::string_view>;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_next_ = nullptr;
  std::size_t chunk_left_ = 0;
  WordSet words_;
  /// Words a hunspell prefix flag makes ("nagaan"); kept apart from words_, which the
  /// decompounder splits with, so compounds split as before.
  WordSet prefixed_;
};

/// A compound split into its parts, e.g. "vrijwilligersbeleid" -> {"vrijwilligers", "beleid"}
/// (the linking s stays with the part before it, which the stemmer then removes).
std::vector<std::string> decompound(std::string_view folded_word, const Lexicon& lexicon,
                                    const Lexicon* extra = nullptr);

}  // namespace vakkaart::text
