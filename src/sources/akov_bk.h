#pragma once

#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// True when the text has a line holding only a qualification code ("BK-0338-3") and the
/// competence list of the AKOV layout.
bool looks_like_akov_bk(std::string_view text);

/// Reads one AKOV professional qualification. Known sections fill the model; an unknown one is
/// kept as a raw section and reported. The descriptor sections are linked to the competences'
/// activities and knowledge. Layout notes: docs/formats/akov-bk.md.
ParseResult parse_akov_bk(std::string_view text, const std::string& file_name);

}  // namespace vakkaart::sources
