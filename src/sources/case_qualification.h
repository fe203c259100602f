#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "model/qualification.h"
#include "sources/case_graph.h"
#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The document of a CASE package is a qualification version vakkaart exported when its notes
/// start with our `vakkaart:<id>` line, its identifier is the one our export derives from that
/// id (uuid5 of `qualification:<id>`) and every item has one of the types our export gives a
/// qualification's parts (Competentie, Activiteit, Kennis, Deelkwalificatie). Such a package is
/// read back as the qualification it was (case_rebuild_qualification); any other one as a
/// framework, as before.
bool case_is_our_qualification(const CaseGraph& g, const std::string& id);

/// The fields of a qualification CASE has no property for, which our export writes in the
/// document's `extensions` under their names in the canonical JSON: "current", "level",
/// "recognition", "year", "environment_context", "action_context", "autonomy",
/// "responsibility", "certificates", "raw_sections". An activity item's `extensions` hold its
/// "descriptor", a knowledge item's its "kind", when it has one.
const std::vector<const char*>& case_qualification_extension_keys();

/// What the qualification document of a package carries besides its items, as the package
/// writes it (exactly, line breaks kept).
struct CaseQualificationDocument {
  std::string id;               // from the `vakkaart:<id>` line
  std::string title;            // title
  std::string description;      // description: the definition
  std::string version;          // version: the version number
  std::string notes;            // notes: the id line, then scope, title notes, footnotes
  std::string adoption_status;  // adoptionStatus: "Deprecated" for a withdrawn version
  Json extensions;              // extensions (null when the package has none)
};

/// The qualification version of a package case_is_our_qualification accepts: id, code, version,
/// title, definition, withdrawn, the competences (number, code, group, activities, knowledge),
/// the partial qualifications, the scope, the notes under the title and the footnotes, each as
/// our export wrote it, so exporting it again gives the same package. What the export does not
/// carries in `extensions` (case_qualification_extension_keys) is read from there, through the
/// canonical JSON reader, so it is checked as a canonical qualification is; a package without
/// them (written before they were) gives a qualification without them, and a note says so. A
/// package that breaks the shape our export writes is refused with an Error naming the field.
model::Qualification case_rebuild_qualification(const CaseGraph& g,
                                                const CaseQualificationDocument& doc,
                                                std::vector<ReportNote>& notes);

}  // namespace vakkaart::sources
