#include "text/stemmer.h"

#include <xapian.h>

#include <unordered_map>

namespace vakkaart::text {

std::string dutch_stem(std::string_view folded_word) {
  thread_local Xapian::Stem stemmer("dutch");
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string word(folded_word);
  if (auto it = cache.find(word); it != cache.end())
    return it->second;
  std::string stem = stemmer(word);
  if (cache.size() > 200000)
    cache.clear();  // bounded: a corpus of random strings must not grow it
  cache.emplace(std::move(word), stem);
  return stem;
}

}  // namespace vakkaart::text
