#pragma once

#include <map>
#include <string>
#include <vector>

namespace vakkaart::model {

/// Translations of one text of a framework, by language ("en", "fr"). Dutch is the element's
/// own text (the source's wording) and never appears here; an empty map means "Dutch only".
using Labels = std::map<std::string, std::string>;

/// The languages a label may be in besides Dutch, in the order exports write them.
inline const std::vector<std::string>& label_languages() {
  static const std::vector<std::string> languages = {"en", "fr"};
  return languages;
}

/// The text to show a reader of `language`: its label when there is one, the Dutch otherwise.
inline const std::string& label_or_dutch(const Labels& labels, const std::string& language,
                                         const std::string& dutch) {
  auto it = labels.find(language);
  return it == labels.end() ? dutch : it->second;
}

/// The language `label_or_dutch` shows: `language` when a label exists, "nl" otherwise.
inline std::string shown_language(const Labels& labels, const std::string& language) {
  return labels.count(language) ? language : "nl";
}

}  // namespace vakkaart::model
