#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vakkaart::compose {

// The edits a function accepts, one struct per operation. Front ends build them: the API from
// JSON (server/edit_json.h), the CLI from its arguments; the library applies them
// (function_edits.h). Only shapes are fixed here; the rules (lengths, ranges, what exists) are
// checked when an edit is applied, so every front end gets the same answers.

/// A block of a function by its id ("b3"). A type of its own, so a block is never mistaken for
/// an item.
struct BlockId {
  std::string value;
  bool operator==(const BlockId&) const = default;
};

/// An item of a function by its id ("i7").
struct ItemId {
  std::string value;
  bool operator==(const ItemId&) const = default;
};

/// The N of a block or item id ("b3", "i7"): a whole number of 1 or more that fits an int;
/// nullopt for anything else.
std::optional<int> part_id_number(const std::string& text);

/// "b3" → BlockId; Error(invalid_argument, `field`) unless it is 'b' and a whole number that a
/// function can hand out (what a person types, checked before anything is looked up).
BlockId parse_block_id(const std::string& text, const std::string& field);
/// "i7" → ItemId; Error(invalid_argument, `field`) like parse_block_id.
ItemId parse_item_id(const std::string& text, const std::string& field);
/// A block or an item id; Error(invalid_argument, `field`) when it is neither.
std::variant<BlockId, ItemId> parse_part_id(const std::string& text, const std::string& field);

/// The fields of a function that `SetField` changes.
enum class FunctionField { title, purpose, context, organisation, status };
const char* to_string(FunctionField field);
/// "title" → FunctionField::title; nullopt for a name that is no such field.
std::optional<FunctionField> function_field_from_string(const std::string& name);

/// `set`: one field of the function; `value` of status is "draft" or "final".
struct SetField {
  FunctionField field = FunctionField::title;
  std::string value;
};

/// `add_block`: a block taken from a source, "PROFILE:CLUSTER:N" or "BK-xxxx-v:N".
struct AddBlock {
  std::string source;
  std::vector<int> items;         // 1-based positions in the source; empty: all of them
  std::string cluster;            // empty: the source's own cluster, or the best-fitting one
  std::optional<std::size_t> at;  // place among the blocks; absent: at the end
};

/// `add_own_block`: a block the organisation writes itself.
struct AddOwnBlock {
  std::string title;
  std::string cluster;  // empty: outside the model
  std::vector<std::string> items;
  std::optional<std::size_t> at;
};

/// `remove_block`
struct RemoveBlock {
  BlockId block;
};

/// `move_block`: to a 0-based place among the blocks.
struct MoveBlock {
  BlockId block;
  std::size_t to = 0;
};

/// A block's share of working time in percent; nullopt: no weight.
using BlockWeight = std::optional<double>;

/// `set_block`: whichever of title, weight and cluster is present.
struct SetBlock {
  BlockId block;
  std::optional<std::string> title;
  std::optional<BlockWeight> weight;   // absent: left as it is
  std::optional<std::string> cluster;  // "" takes the block out of the model
};

/// `select`: which statements of the block's source it holds (1-based positions).
struct SelectItems {
  BlockId block;
  std::vector<int> items;
};

/// `add_item`: an item the organisation writes itself.
struct AddItem {
  BlockId block;
  std::string text;
  std::optional<std::size_t> at;
};

/// `remove_item`
struct RemoveItem {
  ItemId item;
};

/// `move_item`: to a 0-based place within its block.
struct MoveItem {
  ItemId item;
  std::size_t to = 0;
};

/// `reword`: the organisation's wording of an item; nullopt: back to the original.
struct Reword {
  ItemId item;
  std::optional<std::string> text;
};

/// `take_change`: a pending change of a block's source (by its key) into the function.
struct TakeChange {
  std::string change;
};

/// `leave_change`: a pending change of a block's source left out for good.
struct LeaveChange {
  std::string change;
};

/// `restore`: the function's content (fields and blocks) as it was at an earlier version, saved
/// as a new version: the composer's undo. Ids stay unique: none is handed out again.
struct RestoreVersion {
  int version = 0;
};

/// One edit of a function.
using Edit =
    std::variant<SetField, AddBlock, AddOwnBlock, RemoveBlock, MoveBlock, SetBlock, SelectItems,
                 AddItem, RemoveItem, MoveItem, Reword, TakeChange, LeaveChange, RestoreVersion>;

}  // namespace vakkaart::compose
