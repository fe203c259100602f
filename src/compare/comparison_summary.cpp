#include "compare/comparison_summary.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/error.h"

namespace vakkaart::compare {
namespace {

/// The part of a ref after its last ':' as a number ("BK-0338-3:5" gives 5); 0 when there is
/// none.
int summary_ref_number(const std::string& ref) {
  const auto colon = ref.rfind(':');
  if (colon == std::string::npos || colon + 1 >= ref.size())
    return 0;
  int n = 0;
  for (std::size_t k = colon + 1; k < ref.size(); ++k) {
    if (ref[k] < '0' || ref[k] > '9' || n > 1000000)
      return 0;
    n = n * 10 + (ref[k] - '0');
  }
  return n;
}

/// The cluster of a main-activity ref "PROFILE:CLUSTER:N"; empty for any other shape.
std::string summary_ref_cluster(const std::string& ref) {
  const auto first = ref.find(':');
  const auto last = ref.rfind(':');
  if (first == std::string::npos || last == first)
    return {};
  return ref.substr(first + 1, last - first - 1);
}

/// Undecided and confirmed first, best score first: what the row should read first.
bool summary_alignment_first(const model::Alignment& x, const model::Alignment& y) {
  const bool x_holds = x.status != model::AlignmentStatus::rejected;
  const bool y_holds = y.status != model::AlignmentStatus::rejected;
  if (x_holds != y_holds)
    return x_holds;
  if (x.score != y.score)
    return x.score > y.score;
  return x.target_order < y.target_order;
}

/// The marked statements of a competence: how the comparison marks its title and activities.
std::vector<Statement> summary_competence_statements(
    const model::Competence& c, const std::unordered_map<std::string, const Statement*>& marked) {
  std::vector<Statement> out;
  auto add = [&](const std::string& text, const char* kind) {
    if (text.empty())
      return;
    const auto found = marked.find(text);
    if (found != marked.end()) {
      out.push_back(*found->second);
      return;
    }
    Statement s;  // not in the comparison (it skips nothing it shows): unique to this item
    s.text = text;
    s.kind = kind;
    out.push_back(std::move(s));
  };
  add(c.title, "competence");
  for (const auto& a : c.activities)
    add(a.text, "competence_activity");
  return out;
}

/// The cluster group of each (framework, cluster) in the comparison.
std::map<std::pair<std::string, std::string>, std::size_t> summary_cluster_groups(
    const Comparison& comparison) {
  std::map<std::pair<std::string, std::string>, std::size_t> out;
  for (std::size_t g = 0; g < comparison.groups.size(); ++g) {
    const auto& group = comparison.groups[g];
    if (group.kind == GroupKind::cluster)
      out.emplace(std::make_pair(group.framework_id, group.id), g);
  }
  return out;
}

/// What the comparison marks in one item's "competences" group, by text.
std::unordered_map<std::string, const Statement*> summary_marked_competences(
    const Comparison& comparison, std::size_t item) {
  std::unordered_map<std::string, const Statement*> out;
  for (const auto& group : comparison.groups) {
    if (group.kind != GroupKind::qualification || group.id != "competences")
      continue;
    for (const auto& s : group.cells.at(item).statements)
      out.emplace(s.text, &s);
  }
  return out;
}

}  // namespace

const char* to_string(Likeness likeness) {
  switch (likeness) {
    case Likeness::strong:
      return "strong";
    case Likeness::clear:
      return "clear";
    case Likeness::some:
      return "some";
    case Likeness::little:
      return "little";
  }
  return "little";
}

Likeness likeness_of(double terms) {
  // Read as the page prints it (two decimals): a 0.7499 shown as 0,75 is called strong, as the
  // thresholds the page names say.
  terms = std::round(terms * 100) / 100;
  if (terms >= kLikenessStrong)
    return Likeness::strong;
  if (terms >= kLikenessClear)
    return Likeness::clear;
  if (terms >= kLikenessSome)
    return Likeness::some;
  return Likeness::little;
}

CompetencePlacement place_competences(const std::vector<Item>& items, const Comparison& comparison,
                                      const std::vector<model::Alignment>& alignments) {
  const std::size_t n = items.size();
  CompetencePlacement out;
  out.placed.assign(comparison.groups.size(),
                    std::vector<std::vector<PlacedCompetence>>(n, std::vector<PlacedCompetence>{}));
  out.unplaced.assign(n, {});
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < n; ++i)
    index_of.emplace(items[i].info.id, i);
  const auto clusters = summary_cluster_groups(comparison);

  // (group, item, competence number) -> its alignments into that group.
  std::map<std::tuple<std::size_t, std::size_t, int>, std::vector<model::Alignment>> found;
  for (const auto& a : alignments) {
    const auto source = index_of.find(a.source_item);
    const auto target = index_of.find(a.target_item);
    if (a.source_kind != "competence" || a.target_kind != "main_activity" ||
        source == index_of.end() || target == index_of.end())
      continue;
    const Item& profile = items[target->second];
    if (!items[source->second].qualification || !profile.profile)
      continue;
    const auto group =
        clusters.find({profile.profile->framework.id, summary_ref_cluster(a.target_ref)});
    const int number = summary_ref_number(a.source_ref);
    if (group == clusters.end() || number == 0)
      continue;
    found[{group->second, source->second, number}].push_back(a);
  }

