#include "text/analyzer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <string_view>

#include "text/separable_verbs.h"
#include "text/stemmer.h"
#include "text/text_utils.h"
#include "text/tokenizer.h"
#include "text/word_lists.h"

namespace vakkaart::text {
namespace {

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

std::uint64_t next_cache_key() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

/// A per-thread word cache of one analyzer: the same words come back in every statement and
/// query, and the analyzer itself stays immutable and shareable. Caches of analyzers that are
/// gone are dropped once a thread has seen a few.
template <typename Value>
std::unordered_map<std::string, Value>& thread_cache(std::uint64_t analyzer_key) {
  thread_local std::unordered_map<std::uint64_t, std::unordered_map<std::string, Value>> caches;
  if (caches.size() > 4 && caches.count(analyzer_key) == 0)
    caches.clear();
  return caches[analyzer_key];
}

/// The stems and part stems one folded form contributes to an AnalyzedWord.
struct FormTerms {
  std::vector<std::string> stems, part_stems;
};

/// "organiseer" -> "organiser", "stuur" -> "stur": the open syllable of the infinitive.
std::string undouble_vowel(const std::string& w) {
  const std::size_t n = w.size();
  if (n >= 3 && !is_vowel(w[n - 1]) && is_vowel(w[n - 2]) && w[n - 2] == w[n - 3]) {
    return w.substr(0, n - 2) + w.substr(n - 1);
  }
  return w;
}

bool is_conjunction(const WordToken& token) {
  return !token.forms.empty() && (token.forms[0] == "en" || token.forms[0] == "of");
}

}  // namespace

Analyzer::Analyzer(const Resources& resources)
    : lexicon_(resources.lexicon), cache_key_(next_cache_key()) {
  if (!resources.stopwords_path.empty())
    stopwords_ = load_stopwords(resources.stopwords_path);
  if (!resources.synonyms_path.empty())
    synonyms_ = load_synonyms(resources.synonyms_path);
  // Synonyms by stem, without those that share the stem: the word itself matches them.
  for (const auto& [word, others] : synonyms_) {
    const std::string key = stem(word);
    auto& by_stem = stem_synonyms_[key];
    for (const auto& other : others) {
      if (stem(other) != key && std::find(by_stem.begin(), by_stem.end(), other) == by_stem.end())
        by_stem.push_back(other);
    }
  }
  if (!resources.light_words_path.empty()) {
    for (const auto& word : load_stopwords(resources.light_words_path))
      light_stems_.insert(stem(word));
  }
}

std::shared_ptr<const Analyzer> Analyzer::standard() {
  const std::string dir = data_dir();
  return std::make_shared<const Analyzer>(
      Resources{dir + "/stopwords-nl.txt", dir + "/synonyms-nl.txt", dir + "/light-words-nl.txt",
                &Lexicon::dutch()});
}

void Analyzer::add_vocabulary(std::string_view text) {
  for (const auto& token : tokenize(text)) {
    for (const auto& form : token.forms)
      corpus_.add(form);
  }
}

const std::vector<std::string>& Analyzer::synonyms_of(const std::string& folded) const {
  static const std::vector<std::string> none;
  const auto it = synonyms_.find(folded);
  return it == synonyms_.end() ? none : it->second;
}

const std::vector<std::string>& Analyzer::inflected_synonyms_of(const std::string& folded) const {
  static const std::vector<std::string> none;
  if (const auto it = synonyms_.find(folded); it != synonyms_.end())
    return it->second;
  const auto it = stem_synonyms_.find(stem(folded));
  return it == stem_synonyms_.end() ? none : it->second;
}

std::vector<std::string> Analyzer::parts_of(const std::string& folded) const {
  auto& cache = thread_cache<std::vector<std::string>>(cache_key_);
  if (auto it = cache.find(folded); it != cache.end())
    return it->second;
  std::vector<std::string> parts;
  if (lexicon_ != nullptr) {
    parts = decompound(folded, *lexicon_, &corpus_);
  } else {
    parts = decompound(folded, corpus_);
  }
  if (parts.empty() && lexicon_ != nullptr) {
    // Separable verbs: "doorverwijzen" is written "verwijst ... door", "aanwerven" "werft aan".
    static const std::array<std::string_view, 14> particles = {
        "aan", "af", "bij",  "door",  "in",    "mee", "na",
        "om",  "op", "over", "samen", "terug", "toe", "uit"};
    for (auto particle : particles) {
      if (folded.size() >= particle.size() + 5 &&
          folded.compare(0, particle.size(), particle) == 0 &&
          lexicon_->contains(folded.substr(particle.size()))) {
        parts = {std::string(particle), folded.substr(particle.size())};
        break;
      }
    }
  }
  if (cache.size() > 200000)
    cache.clear();
  cache.emplace(folded, parts);
  return parts;
}

std::string Analyzer::infinitive_of(const std::string& verb_stem) const {
  // "begeleid" -> "begeleiden", "stuur" -> "sturen", "verwijs" -> "verwijzen",
  // "geef" -> "geven": the spelling changes between the stem and the infinitive. A verb the
  // dictionary makes with a separable prefix counts too ("uitbouwt" -> "uitbouwen": hunspell-nl
  // lists "bouwen" with the flag of "uit"), as a subordinate clause writes it in one word
  // ("die netwerken uitbouwt").
  std::vector<std::string> bases = {verb_stem};
  const char last = verb_stem.back();
  if (last == 's' || last == 'f') {
    bases.push_back(verb_stem.substr(0, verb_stem.size() - 1) + (last == 's' ? "z" : "v"));
  }
  for (const auto& base : bases) {
    if (lexicon_->has_prefixed(base + "en"))
      return base + "en";
    const auto open = undouble_vowel(base);
    if (open != base && lexicon_->has_prefixed(open + "en"))
      return open + "en";
  }
  return verb_stem + "t";
}

std::vector<std::string> Analyzer::derived_forms(const std::string& form) const {
  // Nouns meet their verbs: "evaluatie" ~ "evalueren", "reflectie" ~ "reflecteren",
  // "analyse" ~ "analyseren", "werving" ~ "werven", "uitvoering" ~ "uitvoeren", "mengsel" ~
  // "mengen". A rule's verb counts only when hunspell-nl knows it, so "functie" does not pair
  // with a made-up "functeren" (tests/unit/text/nominalisation_test.cpp lists pairs).
  std::vector<std::string> out;
  if (lexicon_ == nullptr)
    return out;
  auto ends = [&](std::string_view suffix) {
    return form.size() > suffix.size() + 3 &&
           form.compare(form.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  auto base = [&](std::size_t cut) { return form.substr(0, form.size() - cut); };
  std::vector<std::string> verbs;
  if (ends("aties")) {
    verbs.push_back(base(5) + "eren");
  } else if (ends("atie")) {
    verbs.push_back(base(4) + "eren");
  } else if (ends("ties")) {
    verbs.push_back(base(3) + "eren");
  } else if (ends("tie")) {
    verbs.push_back(base(2) + "eren");
  } else if (ends("ses")) {
    verbs.push_back(base(1) + "ren");
  } else if (ends("se")) {
    verbs.push_back(form + "ren");
  } else if (ends("ingen") || ends("ing")) {
    verbs.push_back(base(ends("ingen") ? 5 : 3) + "en");
  } else if (ends("sels") || ends("sel")) {
    const std::string stem = base(ends("sels") ? 4 : 3);
    verbs.push_back(stem + "en");
    verbs.push_back(stem + stem.back() + "en");  // "stelsel" ~ "stellen"
  }
  for (auto& verb : verbs)
    if (lexicon_->has_verb(verb))
      out.push_back(std::move(verb));
  return out;
}

bool Analyzer::is_light(const std::string& folded) const {
  return !light_stems_.empty() && light_stems_.count(stem(folded)) != 0;
}

std::string Analyzer::stem(const std::string& folded) const {
  auto& cache = thread_cache<std::string>(cache_key_);
  if (auto it = cache.find(folded); it != cache.end())
    return it->second;
  std::string word = folded;
  const std::size_t n = word.size();
  if (lexicon_ != nullptr && n >= 5) {
    const std::string without_last = word.substr(0, n - 1);
    if (word.back() == 't' && word[n - 2] != 't') {
      word = infinitive_of(without_last);
    } else if (word.back() == 's' && lexicon_->contains(without_last)) {
      word = without_last;
    } else if (word.back() == 'e' && !is_vowel(word[n - 2]) && is_vowel(word[n - 3]) &&
               word[n - 4] != word[n - 3]) {
      // An inflected adjective back to its base: "financiele" -> "financieel", "brede" ->
      // "breed"; Snowball would leave "financiel" and "financieel" apart.
      std::string base = word.substr(0, n - 2);
      base += word[n - 3];
      base += word[n - 2];
      if (lexicon_->contains(base))
        word = base;
    }
  }
  std::string stem = dutch_stem(word);
  const std::size_t m = stem.size();
  if (m >= 4 && stem[m - 1] == stem[m - 2] && !is_vowel(stem[m - 1]))
    stem.pop_back();
  if (cache.size() > 200000)
    cache.clear();
  cache.emplace(folded, stem);
  return stem;
}

std::vector<AnalyzedWord> Analyzer::analyze(std::string_view text, SeparatedVerbs verbs) const {
  const auto tokens = tokenize(text);
  std::vector<AnalyzedWord> words;
  words.reserve(tokens.size());
  for (const auto& token : tokens) {
    AnalyzedWord word;
    word.begin = token.begin;
    word.end = token.end;
    word.forms = token.forms;
    words.push_back(std::move(word));
  }
  // "communicatie- en interactievormen", "informatie-, sensibiliserings- en activeringsacties":
  // open words borrow the head of the compound after the conjunction.
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].open_hyphen)
      continue;
    std::size_t k = i;
    while (k < tokens.size() && tokens[k].open_hyphen)
      ++k;
    if (k + 1 >= tokens.size() || !is_conjunction(tokens[k]))
      continue;
    const auto parts = parts_of(tokens[k + 1].forms[0]);
    if (parts.empty())
      continue;
    for (std::size_t open = i; open < k; ++open) {
      add_unique(words[open].forms, tokens[open].forms[0] + parts.back());
    }
    i = k;
  }
  for (auto& word : words) {
    word.stopword = is_stopword(word.forms[0]);
    for (const auto& form : word.forms)
      add_form_terms(form, word);
  }
  // "Werkt samen met collega's" says "samenwerken": the verb's word carries its terms, so a
  // search for "samenwerken" or "samenwerking" finds it as the word, not only through parts.
  if (verbs == SeparatedVerbs::join && lexicon_ != nullptr) {
    for (const auto& separated : separated_verbs(
             text, tokens, *lexicon_, [this](const std::string& w) { return is_stopword(w); }))
      add_form_terms(separated.infinitive, words[separated.verb]);
  }
  return words;
}

void Analyzer::add_form_terms(const std::string& form, AnalyzedWord& word) const {
  // Once per form and thread: every statement shown as a search hit is analysed again for its
  // highlights, and its words are the same few thousand each time.
  auto& cache = thread_cache<FormTerms>(cache_key_);
  auto it = cache.find(form);
  if (it == cache.end()) {
    FormTerms terms;
    add_unique(terms.stems, stem(form));
    for (const auto& derived : derived_forms(form))
      add_unique(terms.stems, stem(derived));
    for (const auto& part : parts_of(form)) {
      if (is_stopword(part))
        continue;
      add_unique(terms.part_stems, stem(part));
      for (const auto& derived : derived_forms(part))
        add_unique(terms.part_stems, stem(derived));
    }
    if (cache.size() > 200000)
      cache.clear();
    it = cache.emplace(form, std::move(terms)).first;
  }
  for (const auto& s : it->second.stems)
    add_unique(word.stems, s);
  for (const auto& s : it->second.part_stems)
    add_unique(word.part_stems, s);
}

}  // namespace vakkaart::text
