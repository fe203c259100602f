#pragma once

#include <map>
#include <string>
#include <vector>

namespace vakkaart::model {

/// A CASE association of another tool's package that is not part of the hierarchy our model
/// holds (exactMatchOf, isRelatedTo, isPeerOf, …), kept as the package stated it.
struct CaseAssociationKept {
  std::string identifier;
  std::string type;               // associationType
  std::string origin;             // identifier of an item of the package
  std::string destination;        // identifier, of this package or any other
  std::string destination_uri;    // as the package gave it
  std::string destination_title;  // as the package gave it
  long long sequence = 0;         // sequenceNumber; 0 when none

  bool operator==(const CaseAssociationKept&) const = default;
};

/// What a framework imported from another tool's CASE package keeps of it beyond our model, so
/// that exporting it gives the other tool its own identifiers and associations back. Empty for
/// every framework read from any other source.
struct CaseOrigin {
  /// The name our export would derive an identifier from ("main-activity:P:C:1",
  /// "activity:P:C:1/2", "association:isChildOf:<origin>:<destination>") -> the identifier the
  /// package gave that item or association.
  std::map<std::string, std::string> identifiers;
  std::vector<CaseAssociationKept> associations;
  /// The CFDocument's `notes` beyond the `vakkaart:<id>` line the export writes itself (a
  /// qualification's scope, title notes and footnotes; another tool's remarks), its
  /// `description` and its `adoptionStatus` ("Deprecated" for a withdrawn qualification), as
  /// the package gave them.
  std::string document_notes;
  std::string document_description;
  std::string adoption_status;
  /// Item identifier -> the item's `notes` (footnotes of a qualification's items), for every
  /// item whose notes the model has no place of its own for.
  std::map<std::string, std::string> item_notes;

  bool empty() const {
    return identifiers.empty() && associations.empty() && document_notes.empty() &&
           document_description.empty() && adoption_status.empty() && item_notes.empty();
  }
  bool operator==(const CaseOrigin&) const = default;
};

}  // namespace vakkaart::model
