#pragma once

#include <vector>

#include "core/json.h"
#include "model/alignment.h"

namespace vakkaart::analysis {

/// One alignment as the API and `vakkaart crosswalk list --json` give it:
/// `{source:{ref, kind, item, item_title, cluster, title}, target:{…}, score, type, status,
///   computed, decided_by, decided_at}`; decided_by and decided_at are null unless decided.
vakkaart::Json alignment_to_json(const model::Alignment& alignment);

/// `{alignments:[…], count}`.
vakkaart::Json alignments_to_json(const std::vector<model::Alignment>& alignments);

}  // namespace vakkaart::analysis
