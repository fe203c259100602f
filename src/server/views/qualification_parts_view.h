#pragma once

#include "core/json.h"

namespace vakkaart::server {

/// The parts only some qualification pages have, for the qualification template: title
/// references (with a label for their kind and for whether the title is used there), the scope
/// ("Afbakening") as paragraphs, partial qualifications with links to their competences, and
/// footnotes numbered in order, each linked from the texts that carry its mark (`footnote_refs`
/// on the competence, activity or knowledge item) and linking back to them. `q` is the
/// qualification's canonical JSON, enriched in place; `t` the UI texts.
void add_qualification_parts_view(vakkaart::Json& q, vakkaart::Json& view, const vakkaart::Json& t);

}  // namespace vakkaart::server
