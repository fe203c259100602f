#pragma once

#include <string>
#include <string_view>

namespace vakkaart::text {

/// Search form of a word: lower case, diacritics removed, the Dutch ligature "ĳ" spelled "ij".
/// "Oriënteren" -> "orienteren", "CREËERT" -> "creeert". ASCII takes a fast path; other code
/// points are folded through a table built once from ICU's canonical decompositions.
std::string fold(std::string_view s);

/// Appends the folded form of one code point.
void append_folded(int32_t code_point, std::string& out);

}  // namespace vakkaart::text
