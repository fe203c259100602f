#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compare/comparison.h"
#include "core/json.h"
#include "store/store.h"
#include "text/analyzer.h"

namespace vakkaart::compare {

/// The most items one similarity matrix holds: 30 × 30 cells is as much as a page can show.
constexpr std::size_t kMaxMatrixItems = 30;

/// One way of measuring how alike two items are, with its values for every pair.
struct Measure {
  std::string id;  // "statements" or "terms"
  std::string label, label_en;
  std::string description, description_en;
  /// values[i][j] in [0, 1]; symmetric, 1 on the diagonal.
  std::vector<std::vector<double>> values;
};

/// Pairwise similarity of items under each measure.
struct Similarity {
  std::vector<ItemInfo> items;
  /// "statements" (shared exact statements) first, then "terms" (shared vocabulary).
  std::vector<Measure> measures;
};

/// Both measures over the items, in the given order. "statements": Jaccard similarity of the
/// items' sets of distinct statement texts, |A∩B| / |A∪B|. "terms": cosine similarity of
/// TF-IDF vectors of the analyzer's stems of non-stop words in those same texts, with the IDF
/// taken over these items. The same input always gives the same numbers.
Similarity similarity(const std::vector<Item>& items, const text::Analyzer& analyzer);

/// As above with the standard analyzer, built once per process on first use.
Similarity similarity(const std::vector<Item>& items);

/// The items a similarity overview shows: every profile in the store, then the requested ids
/// not yet among them, then, when none of those is a qualification, the current
/// qualifications; at most kMaxMatrixItems, dropping unrequested items from the end first.
/// Throws Error(not_found) for an unknown requested id and Error(invalid_argument, field
/// "item") when more than kMaxMatrixItems are requested.
std::vector<Item> similarity_items(store::Store& store, const std::vector<std::string>& requested);

/// `{items:[{id, kind, title}], measures:[{id, label, label_en, description, description_en,
/// values:[[...]]}]}` with values rounded to 4 decimals.
vakkaart::Json similarity_to_json(const Similarity& similarity);

}  // namespace vakkaart::compare
