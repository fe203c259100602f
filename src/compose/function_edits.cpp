#include "compose/function_edits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "compose/cluster_suggestion.h"
#include "compose/source_block.h"
#include "compose/source_changes.h"
#include "core/error.h"
#include "exports/function_json.h"
#include "text/utf8.h"

namespace vakkaart::compose {

namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message, {"", 0, field});
}

std::string new_id(model::FunctionProfile& f, char prefix) {
  return prefix + std::to_string(f.next_id++);
}

model::FunctionBlock& find_block(model::FunctionProfile& f, const std::string& id) {
  for (auto& b : f.blocks)
    if (b.id == id)
      return b;
  throw Error(ErrorCode::not_found, "function '" + f.id + "' has no block '" + id + "'",
              {"", 0, "block"});
}

struct ItemPlace {
  model::FunctionBlock* block;
  std::size_t index;
};

ItemPlace find_item(model::FunctionProfile& f, const std::string& id) {
  for (auto& b : f.blocks)
    for (std::size_t i = 0; i < b.items.size(); ++i)
      if (b.items[i].id == id)
        return {&b, i};
  throw Error(ErrorCode::not_found, "function '" + f.id + "' has no item '" + id + "'",
              {"", 0, "item"});
}

/// The framework (with profiles) that places blocks; loaded per edit, as edits are rare.
std::optional<model::Framework> framework_of(store::Store& store, const model::FunctionProfile& f) {
  if (f.framework_id.empty())
    return std::nullopt;
  return store.find_framework(f.framework_id);
}

/// Sets a block's cluster and the layer it belongs to; "" leaves the block outside the model.
void place_block(model::FunctionBlock& block, const std::optional<model::Framework>& framework,
                 const std::string& cluster_id) {
  if (cluster_id.empty()) {
    block.cluster_id.clear();
    block.layer_id.clear();
    return;
  }
  const model::Cluster* cluster = framework ? framework->find_cluster(cluster_id) : nullptr;
  if (!cluster)
    throw Error(ErrorCode::not_found,
                "framework '" + (framework ? framework->id : std::string()) + "' has no cluster '" +
                    cluster_id + "'",
                {"", 0, "cluster"});
  block.cluster_id = cluster->id;
  block.layer_id = cluster->layer_id;
}

template <typename T>
void insert_at(std::vector<T>& list, T value, std::optional<std::size_t> at) {
  std::size_t pos = at ? std::min(*at, list.size()) : list.size();
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), std::move(value));
}

template <typename T>
void move_to(std::vector<T>& list, std::size_t from, std::size_t to) {
  if (to >= list.size())
    invalid("to", "'to' must be between 0 and " + std::to_string(list.size() - 1));
  T value = std::move(list[from]);
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), std::move(value));
}

void check_positions(const model::BlockSource& source, const std::vector<int>& positions) {
  std::set<int> seen;
  for (int p : positions) {
    if (p < 1 || static_cast<std::size_t>(p) > source.statements.size())
      throw Error(ErrorCode::invalid_argument,
                  "item " + std::to_string(p) + " is not in block '" + source.ref + "' (it has " +
                      std::to_string(source.statements.size()) + " statements)",
                  {"", 0, "items"});
    if (!seen.insert(p).second)
      invalid("items", "item " + std::to_string(p) + " is named twice");
  }
}

model::FunctionItem taken_item(model::FunctionProfile& f, const model::BlockSource& source,
                               int position) {
  model::FunctionItem item;
  item.id = new_id(f, 'i');
  const auto& st = source.statements[position - 1];
  item.kind = st.kind;
  item.original = st.text;
  item.source_position = position;
  return item;
}

/// A text as the history quotes it: at most 60 bytes, cut between characters.
std::string shown(const std::string& text) {
  constexpr std::size_t kShown = 60;
  if (text.size() <= kShown)
    return "\"" + text + "\"";
  return "\"" + std::string(text::truncate_utf8(text, kShown)) + "…\"";
}

