#pragma once

#include <cstddef>
#include <string_view>

// The lexical rules of the segmenter: abbreviations whose dot ends no sentence, and the function
// words a wrapped line may end with.
namespace vakkaart::analysis::segmenter_detail {

/// True when the '.' at s[dot] belongs to its word and does not end the sentence: an
/// abbreviation (bv., o.a., dhr.) or a single capital initial (J. Peeters).
bool seg_abbreviation_before(std::string_view s, std::size_t block_begin, std::size_t dot);

/// The last word of s[begin, end) is a function word ("…samen met" / "vrijwilligers en").
bool seg_ends_with_function_word(std::string_view s, std::size_t begin, std::size_t end);

}  // namespace vakkaart::analysis::segmenter_detail
