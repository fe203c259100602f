#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "model/qualification.h"
#include "store/store.h"

namespace vakkaart::compare {

/// Two items to have something to compare; five still fit side by side on a page.
constexpr std::size_t kMinItems = 2;
constexpr std::size_t kMaxItems = 5;

enum class ItemKind { profile, qualification };

/// "profile" or "qualification".
const char* to_string(ItemKind kind);

/// What names an item: its id, kind and title (and its framework for a profile).
struct ItemInfo {
  std::string id;  // profile id, or versioned qualification id ("BK-0338-3")
  ItemKind kind = ItemKind::profile;
  std::string title;
  std::string framework_id;  // empty for qualifications
};

/// A profile (with its framework) or a qualification, loaded whole.
struct Item {
  ItemInfo info;
  std::optional<store::ProfileRecord> profile;        // set when info.kind is profile
  std::optional<model::Qualification> qualification;  // set when info.kind is qualification
};

/// Loads a profile by id, or else a qualification by versioned id or code (a code means its
/// current version). Throws Error(not_found) naming the id when neither exists.
Item load_item(store::Store& store, const std::string& id);

/// Loads kMinItems..kMaxItems distinct items in the given order. Throws Error(invalid_argument,
/// field "item") for too few, too many or repeated ids (also a code beside its own versioned
/// id), Error(not_found) for an unknown id.
std::vector<Item> load_items(store::Store& store, const std::vector<std::string>& ids);

/// The distinct statement texts of an item, in the order they first appear: definition,
/// main-activity titles, activities and sub-activities of a profile; definition, competences,
/// their activities and knowledge, contexts, autonomy and responsibility of a qualification.
/// The store keeps one statement per exact text, so exact text is a statement's identity.
std::vector<std::string> statement_texts(const Item& item);

/// How widely the compared items hold a statement.
enum class Share {
  all,     // every compared item
  some,    // more than one, not all
  unique,  // only this item
};

/// "all", "some" or "unique".
const char* to_string(Share share);

/// One statement of one item in one group.
struct Statement {
  std::string text;
  /// definition | main_activity | activity | sub_activity | competence | competence_activity |
  /// knowledge | environment_context | action_context | independent_in | bound_to | relies_on |
  /// responsibility (the store's occurrence kinds).
  std::string kind;
  /// Descriptor of a competence activity (cognitive, problem_solving, motor) or kind of a
  /// knowledge item (general, specific); empty when there is none.
  std::string detail;
  /// Whether the other items hold the same text anywhere, not just in this group.
  Share share = Share::unique;
  std::vector<std::string> shared_with;  // ids of the other items holding it, in item order
};

/// What one item holds in one group (possibly nothing).
struct Cell {
  std::string item_id;
  std::vector<Statement> statements;
};

enum class GroupKind {
  definition,     // every item's definition
  cluster,        // a cluster of a profile's framework
  qualification,  // a section of qualifications: competences, knowledge, contexts, ...
};

/// "definition", "cluster" or "qualification".
const char* to_string(GroupKind kind);

/// One row of the comparison: a part of the items that can be read side by side.
struct Group {
  GroupKind kind = GroupKind::definition;
  std::string id;  // "definition", a cluster id, "competences", "knowledge", ...
  std::string title;
  std::string title_en;      // a cluster's source title is Dutch only and is used for both
  std::string framework_id;  // clusters only
  std::string layer_id;      // clusters only
  std::vector<Cell> cells;   // one per item, in item order
};

/// Distinct statements per share class.
struct ShareCounts {
  int all = 0;
  int some = 0;
  int unique = 0;

  int total() const { return all + some + unique; }
};

struct ComparedItem {
  ItemInfo info;
  ShareCounts counts;  // this item's distinct statements
};

/// Items side by side, group by group, each statement marked with how widely it is shared.
struct Comparison {
  std::vector<ComparedItem> items;
  /// Definition first, then each framework's clusters in framework order, then the
  /// qualification sections; groups no item holds anything in are left out.
  std::vector<Group> groups;
  ShareCounts counts;  // distinct statements over all items
};

/// Compares items already loaded (any number; load_items enforces the limits).
Comparison compare_items(const std::vector<Item>& items);

/// load_items, then compare_items.
Comparison compare(store::Store& store, const std::vector<std::string>& ids);

/// `{items:[{id, kind, title, framework, counts}], counts:{all, some, unique, total},
/// groups:[{id, kind, title, title_en, framework, layer, cells:[{item, statements:[{text, kind,
/// detail?, share, shared_with}]}]}]}`; framework and layer are null where they do not apply.
vakkaart::Json comparison_to_json(const Comparison& comparison);

}  // namespace vakkaart::compare
