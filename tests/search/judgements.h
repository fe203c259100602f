#pragma once

// Relevance judgements (tests/search/judgements.tsv) and the two measures the search issue
// asks for. Shared by the quality test and bench/search_quality, so both count alike.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace vakkaart::testing {

struct Judged {
  std::string query;
  std::map<std::string, int> grades;  // statement text -> grade 1..3
};

inline std::vector<Judged> load_judgements(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::vector<Judged> out;
  std::map<std::string, std::size_t> index;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#' || line.rfind("query\t", 0) == 0)
      continue;
    const auto a = line.find('\t');
    const auto b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 3 columns");
    }
    const std::string query = line.substr(0, a);
    auto [it, added] = index.emplace(query, out.size());
    if (added)
      out.push_back({query, {}});
    out[it->second].grades[line.substr(a + 1, b - a - 1)] = std::stoi(line.substr(b + 1));
  }
  return out;
}

/// Grade from which a statement counts as relevant for recall: 2 ("clearly relevant") and 3.
/// Grade 1 ("partially relevant") only adds gain to nDCG, as in TREC-style graded judgements.
constexpr int kRelevantGrade = 2;

/// Share of the relevant statements found in the first k results, out of at most k: a query
/// with more than k relevant statements is fully served by k relevant results (a perfect
/// ranking scores 1).
inline double recall_at(const Judged& j, const std::vector<std::string>& results, std::size_t k) {
  std::size_t relevant = 0;
  std::size_t found = 0;
  const auto end = results.begin() + static_cast<std::ptrdiff_t>(std::min(k, results.size()));
  for (const auto& [text, grade] : j.grades) {
    if (grade < kRelevantGrade)
      continue;
    ++relevant;
    found += std::find(results.begin(), end, text) != end;
  }
  const std::size_t reachable = std::min(relevant, k);
  return reachable == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(reachable);
}

/// nDCG@k with the grade as gain and log2(rank + 1) discount.
inline double ndcg_at(const Judged& j, const std::vector<std::string>& results, std::size_t k) {
  double dcg = 0;
  for (std::size_t i = 0; i < std::min(k, results.size()); ++i) {
    const auto it = j.grades.find(results[i]);
    if (it != j.grades.end())
      dcg += it->second / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  for (const auto& [text, grade] : j.grades)
    ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < std::min(k, ideal.size()); ++i) {
    idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
  }
  return idcg == 0 ? 1.0 : dcg / idcg;
}

}  // namespace vakkaart::testing
