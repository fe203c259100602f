#include "analysis/word_terms.h"

#include <algorithm>

namespace vakkaart::analysis {

void WordTermCache::trim(const StructureIndex& index) {
  if (serial_ != index.serial()) {
    words_.clear();
    serial_ = index.serial();
  }
  if (words_.size() >= max_words_)
    words_.clear();
}

const WordTerms& WordTermCache::find_or_add(std::string_view word, const StructureIndex& index) {
  auto it = words_.find(word);
  if (it != words_.end())
    return it->second;
  return words_.emplace(std::string(word), analyse(word, index)).first->second;
}

WordTerms WordTermCache::analyse(std::string_view word, const StructureIndex& index) const {
  const auto& analyzer = index.analyzer();
  WordTerms out;
  auto add = [&](const std::string& stem, float factor) {
    auto id = index.term_id(stem);
    if (id < 0)
      return;
    auto term = static_cast<std::uint32_t>(id);
    auto it = std::find_if(out.terms.begin(), out.terms.end(),
                           [&](const auto& t) { return t.first == term; });
    if (it == out.terms.end())
      out.terms.emplace_back(term, factor);
    else
      it->second = std::max(it->second, factor);
  };
  bool content = false;
  for (const auto& w : analyzer.analyze(word)) {
    if (w.stopword || w.forms.empty() || index.is_ignored(w.forms.front()))
      continue;
    const auto& folded = w.forms.front();
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    content = true;
    out.light = out.light || analyzer.is_light(folded);
    float direct = out.light ? StructureIndex::kPartFactor : 1.0F;
    for (const auto& s : w.stems)
      add(s, direct);
    for (const auto& s : w.part_stems)
      add(s, direct * StructureIndex::kPartFactor);
    // A synonym says the same thing in other words, but less surely than the word itself.
    for (const auto& form : w.forms)
      for (const auto& synonym : analyzer.synonyms_of(form))
        add(analyzer.stem(synonym), StructureIndex::kPartFactor);
  }
  out.ignored = !content;
  out.unknown = content && out.terms.empty();
  return out;
}

}  // namespace vakkaart::analysis
