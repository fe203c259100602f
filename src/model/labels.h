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

/// A text as a reader sees it: the label in their language when there is one, the Dutch
/// otherwise, and the language it is then in (for the element's lang attribute).
struct ShownText {
  std::string text;
  std::string lang;  // `language` when its label exists, "nl" otherwise

  bool operator==(const ShownText&) const = default;
};

/// The one way every page, SVG and search result picks the text to show (issue 18): the label in
/// `language` when there is one, the Dutch otherwise ("nl" asks for the Dutch always; "fr" shows
/// French labels where they exist).
inline ShownText shown_text(const Labels& labels, const std::string& language,
                            const std::string& dutch) {
  auto it = labels.find(language);
  return it == labels.end() ? ShownText{dutch, "nl"} : ShownText{it->second, language};
}

}  // namespace vakkaart::model
