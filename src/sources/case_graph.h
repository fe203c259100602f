#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "model/case_origin.h"

namespace vakkaart::sources {

/// One CFItem as the CASE reader keeps it.
struct CaseItemIn {
  std::string identifier;
  std::string statement;        // fullStatement, whitespace collapsed
  std::string exact_statement;  // fullStatement as the package writes it
  std::string type;             // CFItemType, or the title of CFItemTypeURI
  std::string code;             // humanCodingScheme
  std::string notes;
  std::string exact_notes;            // as the package writes them (footnotes, one a line)
  std::vector<std::string> keywords;  // conceptKeywords, as written
  size_t index = 0;                   // place in CFItems, for error paths
  Json extensions;                    // extensions, an object (null when none)
};

struct CaseChild {
  long long sequence = 0;
  size_t order = 0;  // place in the file, for children without a sequence number
  std::string identifier;
  std::string association;  // the isChildOf association's identifier
};

/// The package as read: items by identifier, the isChildOf tree and the other associations.
/// Shared by the readers of the package's shapes (case_package.cpp: frameworks and other tools'
/// packages; case_qualification.cpp: a qualification of ours).
struct CaseGraph {
  std::string file;
  std::string document_id;
  std::map<std::string, CaseItemIn> items;
  std::vector<std::string> item_order;
  std::map<std::string, std::vector<CaseChild>> children;  // parent -> children, sorted
  /// An item's isPartOf associations, in file order: (destination, association identifier).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> part_of;
  std::map<std::string, int> other_associations;  // type -> count not kept
  /// Associations outside the hierarchy between an item of the package and anything.
  std::vector<model::CaseAssociationKept> kept;
  size_t associations = 0;
};

/// The isChildOf children of `id` (an item or the document), in sequence order.
inline const std::vector<CaseChild>& case_children_of(const CaseGraph& g, const std::string& id) {
  static const std::vector<CaseChild> none;
  auto it = g.children.find(id);
  return it == g.children.end() ? none : it->second;
}

}  // namespace vakkaart::sources
