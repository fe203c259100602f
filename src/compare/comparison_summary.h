#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compare/comparison.h"
#include "compare/similarity.h"
#include "model/alignment.h"

namespace vakkaart::compare {

/// How alike two compared items are, on both measures of the similarity heat maps.
struct PairLikeness {
  std::size_t a = 0;  // index into Comparison::items
  std::size_t b = 0;  // index into Comparison::items, after a
  int shared = 0;     // distinct statements both hold word for word
  int together = 0;   // distinct statements of the two together
  /// shared / together: the "statements" measure (0 when both are empty).
  double statements = 0;
  /// The "terms" measure (shared vocabulary) as the heat map of all items shows it.
  double terms = 0;
};

/// Likeness in words, read from the shared vocabulary: the exact-statement measure is near 0
/// between a qualification and a profile however alike their work is (they were written apart),
/// so words built on it would call everything unlike.
enum class Likeness { strong, clear, some, little };

/// "strong", "clear", "some" or "little".
const char* to_string(Likeness likeness);

/// Where the words change: strong from 0.75, clear from 0.5, some from 0.25.
constexpr double kLikenessStrong = 0.75;
constexpr double kLikenessClear = 0.5;
constexpr double kLikenessSome = 0.25;

/// The likeness of a shared-vocabulary value in [0, 1], rounded to two decimals first (as shown).
Likeness likeness_of(double terms);

/// A competence of a compared qualification, placed in a cluster row because the crosswalk
/// aligns it with main activities of that cluster in the compared profiles.
struct PlacedCompetence {
  std::string ref;  // "BK-0338-3:5"
  int number = 0;   // 5
  /// Its title, then its activities, marked as the comparison marks them.
  std::vector<Statement> statements;
  /// Its alignments with this cluster's main activities: undecided and confirmed ones first
  /// (best score first), rejected ones last, so the row shows what still holds first.
  std::vector<model::Alignment> alignments;
  /// False when every alignment here was rejected: it stays in the row so the decision can be
  /// taken back, and is drawn struck through.
  bool holds = true;
  /// The type of its best alignment that holds (of the best rejected one when none holds).
  model::AlignmentType best = model::AlignmentType::related;
};

/// The comparison's cluster rows with the qualifications' competences placed in them.
struct CompetencePlacement {
  /// placed[g][i]: the competences of item i placed in group g, in competence order (only
  /// cluster groups and qualification items have any).
  std::vector<std::vector<std::vector<PlacedCompetence>>> placed;
  /// unplaced[i]: item i's competences that no alignment still holding places in a cluster
  /// row, in model order, without alignments (empty for profiles). Beside a profile, the
  /// competences section lists these only.
  std::vector<std::vector<PlacedCompetence>> unplaced;
};

/// Places each competence of the qualifications among `items` in the cluster rows of
/// `comparison` (compare_items(items)) through `alignments`: a competence goes into the row of
/// every cluster holding a main activity of a compared profile it is aligned with. Alignments
/// with other items, or from main activities, are ignored.
CompetencePlacement place_competences(const std::vector<Item>& items, const Comparison& comparison,
                                      const std::vector<model::Alignment>& alignments);

/// How many of a qualification's competences correspond to the compared profiles.
struct QualificationFit {
  std::size_t item = 0;  // index into Comparison::items
  int competences = 0;   // all its competences
  int placed = 0;        // those with an alignment that holds
  int exact = 0;         // of those, by the type of their best alignment
  int close = 0;
  int related = 0;
};

/// What the page says first about the compared items.
struct ComparisonSummary {
  /// Every pair of items, in item order (0-1, 0-2, ..., 1-2, ...).
  std::vector<PairLikeness> pairs;
  /// terms[i][j]: the shared vocabulary of items i and j (1 on the diagonal).
  std::vector<std::vector<double>> terms;
  /// Per comparison group: its distinct statements, counted by share.
  std::vector<ShareCounts> group_counts;
  /// Indexes of the groups sharing most statements (by all or some items), most first; groups
  /// sharing nothing are left out.
  std::vector<std::size_t> most_shared;
  /// One per compared qualification, when a profile is compared too.
  std::vector<QualificationFit> qualifications;
};

/// The summary of `comparison` (compare_items(items)). The likeness values come from
/// `similarity` (computed over items that include these), so the page's words and its heat maps
/// give the same numbers. Throws Error(internal) when an item is missing from `similarity`.
ComparisonSummary summarize(const std::vector<Item>& items, const Comparison& comparison,
                            const Similarity& similarity, const CompetencePlacement& placement);

}  // namespace vakkaart::compare
