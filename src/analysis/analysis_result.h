#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vakkaart::analysis {

/// A unit of the structure one segment matched, and why.
struct SegmentMatch {
  std::uint32_t unit = 0;
  double score = 0;  // 0..1
  /// The segment's words that the unit also has (by stem, compound part or synonym), in the
  /// segment's order: the explanation a reader checks.
  std::vector<std::string> words;
  /// Whether the match is strong enough (MatchSettings::covered) to count in the coverage: a
  /// weaker one is shown as an explanation, not counted, and the page says so.
  bool counts = false;
};

struct SegmentResult {
  std::string text;
  std::size_t begin = 0, end = 0;  // byte offsets in the analysed text
  int line = 0;
  bool bullet = false;
  bool heading = false;
  std::vector<SegmentMatch> matches;  // best first
};

/// Coverage of a part of the structure. For a group (main activity or competence): how many of
/// its statements the text matched. For a cluster or layer: how many of its main activities
/// come up (docs/analysis.md). For AnalysisResult::clusters: segments that speak of it.
struct PartResult {
  std::uint32_t index = 0;  // a group, cluster or layer index (what the list holds)
  int matched = 0;
  int total = 0;
  double percent = 0;
  /// Sum over segments of the segment's best match in the part: how strongly the text speaks
  /// of it, whether or not every unit is covered.
  double evidence = 0;
};

struct CandidateResult {
  std::uint32_t candidate = 0;
  double score = 0;          // summed evidence of the text for this candidate
  double keyword_score = 0;  // the part of `score` that keywords gave
  /// The candidate's keywords the text uses (Detail::full only): part of the explanation.
  std::vector<std::string> keywords;
  double confidence = 0;  // 0..1: its share of the evidence, times how well the text is explained
  int matched = 0;        // its main activities (competences) that come up
  int total = 0;          // its main activities (competences)
  double coverage = 0;    // matched / total, in %
  std::vector<PartResult> groups;    // its main activities or competences, in source order
  std::vector<PartResult> clusters;  // profiles: per cluster of its framework, model order
  /// Profiles: per layer of its framework (index into FrameworkInfo::layers), centre outwards.
  std::vector<PartResult> layers;
};

struct AnalysisResult {
  /// The best candidate's id, or "none" when the structure does not explain the text.
  std::string best = "none";
  std::int64_t best_candidate = -1;
  /// How much of the text the structure explains, 0..1 (matched evidence per segment).
  double fit = 0;
  int segment_count = 0;
  int matched_segments = 0;
  std::vector<CandidateResult> candidates;  // best first
  /// Every cluster the text speaks of (any profile), strongest first; index = global cluster.
  std::vector<PartResult> clusters;
  /// Core-ring main activities (groups) of the best profile that no segment matched.
  std::vector<std::uint32_t> missing_core;
  std::vector<SegmentResult> segments;  // Detail::full only
};

}  // namespace vakkaart::analysis
