#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "model/alignment.h"
#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::exchange {

/// The CFDocument `adoptionStatus` of a withdrawn ("opgeheven") qualification: CASE's status
/// for a document that was adopted once and is no longer in force. A qualification in force
/// gets no adoptionStatus (vakkaart does not know whether it is a draft or adopted).
inline constexpr const char* case_withdrawn_status = "Deprecated";

/// How a CASE package names and dates what it holds.
struct CaseExportOptions {
  /// URIs become `<base_uri>/CFItems/<id>` etc. (the server passes its CASE API root); empty
  /// gives `urn:uuid:<id>`, which needs no host and so keeps a file export host-independent.
  std::string base_uri;
  /// vakkaart keeps no change time per framework, so every lastChangeDateTime is this fixed
  /// value: the same content then always gives the same bytes.
  std::string last_change = "1970-01-01T00:00:00+00:00";
};

/// A framework as a CASE 1.1 CFPackage: layers, clusters, profiles, main activities and
/// activities are CFItems (typed by sources::case_types), isChildOf makes the hierarchy, and
/// isPartOf ties each main activity to its cluster. Alignments whose source is in the package
/// become exactMatchOf (exact) or isRelatedTo (close, related; the notes say which); rejected
/// ones are left out.
Json framework_to_case(const model::Framework& framework,
                       const std::vector<model::Alignment>& alignments,
                       const CaseExportOptions& options = {});

/// One profile as a package of its own (its framework's layers and clusters included).
Json profile_to_case(const model::Framework& framework, const model::Profile& profile,
                     const std::vector<model::Alignment>& alignments,
                     const CaseExportOptions& options = {});

/// A qualification version: competences with their activities and knowledge items, and its
/// partial qualifications (items `Deelkwalificatie` whose competences are `isPartOf` them).
/// Its scope, the notes under its title and the footnotes no item carries go in the
/// document's `notes`, a footnote at a competence, activity or knowledge item in that item's
/// `notes`; a withdrawn one is `adoptionStatus` case_withdrawn_status. A qualification without
/// these parts gives the package it always gave.
Json qualification_to_case(const model::Qualification& qualification,
                           const std::vector<model::Alignment>& alignments,
                           const CaseExportOptions& options = {});

}  // namespace vakkaart::exchange
