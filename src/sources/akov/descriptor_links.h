#pragma once

#include <string>
#include <vector>

#include "model/qualification.h"
#include "sources/parse_result.h"

namespace vakkaart::sources::akov {

/// The lists of the "Beschrijving competenties a.d.h.v. de descriptorelementen" part.
struct DescriptorLists {
  std::vector<std::string> general_knowledge;   // Algemene kennis
  std::vector<std::string> specific_knowledge;  // Specifieke kennis
  std::vector<std::string> cognitive;           // Cognitieve vaardigheden
  std::vector<std::string> problem_solving;     // Probleemoplossende vaardigheden
  std::vector<std::string> motor;               // Motorische vaardigheden
};

/// Gives every competence activity its descriptor and every knowledge item its kind, matching
/// texts exactly first and then after normalising case, quotes and a final period. What matches
/// nothing is reported; descriptor items that match no competence are kept as raw sections so no
/// text is lost.
void link_descriptors(model::Qualification& qualification, const DescriptorLists& lists,
                      const std::string& file_name, std::vector<ReportNote>& notes);

/// The loose key used for the second matching pass.
std::string loose_match_key(const std::string& text);

}  // namespace vakkaart::sources::akov
