#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// One difference between what a block took from its source and the source as stored now.
struct SourceChange {
  std::string key;  // stable for the same difference: names it for take/leave
  std::string block_id;
  /// added: the source has a new statement; removed: a statement the block holds is gone;
  /// reworded: a statement the block holds now reads differently; retitled: the source block
  /// has a new title; new_version: the source moved on without touching what the block holds;
  /// source_removed: the source block no longer exists.
  std::string type;
  std::string old_text;  // removed/reworded/retitled: the text as taken
  std::string new_text;  // added/reworded/retitled: the text in the source now
  std::string item_id;   // the function's item holding old_text, if any
  std::string old_version, new_version;
};

/// The undecided changes of one block against its source as it is now (`current` empty: the
/// source is gone). Changes to statements the block does not hold are not offered; they are
/// absorbed when the block settles on the new source.
std::vector<SourceChange> block_changes(const model::FunctionBlock& block,
                                        const std::optional<model::BlockSource>& current);

/// Every undecided change of every block, in block order.
std::vector<SourceChange> pending_changes(store::Store& store,
                                          const model::FunctionProfile& function);

/// Applies a change (adds, removes or rewords the item; a reworded original keeps the user's
/// own wording) or only records it as left; once nothing of the block is left undecided, the
/// block settles on the current source: its provenance names the new version.
void decide_change(model::FunctionBlock& block, const SourceChange& change, bool take,
                   const std::optional<model::BlockSource>& current);

}  // namespace vakkaart::compose