/// A percentage as JSON writes a number: "25", "12.5" (shortest form that reads back).
std::string percent_text(double w) {
  if (w == std::floor(w) && std::fabs(w) < 1e15)
    return std::to_string(static_cast<long long>(w));
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, w);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(w);
}

// One apply_op per kind of edit; each returns the history line.

std::string apply_op(store::Store&, model::FunctionProfile& f, const SetField& edit) {
  const std::string& value = edit.value;
  switch (edit.field) {
    case FunctionField::title:
    case FunctionField::organisation:
      check_function_text(value, kMaxItemChars, "value");
      (edit.field == FunctionField::title ? f.title : f.organisation) = value;
      break;
    case FunctionField::purpose:
    case FunctionField::context:
      check_function_text(value, kMaxFieldChars, "value");
      (edit.field == FunctionField::purpose ? f.purpose : f.context) = value;
      break;
    case FunctionField::status: {
      auto status = model::function_status_from_string(value);
      if (!status)
        invalid("value", "status must be \"draft\" or \"final\"");
      f.status = *status;
      break;
    }
  }
  return std::string("set ") + to_string(edit.field) + " to " + shown(value);
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const AddBlock& edit) {
  auto block = take_block(store, f, edit.source, edit.items, edit.cluster);
  std::string summary = "took " + edit.source + " (" + std::to_string(block.items.size()) + " of " +
                        std::to_string(block.source->statements.size()) + " statements) as block " +
                        block.id;
  insert_at(f.blocks, std::move(block), edit.at);
  return summary;
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const AddOwnBlock& edit) {
  model::FunctionBlock block;
  block.id = new_id(f, 'b');
  block.title = edit.title;
  check_function_text(block.title, kMaxItemChars, "title");
  place_block(block, framework_of(store, f), edit.cluster);
  for (const auto& text : edit.items) {
    check_function_text(text, kMaxItemChars, "items");
    block.items.push_back({new_id(f, 'i'), "own", "", 0, text});
  }
  std::string summary = "wrote block " + block.id + " " + shown(block.title);
  insert_at(f.blocks, std::move(block), edit.at);
  return summary;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const RemoveBlock& edit) {
  auto& block = find_block(f, edit.block.value);
  std::string summary = "removed block " + block.id + " " + shown(block.title);
  std::erase_if(f.blocks, [&](const model::FunctionBlock& b) { return &b == &block; });
  return summary;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const MoveBlock& edit) {
  auto& block = find_block(f, edit.block.value);
  std::string id = block.id;
  move_to(f.blocks, static_cast<std::size_t>(&block - f.blocks.data()), edit.to);
  return "moved block " + id + " to place " + std::to_string(edit.to + 1);
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const SetBlock& edit) {
  auto& block = find_block(f, edit.block.value);
  std::vector<std::string> what;
  if (edit.title) {
    check_function_text(*edit.title, kMaxItemChars, "title");
    block.title = *edit.title;
    what.push_back("title " + shown(*edit.title));
  }
  if (edit.weight && !*edit.weight) {
    block.weight.reset();
    what.emplace_back("no weight");
  } else if (edit.weight) {
    double w = **edit.weight;
    if (!(w >= 0 && w <= 100))
      invalid("weight", "weight must be between 0 and 100 (% of working time)");
    block.weight = w;
    what.push_back("weight " + percent_text(w) + "%");
  }
  if (edit.cluster) {
    place_block(block, framework_of(store, f), *edit.cluster);
    what.push_back("cluster " + *edit.cluster);
  }
  std::string summary = "set block " + block.id;
  for (std::size_t i = 0; i < what.size(); ++i)
    summary += (i ? ", " : ": ") + what[i];
  return summary;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const SelectItems& edit) {
  auto& block = find_block(f, edit.block.value);
  if (!block.source)
    invalid("block", "block '" + block.id + "' was not taken from a source");
  check_positions(*block.source, edit.items);
  std::set<int> wanted(edit.items.begin(), edit.items.end());
  std::set<int> present;
  // Unticked source items go; own items and the user's order stay.
  std::erase_if(block.items, [&](const model::FunctionItem& i) {
    return i.source_position > 0 && !wanted.count(i.source_position);
  });
  for (const auto& i : block.items)
    if (i.source_position > 0)
      present.insert(i.source_position);
  for (int p : wanted) {
    if (present.count(p))
      continue;
    // After the last item that comes earlier in the source, so source order is kept.
    std::size_t at = 0;
    for (std::size_t k = 0; k < block.items.size(); ++k)
      if (block.items[k].source_position > 0 && block.items[k].source_position < p)
        at = k + 1;
    block.items.insert(block.items.begin() + static_cast<std::ptrdiff_t>(at),
                       taken_item(f, *block.source, p));
  }
  return "ticked " + std::to_string(wanted.size()) + " of " +
         std::to_string(block.source->statements.size()) + " statements of block " + block.id;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const AddItem& edit) {
  auto& block = find_block(f, edit.block.value);
  check_function_text(edit.text, kMaxItemChars, "text");
  model::FunctionItem item{new_id(f, 'i'), "own", "", 0, edit.text};
  std::string summary = "wrote item " + item.id + " " + shown(edit.text) + " in block " + block.id;
  insert_at(block.items, std::move(item), edit.at);
  return summary;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const RemoveItem& edit) {
  auto place = find_item(f, edit.item.value);
  auto& items = place.block->items;
  std::string summary = "removed item " + items[place.index].id + " " +
                        shown(items[place.index].text()) + " from block " + place.block->id;
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(place.index));
  return summary;
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const MoveItem& edit) {
  auto place = find_item(f, edit.item.value);
  std::string id = place.block->items[place.index].id;
  move_to(place.block->items, place.index, edit.to);
  return "moved item " + id + " to place " + std::to_string(edit.to + 1);
}

