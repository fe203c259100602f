#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vakkaart::text {

/// The Dutch words the decompounder may split a compound into: Debian's hunspell-nl dictionary
/// (head words without their affix flags, folded, "ĳ" spelled "ij") plus the vocabulary of the
/// corpus itself.
class Lexicon {
 public:
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
  std::unordered_set<std::string> words_;
  /// Words a hunspell prefix flag makes ("nagaan"); kept apart from words_, which the
  /// decompounder splits with, so compounds split as before.
  std::unordered_set<std::string> prefixed_;
};

/// A compound split into its parts, e.g. "vrijwilligersbeleid" -> {"vrijwilligers", "beleid"}
/// (the linking s stays with the part before it, which the stemmer then removes).
std::vector<std::string> decompound(std::string_view folded_word, const Lexicon& lexicon,
                                    const Lexicon* extra = nullptr);

}  // namespace vakkaart::text
