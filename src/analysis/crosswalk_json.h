#pragma once

#include <vector>

#include "formats/canonical_json.h"
#include "model/alignment.h"

namespace vakkaart::analysis {

/// One alignment as the API and `vakkaart crosswalk list --json` give it:
/// `{source:{ref, kind, item, item_title, cluster, title}, target:{…}, score, type, status,
///   computed, decided_by, decided_at}`; decided_by and decided_at are null unless decided.
formats::Json alignment_to_json(const model::Alignment& alignment);

/// `{alignments:[…], count}`.
formats::Json alignments_to_json(const std::vector<model::Alignment>& alignments);

}  // namespace vakkaart::analysis