std::string apply_op(store::Store&, model::FunctionProfile& f, const Reword& edit) {
  auto place = find_item(f, edit.item.value);
  auto& item = place.block->items[place.index];
  const auto& text = edit.text;
  if (text)
    check_function_text(*text, kMaxItemChars, "text");
  if (item.is_own()) {
    if (!text || text->empty())
      invalid("text", "an own item needs a text");
    std::string before = item.text();
    item.wording = *text;
    return "changed item " + item.id + " from " + shown(before) + " to " + shown(*text);
  }
  // Rewording back to the source text is no rewording: the original shows again.
  if (!text || *text == item.original) {
    item.wording.reset();
    return "put item " + item.id + " back to its original " + shown(item.original);
  }
  item.wording = *text;
  return "reworded item " + item.id + " " + shown(item.original) + " as " + shown(*text);
}

std::string apply_decision(store::Store& store, model::FunctionProfile& f, const std::string& key,
                           bool take) {
  for (auto& block : f.blocks) {
    if (!block.source)
      continue;
    auto current = read_current_source(store, *block.source);
    for (const auto& change : block_changes(block, current)) {
      if (change.key != key)
        continue;
      decide_change(block, change, take, current);
      for (auto& item : block.items)  // an item the change added
        if (item.id.empty())
          item.id = new_id(f, 'i');
      return std::string(take ? "took" : "left") + " source change (" + change.type + ") " +
             shown(change.new_text.empty() ? change.old_text : change.new_text) + " in block " +
             block.id;
    }
  }
  throw Error(ErrorCode::not_found, "no pending source change '" + key + "'", {"", 0, "change"});
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const TakeChange& edit) {
  return apply_decision(store, f, edit.change, true);
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const LeaveChange& edit) {
  return apply_decision(store, f, edit.change, false);
}

std::string apply_op(store::Store& store, model::FunctionProfile& f, const RestoreVersion& edit) {
  if (edit.version < 1 || edit.version >= f.version)
    invalid("version", "restore names an earlier version of the function (1 to " +
                           std::to_string(f.version - 1) + "), not " +
                           std::to_string(edit.version));
  auto stored = store.find_function(f.id, edit.version);
  if (!stored)
    throw Error(ErrorCode::not_found,
                "function '" + f.id + "' has no version " + std::to_string(edit.version),
                {"", 0, "version"});
  auto old = exports::parse_function_json(stored->body, "function " + f.id);
  f.title = old.title;
  f.organisation = old.organisation;
  f.purpose = old.purpose;
  f.context = old.context;
  f.status = old.status;
  f.blocks = std::move(old.blocks);
  // The counter never goes back, so an id given out after that version is never given again.
  f.next_id = std::max(f.next_id, old.next_id);
  return "restored version " + std::to_string(edit.version);
}

}  // namespace

