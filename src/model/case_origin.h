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

  bool empty() const { return identifiers.empty() && associations.empty(); }
  bool operator==(const CaseOrigin&) const = default;
};

}  // namespace vakkaart::model
