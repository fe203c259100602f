#pragma once

#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// True when the text reads like the Word export of a BK dossier: "1. Globaal" followed by
/// "1.1 TITEL", on lines of their own or flattened onto one line.
bool looks_like_bk_dossier_export(std::string_view text);

/// Reads the Word export of a BK dossier ("BEROEPSKWALIFICATIEDOSSIER", "////" rules,
/// hard-wrapped lines) into a qualification, the same one the modern page gives where both say
/// the same. Layout notes: docs/formats/bk-dossier-export.md.
ParseResult parse_bk_dossier_export(std::string_view text, const std::string& file_name);

}  // namespace vakkaart::sources
