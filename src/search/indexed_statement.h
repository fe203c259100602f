#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.h"

namespace vakkaart::search {

/// One place a statement occurs, as a search result shows it.
struct Place {
  std::string kind;   // "profile" | "qualification"
  std::string id;     // profile id or qualification id ("BK-0338-3")
  std::string title;  // "Gemeenschapswerker", "Syndicaal deskundige"
  /// "Gemeenschapswerker › Organiseren en begeleiden › Socioculturele activiteiten …" or
  /// "BK-0338-3 › Competentie 3: Werkt methodisch en oplossingsgericht"
  std::string path;
  std::string statement_kind;  // activity, main_activity, competence_activity, knowledge, ...
  std::string cluster_id;      // profiles only
  int main_activity = 0;       // 1-based within the cluster; 0 if none
  int competence = 0;          // qualifications only; 0 if none
};

/// A distinct statement with every place it occurs and the facet values it can be filtered on.
struct IndexedStatement {
  int64_t id = 0;
  std::string text;
  std::vector<Place> places;
  std::vector<std::string> filter_terms;  // Xapian boolean terms, see facet_term()
  /// Titles of where it lives (cluster, main activity, competence): words a user may type
  /// for it that the sentence itself does not contain ("oriënteren" for the activities of
  /// "Oriënteren en relaties"). Indexed as weak context terms.
  std::vector<std::string> context;
  /// Its translations (issue 18), indexed as its own words so a query in that language finds it.
  std::vector<std::string> labels = {};
};

/// Groups the store's occurrences by statement, in statement order.
std::vector<IndexedStatement> group_occurrences(
    const std::vector<store::StatementOccurrence>& occurrences);

/// Folded facet values longer than this are cut and end in a hash of the whole (see facet_term).
inline constexpr std::size_t kMaxFacetValueBytes = 180;

/// The boolean term of a facet value: facet_term("profile", "gemeenschapswerker").
/// Facets: framework, profile, layer, cluster, bk (qualification id or code), level, kind.
/// Never longer than a Xapian term may be: a long value is cut and ends in "#" + a 64-bit hash.
std::string facet_term(const std::string& facet, const std::string& value);

std::string place_to_json(const Place& place);

}  // namespace vakkaart::search
