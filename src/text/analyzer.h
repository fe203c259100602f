#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/lexicon.h"

namespace vakkaart::text {

/// One word of a text after analysis.
struct AnalyzedWord {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  /// Folded spellings (see WordToken), plus the completed compound of a hyphenated coordination:
  /// "communicatie- en interactievormen" gives "communicatie" the form "communicatievormen".
  std::vector<std::string> forms;
  /// Dutch stems of the forms and of their derivations in another word class ("reflectie" also
  /// gives the stem of "reflecteren"): the terms a search matches first. All share the word's
  /// position, so phrases match across word classes.
  std::vector<std::string> stems;
  /// Stems of the parts of compound forms (and their derivations): "erkenningsdossiers" ->
  /// "erken", "dossier".
  std::vector<std::string> part_stems;
  bool stopword = false;
};

/// Whether Analyzer::analyze gives the finite verb of a separable verb written apart the terms of
/// the whole verb ("Werkt … samen" also those of "samenwerken"). Search joins: a user types
/// "samenwerken" or "opvolging". The analysis engines keep them apart: their weights and
/// thresholds were chosen on words as written, and joining lowered their tuning figures
/// (docs/ARCHITECTURE.md, search quality).
enum class SeparatedVerbs { keep_apart, join };

/// The text analysis that search and matching share: folding, Dutch tokens, Snowball stems,
/// decompounding, stop words, and query-time synonyms. Immutable after construction, so one
/// instance serves every thread.
class Analyzer {
 public:
  struct Resources {
    std::string stopwords_path;        // empty: no stop words
    std::string synonyms_path;         // empty: no synonyms
    std::string light_words_path;      // empty: no light words
    const Lexicon* lexicon = nullptr;  // the dictionary lexicon; null: none
  };
  explicit Analyzer(const Resources& resources);

  /// Stop words and synonyms from data_dir(), the hunspell-nl lexicon.
  static std::shared_ptr<const Analyzer> standard();

  /// Words of the corpus join the decompounder's lexicon. Call before sharing the analyzer.
  void add_vocabulary(std::string_view text);

  std::vector<AnalyzedWord> analyze(std::string_view text,
                                    SeparatedVerbs verbs = SeparatedVerbs::keep_apart) const;

  bool is_stopword(const std::string& folded) const { return stopwords_.count(folded) != 0; }
  /// A light word (data/light-words-nl.txt): a generic verb such as "geven", "maken" that a
  /// query keeps but weighs less than the words that say what is asked.
  bool is_light(const std::string& folded) const;
  /// Folded synonyms of a folded word (not including the word).
  const std::vector<std::string>& synonyms_of(const std::string& folded) const;
  /// The same for a word as typed in a query: one that no group lists takes the synonyms of
  /// the group words with its stem ("vergaderingen" those of "vergadering", "coacht" those of
  /// "coachen"). Compound parts keep synonyms_of: a part is no word the user chose.
  const std::vector<std::string>& inflected_synonyms_of(const std::string& folded) const;
  /// The search stem of a folded word: Dutch Snowball after two repairs the dictionary allows.
  /// Third-person verb forms become their infinitive first ("begeleidt" -> "begeleiden",
  /// "stuurt" -> "sturen"), because the sources write "Begeleidt" where users type
  /// "begeleiden"; a plural -s whose singular is a word goes ("subsidies" -> "subsidie"), which
  /// Snowball leaves after a vowel; a doubled final consonant is undoubled ("plann" -> "plan").
  std::string stem(const std::string& folded) const;
  /// Compound parts of a folded word (empty when it is no compound we can split).
  std::vector<std::string> parts_of(const std::string& folded) const;

 private:
  std::string infinitive_of(const std::string& verb_stem) const;
  /// Related forms of another word class whose stems join the word's part stems.
  std::vector<std::string> derived_forms(const std::string& form) const;
  /// Adds the stems and part stems of one folded form to `word` (see AnalyzedWord).
  void add_form_terms(const std::string& form, AnalyzedWord& word) const;

  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> light_stems_;
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  /// The synonyms of every group word, keyed by the word's stem.
  std::unordered_map<std::string, std::vector<std::string>> stem_synonyms_;
  const Lexicon* lexicon_ = nullptr;
  Lexicon corpus_;
  /// Keys this analyzer's per-thread caches; changes whenever what the analyzer answers can
  /// change (a new instance, new vocabulary), so a cache never outlives its meaning.
  std::uint64_t cache_key_ = 0;
};

}  // namespace vakkaart::text
