#pragma once

#include <string>

#include "core/json.h"
#include "core/json_reader.h"
#include "model/qualification.h"

namespace vakkaart::sources {

/// Adds the parts of a qualification page that only some pages have (title references,
/// "Afbakening", partial qualifications, footnotes) to its canonical JSON. Each is left out when
/// empty, so the JSON of a page without them keeps its bytes (the bundled goldens).
void add_qualification_parts(const model::Qualification& qualification, Json& j);

/// Reads those parts back (an absent member is empty) and checks what refers inside the
/// document: a partial qualification's competence numbers, a footnote's places. Errors name the
/// JSON path.
void read_qualification_parts(const JsonReader& reader, const Json& j, const std::string& path,
                              model::Qualification& qualification);

}  // namespace vakkaart::sources
