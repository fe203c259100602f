#include "compose/cluster_suggestion.h"

#include <cmath>
#include <unordered_map>

#include "text/analyzer.h"

namespace vakkaart::compose {

namespace {

using Counts = std::unordered_map<std::string, double>;

void add_stems(const text::Analyzer& analyzer, const std::string& text, Counts& counts) {
  for (const auto& w : analyzer.analyze(text)) {
    if (w.stopword || analyzer.is_light(w.forms.empty() ? "" : w.forms.front()))
      continue;
    for (const auto& s : w.stems)
      counts[s] += 1;
  }
}

void add_activities(const text::Analyzer& analyzer, const std::vector<model::Activity>& list,
                    Counts& counts) {
  for (const auto& a : list) {
    add_stems(analyzer, a.text, counts);
    add_activities(analyzer, a.children, counts);
  }
}

double cosine(const Counts& a, const Counts& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [k, v] : a) {
    na += v * v;
    if (auto it = b.find(k); it != b.end())
      dot += v * it->second;
  }
  for (const auto& [k, v] : b)
    nb += v * v;
  return na == 0 || nb == 0 ? 0 : dot / std::sqrt(na * nb);
}

}  // namespace

std::string suggest_cluster(const model::Framework& framework,
                            const std::vector<std::string>& texts) {
  // Built once: it reads the word lists and the dictionary lexicon.
  static const std::shared_ptr<const text::Analyzer> shared = text::Analyzer::standard();
  const auto& analyzer = *shared;
  Counts wanted;
  for (const auto& t : texts)
    add_stems(analyzer, t, wanted);
  std::string best;
  double best_score = -1;
  for (const auto& cluster : framework.clusters) {
    Counts counts;
    for (const auto& profile : framework.profiles)
      for (const auto& pc : profile.clusters) {
        if (pc.cluster_id != cluster.id)
          continue;
        for (const auto& main : pc.main_activities) {
          if (main.title)
            add_stems(analyzer, *main.title, counts);
          add_activities(analyzer, main.activities, counts);
        }
      }
    double score = cosine(wanted, counts);
    if (score > best_score) {
      best_score = score;
      best = cluster.id;
    }
  }
  return best;
}

}  // namespace vakkaart::compose
