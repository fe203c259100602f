#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "analysis/analysis_result.h"
#include "analysis/segmenter.h"
#include "analysis/structure_index.h"

namespace vakkaart::analysis {

/// The knobs of matching. The defaults were chosen on the evaluation set
/// (tests/data/vacancies); bench/analysis_quality prints what they give.
struct MatchSettings {
  /// Similarity below which a segment and a unit do not match.
  double min_match = 0.3;
  /// Similarity from which a unit counts as covered by the text.
  double covered = 0.4;
  /// How much a long segment dilutes its matches: 0 scores by the share of the unit the
  /// segment has, 1 is the cosine; in between suits short statements read in long sentences.
  double segment_length_weight = 0.5;
  /// Weight of a text's word that no unit has, relative to the rarest term.
  double unknown_word_weight = 0.35;
  /// Evidence the best candidate needs for the text to be recognised at all; below it the
  /// text is "none" (a nurse's or a driver's job shares a few words with any structure).
  double min_evidence = 3.5;
  /// Evidence per keyword (data/profile-keywords-nl.txt) a text uses, times its weight.
  double keyword_weight = 0.5;
  /// Whether a long segment's clauses (clauses.h) are also matched one by one.
  bool clauses = true;
  /// Matches kept per segment in a full result.
  int matches_per_segment = 3;
};

enum class Detail {
  summary,  // candidates, clusters, fit: what bulk analysis writes
  full,     // also every segment with its matches and their explanation
};

/// Reads texts against a structure: each segment is matched to every unit through the
/// index's postings (weighted term overlap), and the matches add up to main activities,
/// clusters, rings, profiles and qualification competences. Thread-safe: one matcher serves
/// every thread; each thread keeps its own scratch space and word cache.
class Matcher {
 public:
  explicit Matcher(std::shared_ptr<const StructureIndex> index, MatchSettings settings = {});

  /// Segments `text` (already extracted to plain text) and analyses it.
  AnalysisResult analyse(std::string_view text, Detail detail) const;
  AnalysisResult analyse(const std::vector<Segment>& segments, Detail detail) const;

  const StructureIndex& index() const { return *index_; }
  const MatchSettings& settings() const { return settings_; }

 private:
  std::shared_ptr<const StructureIndex> index_;
  MatchSettings settings_;
  /// Per unit: how much its kind counts as evidence (see kind_weight in matcher.cpp).
  std::vector<float> unit_weight_;
  /// Per unit: |unit|^(2-β), the unit's part of the score's denominator, computed once.
  std::vector<float> unit_scale_;
};

}  // namespace vakkaart::analysis
