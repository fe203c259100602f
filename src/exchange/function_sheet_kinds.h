#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/function_profile.h"

namespace vakkaart::exchange {

/// The vocabulary of a function sheet that its writer and its reader share, so the two cannot
/// drift apart (docs/formats/spreadsheet.md, "Function sheets").

/// A block's provenance when it has no source, and an item's when it was written by the
/// organisation.
inline const std::string kOwn = "own";

/// A row of the function's own after the `function` row: its kind names the field.
struct HeaderField {
  const char* kind;
  std::string (*get)(const model::FunctionProfile&);
  /// Stores the cell's text; false when it is not a value the field takes.
  bool (*set)(model::FunctionProfile&, const std::string&);
  const char* expected;  // what `set` takes, for the error message
};

/// organisation, purpose, context, status, version, created, updated, framework, next_id.
const std::vector<HeaderField>& function_header_fields();

/// A row of a block's source: its kind names the field of model::BlockSource (the ref is the
/// block row's provenance).
struct SourceField {
  const char* kind;
  std::string (*get)(const model::BlockSource&);
  bool (*set)(model::BlockSource&, const std::string&);
  const char* expected;
};

/// source_kind, source_item, source_item_title, source_framework, source_cluster,
/// source_position, source_title, source_version.
const std::vector<SourceField>& source_fields();

/// activity, sub_activity, competence_activity, knowledge, own: the kinds an item row has.
bool is_item_kind(const std::string& kind);

/// An item row's provenance: "own" (written by the organisation), "REF#N" (the N-th statement of
/// the block's source REF), with " edited" when the organisation reworded a taken statement.
/// Which facts the row leaves out is fixed, so a sheet holds an item exactly: a taken item's
/// original is the row's wording unless edited (then an `original` row follows); an own item
/// has a wording and an original only when an `original` row follows ("own unedited" for the
/// rare own item without a wording, its text being the original).
struct ItemProvenance {
  int position = 0;     // source_position; 0 for own
  bool edited = false;  // the item has a wording
  std::string ref;      // the block's source ref

  std::string text() const;
  /// Whether an `original` row must follow the item row to carry `original`.
  bool needs_original_row(const std::string& original) const;
  /// nullopt when `text` is none of the forms above.
  static std::optional<ItemProvenance> parse(const std::string& text);
};

/// A weight as the shortest text that reads back as the same double ("30", "12.5").
std::string sheet_weight(double weight);

/// A whole number written the canonical way ("3", "-1", "0"; not "03" or "+3"); nullopt
/// otherwise or outside int.
std::optional<int> sheet_int(const std::string& text);

}  // namespace vakkaart::exchange