  for (std::size_t i = 0; i < n; ++i) {
    if (!items[i].qualification)
      continue;
    const auto marked = summary_marked_competences(comparison, i);
    std::set<int> holding;
    // Model order within each cell: the map is keyed by number, which may not be that order.
    for (const auto& c : items[i].qualification->competences) {
      for (std::size_t g = 0; g < comparison.groups.size(); ++g) {
        const auto at = found.find({g, i, c.number});
        if (at == found.end())
          continue;
        PlacedCompetence p;
        p.ref = items[i].info.id + ":" + std::to_string(c.number);
        p.number = c.number;
        p.statements = summary_competence_statements(c, marked);
        p.alignments = at->second;
        std::stable_sort(p.alignments.begin(), p.alignments.end(), summary_alignment_first);
        p.holds = p.alignments.front().status != model::AlignmentStatus::rejected;
        p.best = p.alignments.front().type;
        for (const auto& a : p.alignments) {
          if (p.holds && a.status != model::AlignmentStatus::rejected)
            p.best = std::min(p.best, a.type);  // exact < close < related
        }
        if (p.holds)
          holding.insert(c.number);
        out.placed[g][i].push_back(std::move(p));
      }
      if (holding.count(c.number) == 0) {
        PlacedCompetence left;
        left.ref = items[i].info.id + ":" + std::to_string(c.number);
        left.number = c.number;
        left.statements = summary_competence_statements(c, marked);
        left.holds = false;
        out.unplaced[i].push_back(std::move(left));
      }
    }
  }
  return out;
}

ComparisonSummary summarize(const std::vector<Item>& items, const Comparison& comparison,
                            const Similarity& similarity, const CompetencePlacement& placement) {
  const std::size_t n = items.size();
  ComparisonSummary out;

  // The shared vocabulary of the chosen items, as the heat map of all items has it.
  const Measure* terms = nullptr;
  for (const auto& m : similarity.measures) {
    if (m.id == "terms")
      terms = &m;
  }
  std::vector<std::size_t> at(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto found =
        std::find_if(similarity.items.begin(), similarity.items.end(),
                     [&](const ItemInfo& info) { return info.id == items[i].info.id; });
    if (terms == nullptr || found == similarity.items.end())
      throw Error(ErrorCode::internal, "the similarity does not hold " + items[i].info.id);
    at[i] = static_cast<std::size_t>(found - similarity.items.begin());
  }
  out.terms.assign(n, std::vector<double>(n, 1.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j)
      out.terms[i][j] = i == j ? 1.0 : terms->values.at(at[i]).at(at[j]);
  }

  std::vector<std::vector<std::string>> texts;
  for (const auto& item : items) {
    auto t = statement_texts(item);
    std::sort(t.begin(), t.end());
    texts.push_back(std::move(t));
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      std::vector<std::string> common;
      std::set_intersection(texts[a].begin(), texts[a].end(), texts[b].begin(), texts[b].end(),
                            std::back_inserter(common));
      PairLikeness p;
      p.a = a;
      p.b = b;
      p.shared = static_cast<int>(common.size());
      p.together = static_cast<int>(texts[a].size() + texts[b].size()) - p.shared;
      p.statements = p.together == 0 ? 0.0 : static_cast<double>(p.shared) / p.together;
      p.terms = out.terms[a][b];
      out.pairs.push_back(p);
    }
  }

  for (const auto& group : comparison.groups) {
    std::map<std::string, Share> shares;
    for (const auto& cell : group.cells) {
      for (const auto& s : cell.statements)
        shares.emplace(s.text, s.share);
    }
    ShareCounts counts;
    for (const auto& [text, share] : shares) {
      (void)text;
      (share == Share::all ? counts.all : share == Share::some ? counts.some : counts.unique)++;
    }
    out.group_counts.push_back(counts);
  }
  for (std::size_t g = 0; g < out.group_counts.size(); ++g) {
    if (out.group_counts[g].all + out.group_counts[g].some > 0)
      out.most_shared.push_back(g);
  }
  std::stable_sort(out.most_shared.begin(), out.most_shared.end(),
                   [&](std::size_t x, std::size_t y) {
                     const auto& cx = out.group_counts[x];
                     const auto& cy = out.group_counts[y];
                     return cx.all + cx.some > cy.all + cy.some;
                   });

  const bool with_profile =
      std::any_of(items.begin(), items.end(), [](const Item& i) { return i.profile.has_value(); });
  for (std::size_t i = 0; i < n && with_profile; ++i) {
    if (!items[i].qualification)
      continue;
    QualificationFit fit;
    fit.item = i;
    fit.competences = static_cast<int>(items[i].qualification->competences.size());
    std::map<int, model::AlignmentType> best;  // competence number -> its best holding type
    for (const auto& group : placement.placed) {
      for (const auto& p : group.at(i)) {
        if (!p.holds)
          continue;
        auto [it, fresh] = best.emplace(p.number, p.best);
        if (!fresh)
          it->second = std::min(it->second, p.best);
      }
    }
    fit.placed = static_cast<int>(best.size());
    for (const auto& [number, type] : best) {
      (void)number;
      (type == model::AlignmentType::exact   ? fit.exact
       : type == model::AlignmentType::close ? fit.close
                                             : fit.related)++;
    }
    out.qualifications.push_back(fit);
  }
  return out;
}

}  // namespace vakkaart::compare
