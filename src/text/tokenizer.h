#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::text {

/// A word of a text as the source wrote it, with its folded forms.
struct WordToken {
  std::size_t begin = 0;  // byte offsets in the text
  std::size_t end = 0;
  /// Folded spellings this word stands for, most literal first:
  ///  "thema's" -> {"thema"}; "sociaal-culturele" -> {"sociaalculturele", "sociaal", "culturele"};
  ///  "(h)erkennen" -> {"herkennen", "erkennen"}; "actie(s)" -> {"acties", "actie"}.
  std::vector<std::string> forms;
  /// "communicatie- en ...": a first part whose head comes from a later word.
  bool open_hyphen = false;
};

/// Forms are cut to this many bytes (on a code point boundary): a search index cannot hold a
/// longer term (Xapian's limit is 245 bytes with its prefix), and no real word comes near it,
/// so an endless "word" costs linear work and indexes and queries the same way.
inline constexpr std::size_t kMaxFormBytes = 200;

/// Splits text into words the Dutch way: apostrophes stay inside words ("thema's", "IT'ers"),
/// slashes separate ("en/of", "thema/inhoud"), hyphens join parts of one word, parentheses glued
/// to letters mark optional letters, any other punctuation separates.
std::vector<WordToken> tokenize(std::string_view text);

}  // namespace vakkaart::text
