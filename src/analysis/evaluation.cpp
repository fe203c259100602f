#include "analysis/evaluation.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "analysis/input/input.h"
#include "core/error.h"
#include "core/json.h"

namespace vakkaart::analysis {

namespace {

std::string evaluation_read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::not_found, "cannot open " + path.string(), {path.string(), 0, ""});
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A text is taken to speak of a cluster when at least this many of its segments match it:
/// one stray sentence is not a task the job holds.
constexpr int kClusterSegments = 2;

}  // namespace

std::vector<LabelledText> read_labelled_set(const std::string& dir) {
  const std::filesystem::path root(dir);
  const auto labels_path = (root / "labels.jsonl").string();
  std::ifstream in(labels_path);
  if (!in)
    throw Error(ErrorCode::not_found, "no labels.jsonl in " + dir, {labels_path, 0, ""});
  std::vector<LabelledText> set;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    vakkaart::Json j;
    try {
      j = vakkaart::Json::parse(line);
    } catch (const vakkaart::Json::parse_error& e) {
      throw Error(ErrorCode::parse_error, std::string("not JSON: ") + e.what(),
                  {labels_path, number, ""});
    }
    for (const char* key : {"file", "profile"})
      if (!j.contains(key) || !j[key].is_string())
        throw Error(ErrorCode::parse_error, std::string("'") + key + "' must be a string",
                    {labels_path, number, key});
    LabelledText t;
    t.file = j["file"];
    t.label = j["profile"];
    if (j.contains("second") && j["second"].is_string())
      t.second = j["second"].get<std::string>();
    if (j.contains("clusters") && j["clusters"].is_array())
      for (const auto& c : j["clusters"])
        t.clusters.push_back(c.get<std::string>());
    t.quality = j.value("quality", "");
    t.length = j.value("length", "");
    const auto path = root / t.file;
    const auto bytes = evaluation_read_file(path);
    t.text = extract_text(bytes, detect_input_format(bytes, t.file), path.string());
    set.push_back(std::move(t));
  }
  return set;
}

std::vector<std::string> ranking(const AnalysisResult& result, const StructureIndex& index) {
  std::vector<std::string> ids;
  if (result.best_candidate < 0)
    ids.emplace_back("none");
  for (const auto& c : result.candidates)
    ids.push_back(index.candidates()[c.candidate].id);
  return ids;
}

EvaluationScores evaluate(const Matcher& matcher, const std::vector<LabelledText>& set) {
  EvaluationScores scores;
  int top1 = 0, top2 = 0;
  int labelled_clusters = 0, found_labelled = 0, found = 0;
  for (const auto& t : set) {
    const auto result = matcher.analyse(t.text, Detail::summary);
    const auto ranked = ranking(result, matcher.index());
    ++scores.texts;
    bool first = !ranked.empty() && ranked[0] == t.label;
    bool second = first || (ranked.size() > 1 && ranked[1] == t.label);
    top1 += first;
    top2 += second;
    if (t.label == "none") {
      ++scores.none_texts;
      scores.none_recognised += result.best_candidate < 0;
    } else if (result.best_candidate < 0) {
      ++scores.false_none;
    }
    if (!first)
      scores.misses.push_back(t.file + ": " + t.label + " → " + ranked[0] +
                              (ranked.size() > 1 ? " (then " + ranked[1] + ")" : ""));
    if (t.label != "none") {
      std::vector<std::string> got;
      for (const auto& c : result.clusters)
        if (c.matched >= kClusterSegments)
          got.push_back(matcher.index().clusters()[c.index].id);
      labelled_clusters += static_cast<int>(t.clusters.size());
      found += static_cast<int>(got.size());
      for (const auto& c : got)
        found_labelled += std::count(t.clusters.begin(), t.clusters.end(), c) > 0;
    }
  }
  if (scores.texts > 0) {
    scores.top1 = static_cast<double>(top1) / scores.texts;
    scores.top2 = static_cast<double>(top2) / scores.texts;
  }
  scores.cluster_recall =
      labelled_clusters == 0 ? 0 : static_cast<double>(found_labelled) / labelled_clusters;
  scores.cluster_precision = found == 0 ? 0 : static_cast<double>(found_labelled) / found;
  return scores;
}

}  // namespace vakkaart::analysis
