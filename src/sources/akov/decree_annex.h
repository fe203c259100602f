#pragma once

#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// True when the text reads like the annex of a recognition decree (2014–2017): "1. GLOBAAL"
/// followed by "a. Titel", on lines of their own or flattened onto one line.
bool looks_like_bk_decree_annex(std::string_view text);

/// Reads the annex of a recognition decree into a qualification, the same one the modern page
/// gives where both say the same ("(co 01310)" codes, "BASISACTIVITEITEN" groups and the lines
/// above the first section are what it has more). Layout notes: docs/formats/bk-decree-annex.md.
ParseResult parse_bk_decree_annex(std::string_view text, const std::string& file_name);

}  // namespace vakkaart::sources
