#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace vakkaart::text {

/// Trims and collapses every run of whitespace (ASCII, tab, NBSP and other Unicode spaces) to
/// one ASCII space. This is the only change the importers make to source text.
std::string collapse_whitespace(std::string_view s);

/// Text of several lines as the importers keep it (certificates, scope, footnotes): each line
/// collapsed as above, empty lines dropped, the rest joined by '\n'.
std::string collapse_lines(std::string_view s);

/// Unicode NFC normalisation (ICU). Invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view s);

/// Readable stable id: diacritics removed, lowercase ASCII, runs of anything else -> '-'.
/// "Oriënteren en relaties" -> "orienteren-en-relaties".
std::string slugify(std::string_view s);

/// Unicode-aware lower case (ICU, Dutch locale).
std::string to_lower(std::string_view s);

/// "BEGELEIDER SOCIAAL-CULTURELE ACTIVITEITEN" -> "Begeleider sociaal-culturele activiteiten".
std::string to_sentence_case(std::string_view s);

/// True if every letter in s is upper case and there is at least one letter.
bool is_upper_case_heading(std::string_view s);

/// Splits on a single character, keeping empty fields.
std::vector<std::string_view> split(std::string_view s, char sep);

/// The value of one hexadecimal digit (0-9, a-f, A-F), or -1 for any other character.
int hex_digit_value(char c);

/// Removes leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
/// Lower case for ASCII letters only; every other byte stays, so positions and UTF-8 survive
/// (for tags, attribute values, media types, e-mail addresses, a line's keywords).
std::string ascii_lower(std::string_view s);
/// Equal when ASCII letters are compared without case ("PDF" = "pdf"; "É" ≠ "é").
bool ascii_iequals(std::string_view a, std::string_view b);

/// True for a, e, i, o, u: the vowel letters of a folded Dutch word, on which the spelling rules
/// of stems and infinitives (open syllables, doubled letters) turn.
constexpr bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// Escapes &, <, > and " for HTML and XML text and attribute values.
std::string escape_markup(std::string_view s);

/// `s` with every byte percent-encoded ("%C3%AB") except ASCII letters, digits and the bytes in
/// `kept`: a URI segment keeps "-._~", a path in a link also its sub-delimiters and '/'.
std::string percent_encode(std::string_view s, std::string_view kept);

}  // namespace vakkaart::text
