#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::text {

/// The most of an Accept-Language header that is read: a browser sends well under 100 bytes,
/// and a header of many kilobytes must not cost more than one of a few.
inline constexpr std::size_t kAcceptLanguageLimit = 256;

/// The language of `supported` (lower-case primary tags: "nl", "en", "fr") an Accept-Language
/// header (RFC 9110 §12.5.4) prefers, or "" when it accepts none of them.
///
/// Each comma-separated range ("nl-BE", "en;q=0.8", "*") matches a supported tag it equals or
/// that is its prefix up to a '-' (RFC 4647 lookup: "nl-BE" falls back to "nl"), ignoring case.
/// A tag's weight is that of the range naming it exactly, else the highest of the ranges naming
/// a subtag of it, else that of "*"; weight 0 refuses it. The heaviest tag wins; of equal
/// weights, the one whose range came first. Malformed ranges and weights are skipped, never an
/// error, and only the first kAcceptLanguageLimit bytes count (a range cut there is dropped).
std::string preferred_language(std::string_view header, const std::vector<std::string>& supported);

}  // namespace vakkaart::text
