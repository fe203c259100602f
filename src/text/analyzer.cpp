#include "text/analyzer.h"

#include <algorithm>
#include <string_view>

#include "text/stemmer.h"
#include "text/tokenizer.h"
#include "text/word_lists.h"

namespace vakkaart::text {
namespace {

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

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

Analyzer::Analyzer(const Resources& resources) : lexicon_(resources.lexicon) {
  if (!resources.stopwords_path.empty())
    stopwords_ = load_stopwords(resources.stopwords_path);
  if (!resources.synonyms_path.empty())
    synonyms_ = load_synonyms(resources.synonyms_path);
}

std::shared_ptr<const Analyzer> Analyzer::standard() {
  const std::string dir = data_dir();
  return std::make_shared<const Analyzer>(
      Resources{dir + "/stopwords-nl.txt", dir + "/synonyms-nl.txt", &Lexicon::dutch()});
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

std::vector<std::string> Analyzer::parts_of(const std::string& folded) const {
  // Per-thread cache: the same words come back in every statement and query.
  thread_local std::unordered_map<const Analyzer*,
                                  std::unordered_map<std::string, std::vector<std::string>>>
      caches;
  auto& cache = caches[this];
  if (auto it = cache.find(folded); it != cache.end())
    return it->second;
  std::vector<std::string> parts;
  if (lexicon_ != nullptr) {
    parts = decompound(folded, *lexicon_, &corpus_);
  } else {
    parts = decompound(folded, corpus_);
  }
  if (cache.size() > 200000)
    cache.clear();
  cache.emplace(folded, parts);
  return parts;
}

std::string Analyzer::stem(const std::string& folded) const {
  thread_local std::unordered_map<const Analyzer*, std::unordered_map<std::string, std::string>>
      caches;
  auto& cache = caches[this];
  if (auto it = cache.find(folded); it != cache.end())
    return it->second;
  std::string word = folded;
  const std::size_t n = word.size();
  if (lexicon_ != nullptr && n >= 5) {
    const std::string without_last = word.substr(0, n - 1);
    if (word.back() == 't' && word[n - 2] != 't') {
      if (lexicon_->contains(without_last + "en")) {
        word = without_last + "en";
      } else if (const auto open = undouble_vowel(without_last);
                 open != without_last && lexicon_->contains(open + "en")) {
        word = open + "en";
      }
    } else if (word.back() == 's' && lexicon_->contains(without_last)) {
      word = without_last;
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

std::vector<AnalyzedWord> Analyzer::analyze(std::string_view text) const {
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
    for (const auto& form : word.forms) {
      add_unique(word.stems, stem(form));
      for (const auto& part : parts_of(form)) {
        if (!is_stopword(part))
          add_unique(word.part_stems, stem(part));
      }
      // "evaluatie" ~ "evalueren", "organisatie" ~ "organiseren": the noun meets its verb.
      for (std::string_view suffix : {"aties", "atie"}) {
        if (form.size() > suffix.size() + 3 &&
            form.compare(form.size() - suffix.size(), suffix.size(), suffix) == 0) {
          add_unique(word.part_stems, stem(form.substr(0, form.size() - suffix.size()) + "eren"));
          break;
        }
      }
    }
  }
  return words;
}

}  // namespace vakkaart::text
