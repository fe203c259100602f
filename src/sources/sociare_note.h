#pragma once

#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// True when the text has the layout of the Sociare framework note: a table header row of
/// upper-case profile names separated by tabs, followed by "DEFINITIE BEROEP".
bool looks_like_sociare_note(std::string_view text);

/// Reads a Sociare framework note into one Framework with its profiles. The layout rules (and
/// the one ambiguous case, the plain-text blocks of the two-column table) are documented in
/// docs/formats/sociare-note.md; every rule applied to an ambiguous part is reported as a
/// decision note.
ParseResult parse_sociare_note(std::string_view text, const std::string& file_name);

}  // namespace vakkaart::sources
