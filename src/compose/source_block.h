#pragma once

#include <string>
#include <vector>

#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// A parsed SOURCE reference: "PROFILE:CLUSTER:N" (the N-th main activity of that cluster of a
/// profile, 1-based) or "BK-xxxx-v:N" (competence number N of a qualification version; a bare
/// code "BK-xxxx:N" means its current version).
struct SourceRef {
  model::SourceKind kind = model::SourceKind::profile;
  std::string item_id;     // profile id or qualification id/code as written
  std::string cluster_id;  // profile references only
  int position = 0;
};

/// Parses a SOURCE reference; Error(invalid_argument, field "source") when it is malformed.
SourceRef parse_source_ref(const std::string& ref);

/// Reads the block a reference points to, as it is in the store now: its title, version and
/// every statement in order (a profile's activities depth first; a competence's activities,
/// then its knowledge). Error(not_found) names the unknown profile, cluster, main activity,
/// qualification or competence.
model::BlockSource read_source_block(store::Store& store, const std::string& ref);

/// The same block re-read for an existing block source, following a qualification to its
/// current version ("BK-0338-3:4" → "BK-0338-4:4" when version 4 is current). Empty when the
/// source no longer exists.
std::optional<model::BlockSource> read_current_source(store::Store& store,
                                                      const model::BlockSource& taken);

/// Parses an `--items` list "1,3,5" into 1-based positions; Error(invalid_argument) otherwise.
std::vector<int> parse_item_positions(const std::string& list);

}  // namespace vakkaart::compose
