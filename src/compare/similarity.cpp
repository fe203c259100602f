#include "compare/similarity.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "core/error.h"

namespace vakkaart::compare {
namespace {

using vakkaart::Json;
/// Ordered, so sums run in the same order on every run and the numbers are reproducible.
using TermWeights = std::map<std::string, double>;

/// Loading the lexicon and word lists takes long: one analyzer serves the whole process.
const text::Analyzer& standard_analyzer() {
  static const std::shared_ptr<const text::Analyzer> analyzer = text::Analyzer::standard();
  return *analyzer;
}

std::vector<std::vector<double>> identity(std::size_t n) {
  std::vector<std::vector<double>> m(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    m[i][i] = 1.0;
  return m;
}

/// |A∩B| / |A∪B| of two sorted, duplicate-free lists; 0 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  const std::size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

/// Term frequencies of the texts: stems of words that are not stop words. A word the analyzer
/// also stems in another word class ("reflectie", "reflecteren") counts once in total, split
/// over its stems, so such words do not outweigh the rest.
TermWeights term_frequencies(const std::vector<std::string>& texts,
                             const text::Analyzer& analyzer) {
  TermWeights tf;
  for (const auto& t : texts) {
    for (const auto& word : analyzer.analyze(t)) {
      if (word.stopword || word.stems.empty())
        continue;
      const double share = 1.0 / static_cast<double>(word.stems.size());
      for (const auto& stem : word.stems)
        tf[stem] += share;
    }
  }
  return tf;
}

double dot(const TermWeights& a, const TermWeights& b) {
  double sum = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += i->second * j->second;
      ++i, ++j;
    }
  }
  return sum;
}

/// TF-IDF vectors with the smoothed IDF ln((1 + N) / (1 + df)) + 1: a term every item uses
/// still counts a little, so two items that share only common words are not 0 apart.
std::vector<TermWeights> tf_idf(std::vector<TermWeights> tf) {
  std::map<std::string, int> df;
  for (const auto& weights : tf) {
    for (const auto& [term, _] : weights)
      ++df[term];
  }
  const double n = static_cast<double>(tf.size());
  for (auto& weights : tf) {
    for (auto& [term, weight] : weights)
      weight *= std::log((1 + n) / (1 + df[term])) + 1;
  }
  return tf;
}

Measure statements_measure(const std::vector<Item>& items) {
  Measure m{"statements",
            "Gedeelde uitspraken",
            "Shared statements",
            "Uitspraken die beide letterlijk bevatten, gedeeld door alle verschillende uitspraken "
            "van de twee samen (Jaccard).",
            "Statements both contain word for word, divided by all distinct statements of the two "
            "together (Jaccard).",
            identity(items.size())};
  std::vector<std::vector<std::string>> sets;
  for (const auto& item : items) {
    auto texts = statement_texts(item);
    std::sort(texts.begin(), texts.end());
    sets.push_back(std::move(texts));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size(); ++j)
      m.values[i][j] = m.values[j][i] = jaccard(sets[i], sets[j]);
  }
  return m;
}

Measure terms_measure(const std::vector<Item>& items, const text::Analyzer& analyzer) {
  Measure m{"terms",
            "Gedeelde woordenschat",
            "Shared vocabulary",
            "Hoe sterk de woordkeuze overeenkomt: cosinusgelijkenis van woordstammen (zonder "
            "stopwoorden), gewogen met TF-IDF, zodat woorden die weinig items gebruiken zwaarder "
            "wegen.",
            "How alike the wording is: cosine similarity of word stems (stop words left out), "
            "weighted by TF-IDF so that words few items use weigh more.",
            identity(items.size())};
  std::vector<TermWeights> tf;
  for (const auto& item : items)
    tf.push_back(term_frequencies(statement_texts(item), analyzer));
  const auto vectors = tf_idf(std::move(tf));
  std::vector<double> norms;
  for (const auto& v : vectors)
    norms.push_back(std::sqrt(dot(v, v)));
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const double denominator = norms[i] * norms[j];
      const double cosine = denominator == 0 ? 0.0 : dot(vectors[i], vectors[j]) / denominator;
      m.values[i][j] = m.values[j][i] = std::clamp(cosine, 0.0, 1.0);
    }
  }
  return m;
}

double rounded(double v) {
  return std::round(v * 10000.0) / 10000.0;
}

}  // namespace

Similarity similarity(const std::vector<Item>& items, const text::Analyzer& analyzer) {
  Similarity out;
  for (const auto& item : items)
    out.items.push_back(item.info);
  out.measures.push_back(statements_measure(items));
  out.measures.push_back(terms_measure(items, analyzer));
  return out;
}

Similarity similarity(const std::vector<Item>& items) {
  return similarity(items, standard_analyzer());
}

std::vector<Item> similarity_items(store::Store& store, const std::vector<std::string>& requested) {
  if (requested.size() > kMaxMatrixItems) {
    throw Error(ErrorCode::invalid_argument,
                "at most " + std::to_string(kMaxMatrixItems) + " items fit in one matrix, not " +
                    std::to_string(requested.size()),
                {"", 0, "item"});
  }
  // Requested items are loaded first: that resolves codes and rejects unknown ids.
  std::map<std::string, Item> wanted;
  std::vector<std::string> wanted_order;
  for (const auto& id : requested) {
    Item item = load_item(store, id);
    const std::string resolved = item.info.id;
    if (wanted.emplace(resolved, std::move(item)).second)
      wanted_order.push_back(resolved);
  }

  std::vector<std::string> order;
  std::set<std::string> taken;
  bool has_qualification = false;
  for (const auto& p : store.list_profiles()) {
    if (taken.insert(p.id).second)
      order.push_back(p.id);
  }
  for (const auto& id : wanted_order) {
    has_qualification = has_qualification || wanted.at(id).qualification.has_value();
    if (taken.insert(id).second)
      order.push_back(id);
  }
  if (!has_qualification) {
    for (const auto& q : store.list_qualifications()) {
      if (q.current && taken.insert(q.id).second)
        order.push_back(q.id);
    }
  }
  // Over the cap, unrequested items go from the end: what was asked for is always shown.
  for (auto at = order.end(); order.size() > kMaxMatrixItems && at != order.begin();) {
    --at;
    if (wanted.count(*at) == 0)
      at = order.erase(at);
  }

  std::vector<Item> items;
  for (const auto& id : order) {
    auto found = wanted.find(id);
    items.push_back(found != wanted.end() ? std::move(found->second) : load_item(store, id));
  }
  return items;
}

Json similarity_to_json(const Similarity& similarity) {
  Json items = Json::array();
  for (const auto& item : similarity.items)
    items.push_back({{"id", item.id}, {"kind", to_string(item.kind)}, {"title", item.title}});
  Json measures = Json::array();
  for (const auto& m : similarity.measures) {
    Json values = Json::array();
    for (const auto& row : m.values) {
      Json cells = Json::array();
      for (double v : row)
        cells.push_back(rounded(v));
      values.push_back(std::move(cells));
    }
    measures.push_back({{"id", m.id},
                        {"label", m.label},
                        {"label_en", m.label_en},
                        {"description", m.description},
                        {"description_en", m.description_en},
                        {"values", std::move(values)}});
  }
  return {{"items", std::move(items)}, {"measures", std::move(measures)}};
}

}  // namespace vakkaart::compare
