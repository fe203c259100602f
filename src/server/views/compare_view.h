#pragma once

#include <string>
#include <vector>

#include "compare/comparison.h"
#include "compare/comparison_summary.h"
#include "core/json.h"
#include "server/pipeline.h"
#include "server/views/label_view.h"

namespace vakkaart::server {

/// What the compare page says first (web/templates/compare.mustache, `summary`): how alike the
/// items are in words (one sentence per pair, the most and least alike first when there are
/// more than two), a small heat map of their wording, where they share most, and how many
/// competences of each qualification resemble the profiles' main activities. `item_langs`, when
/// not empty, gives the language of each item's title (the small heat map's label `lang`s).
vakkaart::Json compare_summary_view(const compare::Comparison& comparison,
                                    const compare::ComparisonSummary& summary,
                                    const std::string& lang,
                                    const std::vector<std::string>& item_langs = {});

/// Issue 18: the loaded items (their labels) and the languages show_compare_labels left the
/// titles in, for compare_groups_view.
struct ComparedLabels {
  const std::vector<compare::Item>& items;
  const CompareLangs& langs;
};

/// The details (`comparison.groups`): one group per cluster or qualification section, each a
/// table with a column per item, to be shown collapsed. A qualification's competences sit in
/// the cluster rows `placement` puts them in, each with its alignments (type, score, status and
/// the decision form); the competences section then lists only those placed nowhere. Statements
/// of profiles show their labels in the reader's language (`shown`).
vakkaart::Json compare_groups_view(const compare::Comparison& comparison,
                                   const compare::ComparisonSummary& summary,
                                   const compare::CompetencePlacement& placement,
                                   const ComparedLabels& shown, const Context& r);

/// The page anchor of a comparison group: "group-definition", "group-competences", or
/// "group-{framework}-{cluster}" (cluster ids repeat across frameworks).
std::string compare_group_anchor(const compare::Group& group);

}  // namespace vakkaart::server
