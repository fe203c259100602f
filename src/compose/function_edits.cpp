#include "compose/function_edits.h"

#include <algorithm>
#include <set>

#include "compose/cluster_suggestion.h"
#include "compose/source_block.h"
#include "compose/source_changes.h"
#include "core/error.h"

namespace vakkaart::compose {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message, {"", 0, field});
}

const Json& required(const Json& edit, const char* key) {
  auto it = edit.find(key);
  if (it == edit.end())
    invalid(key, std::string("missing field '") + key + "'");
  return *it;
}

std::string required_string(const Json& edit, const char* key) {
  const Json& v = required(edit, key);
  if (!v.is_string())
    invalid(key, std::string("'") + key + "' must be a string");
  return v.get<std::string>();
}

std::optional<std::string> optional_string(const Json& edit, const char* key) {
  auto it = edit.find(key);
  if (it == edit.end() || it->is_null())
    return std::nullopt;
  if (!it->is_string())
    invalid(key, std::string("'") + key + "' must be a string");
  return it->get<std::string>();
}

std::optional<long long> optional_index(const Json& edit, const char* key) {
  auto it = edit.find(key);
  if (it == edit.end() || it->is_null())
    return std::nullopt;
  if (!it->is_number_integer() || it->get<long long>() < 0)
    invalid(key, std::string("'") + key + "' must be a whole number of 0 or more");
  return it->get<long long>();
}

std::vector<int> positions_of(const Json& edit, const char* key) {
  const Json& v = required(edit, key);
  if (!v.is_array())
    invalid(key, std::string("'") + key + "' must be an array of positions");
  std::vector<int> out;
  for (const auto& p : v) {
    if (!p.is_number_integer() || p.get<long long>() < 1 || p.get<long long>() > 100000)
      invalid(key, std::string("'") + key + "' must hold positions 1, 2, ...");
    out.push_back(p.get<int>());
  }
  return out;
}

/// Rejects texts no job profile needs (a pasted document, a runaway script) before they
/// reach the store.
void check_length(const std::string& text, std::size_t max, const std::string& field) {
  if (text.size() > max)
    throw Error(ErrorCode::too_large,
                "text of " + std::to_string(text.size()) + " bytes is longer than the " +
                    std::to_string(max) + " this field takes",
                {"", 0, field});
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
void insert_at(std::vector<T>& list, T value, std::optional<long long> at) {
  std::size_t pos =
      at ? std::min<std::size_t>(static_cast<std::size_t>(*at), list.size()) : list.size();
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), std::move(value));
}

