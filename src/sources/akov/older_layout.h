#pragma once

#include <regex>
#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources::akov {

/// The older layouts of a BK page, before the AKOV database pages.
enum class OlderLayout {
  decree_annex,    // the annex of a recognition decree (2014–2017): "1. GLOBAAL", "a. Titel"
  dossier_export,  // the Word export of a BK dossier: "1.1 TITEL", "////" rules, wrapped lines
};

/// Reads a page of an older layout by rewriting it, piece by piece, into the modern layout and
/// reading that with the AKOV parser, so both give the same qualification; every note and
/// error names the line of the page itself. What the modern layout has no place for is kept as
/// raw sections ("Kop", "Opheffing") or reported; a "(co 01310)" code becomes its competence's
/// code. The qualification's code comes from a line holding only a code ("BK-0338-1") or else
/// from the file name; a page with neither is refused.
/// A page that says the qualification was repealed ("opgeheven") gives a withdrawn one.
/// Layout notes: docs/formats/bk-decree-annex.md, docs/formats/bk-dossier-export.md.
ParseResult parse_older_layout(std::string_view text, const std::string& file_name,
                               OlderLayout layout);

/// Whether the head of `text` (its first 8 KiB) has the heading "1. GLOBAAL" followed somewhere
/// after it by a match of `title_heading`: how both older layouts open ("a. Titel" in a decree
/// annex, "1.1 TITEL" in a dossier export).
bool head_opens_with_globaal_then(std::string_view text, const std::regex& title_heading);

}  // namespace vakkaart::sources::akov