model::FunctionBlock take_block(store::Store& store, model::FunctionProfile& f,
                                const std::string& source_ref, const std::vector<int>& positions,
                                const std::string& cluster_override) {
  model::BlockSource source = read_source_block(store, source_ref);
  check_positions(source, positions);
  auto framework = framework_of(store, f);

  model::FunctionBlock block;
  block.id = new_id(f, 'b');
  std::string cluster = cluster_override;
  if (cluster.empty() && framework) {
    if (source.kind == model::SourceKind::profile && source.framework_id == framework->id) {
      cluster = source.cluster_id;
    } else {
      // What the competence does says where it belongs; its knowledge list ("Basiskennis
      // van ICT", ...) would pull every competence towards the same clusters.
      std::vector<std::string> texts{source.title};
      for (const auto& st : source.statements)
        if (st.kind != "knowledge")
          texts.push_back(st.text);
      cluster = suggest_cluster(*framework, texts);
    }
  }
  place_block(block, framework, cluster);
  block.title = source.title;
  if (block.title.empty() && framework)  // the learning-professional block has no title
    if (const auto* c = framework->find_cluster(source.cluster_id))
      block.title = c->title;

  std::vector<int> chosen = positions;
  if (chosen.empty())
    for (std::size_t i = 1; i <= source.statements.size(); ++i)
      chosen.push_back(static_cast<int>(i));
  std::sort(chosen.begin(), chosen.end());
  for (int p : chosen)
    block.items.push_back(taken_item(f, source, p));
  block.source = std::move(source);
  return block;
}

void check_function_text(std::string_view text, std::size_t max_chars, const std::string& field) {
  const std::size_t bad = text::first_forbidden_character(text);
  if (bad != std::string_view::npos) {
    const char32_t cp = text::decode_utf8(text, bad).value;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    throw Error(ErrorCode::invalid_argument,
                std::string("the text holds ") + code + " at character " +
                    std::to_string(text::count_code_points(text.substr(0, bad)) + 1) +
                    ": a control character or noncharacter no document can carry; remove it",
                {"", 0, field});
  }
  const std::size_t chars = text::count_code_points(text);
  if (chars > max_chars)
    throw Error(ErrorCode::too_large,
                "text of " + std::to_string(chars) + " characters is longer than the " +
                    std::to_string(max_chars) + " this field takes",
                {"", 0, field});
}

void check_function_texts(const model::FunctionProfile& f) {
  // Taken texts are as long as their source made them; only their characters are checked.
  constexpr std::size_t kAnyLength = std::string_view().max_size();
  check_function_text(f.title, kMaxItemChars, "$.title");
  check_function_text(f.organisation, kMaxItemChars, "$.organisation");
  check_function_text(f.purpose, kMaxFieldChars, "$.purpose");
  check_function_text(f.context, kMaxFieldChars, "$.context");
  for (std::size_t b = 0; b < f.blocks.size(); ++b) {
    const auto& block = f.blocks[b];
    const std::string path = "$.blocks[" + std::to_string(b) + "]";
    check_function_text(block.title, block.source ? kAnyLength : kMaxItemChars, path + ".title");
    for (std::size_t i = 0; i < block.items.size(); ++i) {
      const auto& item = block.items[i];
      const std::string item_path = path + ".items[" + std::to_string(i) + "]";
      check_function_text(item.original, kAnyLength, item_path + ".original");
      if (item.wording)
        check_function_text(*item.wording, kMaxItemChars, item_path + ".wording");
    }
  }
}

std::string apply_edit(store::Store& store, model::FunctionProfile& f, const Edit& edit) {
  return std::visit([&](const auto& e) { return apply_op(store, f, e); }, edit);
}

}  // namespace vakkaart::compose
