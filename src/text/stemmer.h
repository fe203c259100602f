#pragma once

#include <string>
#include <string_view>

namespace vakkaart::text {

/// Dutch Snowball stem of a folded word (Xapian's "dutch" stemmer). Each thread has its own
/// stemmer and a cache: Xapian::Stem objects must not be shared between threads, and the same
/// few thousand words are stemmed over and over.
std::string dutch_stem(std::string_view folded_word);

}  // namespace vakkaart::text
