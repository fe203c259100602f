#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/matcher.h"

namespace vakkaart::analysis {

/// A text of a labelled evaluation set (tests/data/vacancies): what a reader says it is.
struct LabelledText {
  std::string file;
  std::string label;                  // a profile id, a qualification id, or "none"
  std::optional<std::string> second;  // the other profession of a mixed text
  std::vector<std::string> clusters;  // clusters the text clearly covers
  std::string quality;                // good | poor
  std::string length;                 // short | medium | long
  std::string text;                   // extracted plain text
};

/// Reads DIR/labels.jsonl (one `{file, profile, second, clusters, quality, length}` per line)
/// and extracts each file's text. Throws Error naming the file and line of a bad label.
std::vector<LabelledText> read_labelled_set(const std::string& dir);

/// The ids a result ranks, best first: "none" first when the text is not recognised, else the
/// candidates by score.
std::vector<std::string> ranking(const AnalysisResult& result, const StructureIndex& index);

struct EvaluationScores {
  int texts = 0;
  double top1 = 0;  // share of texts whose label ranks first
  double top2 = 0;  // share whose label ranks first or second
  int none_texts = 0;
  int none_recognised = 0;  // "none" texts ranked "none"
  int false_none = 0;       // texts of the structure ranked "none"
  /// Clusters: of the clusters a text is labelled with, the share the analysis finds (recall),
  /// and of those it finds in a text with a label, the share that are labelled (precision).
  double cluster_recall = 0;
  double cluster_precision = 0;
  std::vector<std::string> misses;  // "file: label → got (second)"
};

/// Runs the matcher over the set and scores it.
EvaluationScores evaluate(const Matcher& matcher, const std::vector<LabelledText>& set);

}  // namespace vakkaart::analysis