template <typename T>
void move_to(std::vector<T>& list, std::size_t from, long long to) {
  if (to < 0 || static_cast<std::size_t>(to) >= list.size())
    invalid("to", "'to' must be between 0 and " + std::to_string(list.size() - 1));
  T value = std::move(list[from]);
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
  list.insert(list.begin() + to, std::move(value));
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

std::string shown(const std::string& text) {
  constexpr std::size_t kShown = 60;
  if (text.size() <= kShown)
    return "\"" + text + "\"";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return "\"" + text.substr(0, cut) + "…\"";
}

std::string set_field(model::FunctionProfile& f, const Json& edit) {
  std::string field = required_string(edit, "field");
  std::string value = required_string(edit, "value");
  if (field == "title" || field == "organisation") {
    check_length(value, kMaxItemChars, "value");
    (field == "title" ? f.title : f.organisation) = value;
  } else if (field == "purpose" || field == "context") {
    check_length(value, kMaxFieldChars, "value");
    (field == "purpose" ? f.purpose : f.context) = value;
  } else if (field == "status") {
    auto status = model::function_status_from_string(value);
    if (!status)
      invalid("value", "status must be \"draft\" or \"final\"");
    f.status = *status;
  } else {
    invalid("field",
            "field must be title, purpose, context, organisation or status, not '" + field + "'");
  }
  return "set " + field + " to " + shown(value);
}

std::string select_items(model::FunctionProfile& f, const Json& edit) {
  auto& block = find_block(f, required_string(edit, "block"));
  if (!block.source)
    invalid("block", "block '" + block.id + "' was not taken from a source");
  auto positions = positions_of(edit, "items");
  check_positions(*block.source, positions);
  std::set<int> wanted(positions.begin(), positions.end());
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

std::string decide(store::Store& store, model::FunctionProfile& f, const Json& edit, bool take) {
  std::string key = required_string(edit, "change");
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

std::string apply_edit(store::Store& store, model::FunctionProfile& f, const Json& edit) {
  if (!edit.is_object())
    invalid("op", "an edit must be an object with an \"op\"");
  std::string op = required_string(edit, "op");

  if (op == "set")
    return set_field(f, edit);

  if (op == "add_block") {
    std::string ref = required_string(edit, "source");
    std::vector<int> positions;
    if (edit.contains("items") && !edit["items"].is_null())
      positions = positions_of(edit, "items");
    auto block =
        take_block(store, f, ref, positions, optional_string(edit, "cluster").value_or(""));
    std::string summary = "took " + ref + " (" + std::to_string(block.items.size()) + " of " +
                          std::to_string(block.source->statements.size()) +
                          " statements) as block " + block.id;
    insert_at(f.blocks, std::move(block), optional_index(edit, "at"));
    return summary;
  }

  if (op == "add_own_block") {
    model::FunctionBlock block;
    block.id = new_id(f, 'b');
    block.title = required_string(edit, "title");
    check_length(block.title, kMaxItemChars, "title");
    place_block(block, framework_of(store, f), optional_string(edit, "cluster").value_or(""));
    if (auto it = edit.find("items"); it != edit.end() && !it->is_null()) {
      if (!it->is_array())
        invalid("items", "'items' must be an array of texts");
      for (const auto& t : *it) {
        if (!t.is_string())
          invalid("items", "'items' must be an array of texts");
        check_length(t.get<std::string>(), kMaxItemChars, "items");
        block.items.push_back({new_id(f, 'i'), "own", "", 0, t.get<std::string>()});
      }
    }
    std::string summary = "wrote block " + block.id + " " + shown(block.title);
    insert_at(f.blocks, std::move(block), optional_index(edit, "at"));
    return summary;
  }

  if (op == "remove_block") {
    auto& block = find_block(f, required_string(edit, "block"));
    std::string summary = "removed block " + block.id + " " + shown(block.title);
    std::erase_if(f.blocks, [&](const model::FunctionBlock& b) { return &b == &block; });
    return summary;
  }

  if (op == "move_block") {
    auto& block = find_block(f, required_string(edit, "block"));
    std::string id = block.id;
    auto to = optional_index(edit, "to");
    if (!to)
      invalid("to", "missing field 'to'");
    move_to(f.blocks, static_cast<std::size_t>(&block - f.blocks.data()), *to);
    return "moved block " + id + " to place " + std::to_string(*to + 1);
  }

  if (op == "set_block") {
    auto& block = find_block(f, required_string(edit, "block"));
    std::vector<std::string> what;
    if (auto title = optional_string(edit, "title")) {
      check_length(*title, kMaxItemChars, "title");
      block.title = *title;
      what.push_back("title " + shown(*title));
    }
    if (auto it = edit.find("weight"); it != edit.end()) {
      if (it->is_null()) {
        block.weight.reset();
        what.emplace_back("no weight");
      } else {
        if (!it->is_number())
          invalid("weight", "'weight' must be a number or null");
        double w = it->get<double>();
        if (!(w >= 0 && w <= 100))
          invalid("weight", "weight must be between 0 and 100 (% of working time)");
        block.weight = w;
        what.push_back("weight " + it->dump() + "%");
      }
    }
    if (auto cluster = optional_string(edit, "cluster")) {
      place_block(block, framework_of(store, f), *cluster);
      what.push_back("cluster " + *cluster);
    }
    std::string summary = "set block " + block.id;
    for (std::size_t i = 0; i < what.size(); ++i)
      summary += (i ? ", " : ": ") + what[i];
    return summary;
  }

  if (op == "select")
    return select_items(f, edit);

  if (op == "add_item") {
    auto& block = find_block(f, required_string(edit, "block"));
    std::string text = required_string(edit, "text");
    check_length(text, kMaxItemChars, "text");
    model::FunctionItem item{new_id(f, 'i'), "own", "", 0, text};
    std::string summary = "wrote item " + item.id + " " + shown(text) + " in block " + block.id;
    insert_at(block.items, std::move(item), optional_index(edit, "at"));
    return summary;
  }

  if (op == "remove_item") {
    auto place = find_item(f, required_string(edit, "item"));
    auto& items = place.block->items;
    std::string summary = "removed item " + items[place.index].id + " " +
                          shown(items[place.index].text()) + " from block " + place.block->id;
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(place.index));
    return summary;
  }

  if (op == "move_item") {
    auto place = find_item(f, required_string(edit, "item"));
    std::string id = place.block->items[place.index].id;
    auto to = optional_index(edit, "to");
    if (!to)
      invalid("to", "missing field 'to'");
    move_to(place.block->items, place.index, *to);
    return "moved item " + id + " to place " + std::to_string(*to + 1);
  }

  if (op == "reword") {
    auto place = find_item(f, required_string(edit, "item"));
    auto& item = place.block->items[place.index];
    auto text = optional_string(edit, "text");
    if (!edit.contains("text"))
      invalid("text", "missing field 'text' (a string, or null)");
    if (text)
      check_length(*text, kMaxItemChars, "text");
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

  if (op == "take_change")
    return decide(store, f, edit, true);
  if (op == "leave_change")
    return decide(store, f, edit, false);

  invalid("op", "unknown edit '" + op + "'");
}

}  // namespace vakkaart::compose
