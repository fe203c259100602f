#include "compose/history_event.h"

#include <charconv>
#include <cmath>
#include <variant>

#include "text/utf8.h"

namespace vakkaart::compose {

namespace {

using Params = std::map<std::string, std::string>;

// Long enough to recognise a line, short enough for a list of changes.
std::string quoted_part(const std::string& text) {
  constexpr std::size_t kMaxBytes = 120;
  if (text.size() <= kMaxBytes)
    return text;
  return std::string(text::truncate_utf8(text, kMaxBytes)) + "…";
}

std::string weight_text(double w) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(w * 10) / 10);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

const model::FunctionBlock* block_by_id(const model::FunctionProfile& f, const std::string& id) {
  for (const auto& b : f.blocks)
    if (b.id == id)
      return &b;
  return nullptr;
}

struct FoundItem {
  const model::FunctionBlock* block = nullptr;
  const model::FunctionItem* item = nullptr;
};

FoundItem item_by_id(const model::FunctionProfile& f, const std::string& id) {
  for (const auto& b : f.blocks)
    for (const auto& i : b.items)
      if (i.id == id)
        return {&b, &i};
  return {};
}

std::string block_title(const model::FunctionProfile& f, const std::string& id) {
  const auto* b = block_by_id(f, id);
  return b ? quoted_part(b->title) : id;
}

// The blocks `after` has that `before` had not: what an add made.
const model::FunctionBlock* new_block(const model::FunctionProfile& before,
                                      const model::FunctionProfile& after) {
  for (const auto& b : after.blocks)
    if (!block_by_id(before, b.id))
      return &b;
  return nullptr;
}

struct Describer {
  const model::FunctionProfile& before;
  const model::FunctionProfile& after;
  std::vector<HistoryEvent> out;

  void add(std::string op, Params params) { out.push_back({std::move(op), std::move(params)}); }

  void operator()(const SetField& e) {
    add("set_" + std::string(to_string(e.field)), {{"value", quoted_part(e.value)}});
  }
  void operator()(const AddBlock&) {
    if (const auto* b = new_block(before, after))
      add("add_block", {{"block", quoted_part(b->title)},
                        {"count", std::to_string(b->items.size())},
                        {"of", std::to_string(b->source ? b->source->statements.size() : 0)}});
  }
  void operator()(const AddOwnBlock& e) { add("add_own_block", {{"block", quoted_part(e.title)}}); }
  void operator()(const RemoveBlock& e) {
    add("remove_block", {{"block", block_title(before, e.block.value)}});
  }
  void operator()(const MoveBlock& e) {
    add("move_block",
        {{"block", block_title(after, e.block.value)}, {"to", std::to_string(e.to + 1)}});
  }
  void operator()(const SetBlock& e) {
    const std::string was = block_title(before, e.block.value);
    if (e.title)
      add("rename_block", {{"block", was}, {"title", quoted_part(*e.title)}});
    if (e.weight && *e.weight)
      add("set_weight", {{"block", was}, {"weight", weight_text(**e.weight)}});
    else if (e.weight)
      add("clear_weight", {{"block", was}});
    if (e.cluster && e.cluster->empty())
      add("clear_cluster", {{"block", was}});
    else if (const auto* b = e.cluster ? block_by_id(after, e.block.value) : nullptr)
      // The cluster's id: the UI names it from the framework it shows.
      add("set_cluster", {{"block", was}, {"cluster", b->cluster_id}});
  }
  void operator()(const SelectItems& e) {
    const auto* b = block_by_id(after, e.block.value);
    add("select", {{"block", block_title(after, e.block.value)},
                   {"count", std::to_string(e.items.size())},
                   {"of", std::to_string(b && b->source ? b->source->statements.size() : 0)}});
  }
  void operator()(const AddItem& e) {
    add("add_item", {{"block", block_title(after, e.block.value)}, {"text", quoted_part(e.text)}});
  }
  void operator()(const RemoveItem& e) {
    auto found = item_by_id(before, e.item.value);
    if (found.item)
      add("remove_item",
          {{"block", quoted_part(found.block->title)}, {"text", quoted_part(found.item->text())}});
  }
  void operator()(const MoveItem& e) {
    auto found = item_by_id(after, e.item.value);
    if (found.item)
      add("move_item",
          {{"block", quoted_part(found.block->title)}, {"text", quoted_part(found.item->text())}});
  }
  void operator()(const Reword& e) {
    auto found = item_by_id(after, e.item.value);
    if (!found.item)
      return;
    if (e.text)
      add("reword", {{"block", quoted_part(found.block->title)}, {"text", quoted_part(*e.text)}});
    else
      add("revert", {{"block", quoted_part(found.block->title)},
                     {"text", quoted_part(found.item->original)}});
  }
  // A change key starts with its block's id ("b3-…").
  void decision(const std::string& op, const std::string& key) {
    const auto dash = key.find('-');
    add(op, {{"block", block_title(before, key.substr(0, dash))}});
  }
  void operator()(const TakeChange& e) { decision("take_change", e.change); }
  void operator()(const RestoreVersion& e) {
    add("restore", {{"version", std::to_string(e.version)}});
  }
  void operator()(const LeaveChange& e) { decision("leave_change", e.change); }
};

}  // namespace

std::vector<HistoryEvent> describe_edit(const Edit& edit, const model::FunctionProfile& before,
                                        const model::FunctionProfile& after) {
  Describer d{before, after, {}};
  std::visit(d, edit);
  return std::move(d.out);
}

std::string events_to_text(const std::vector<HistoryEvent>& events) {
  vakkaart::Json out = vakkaart::Json::array();
  for (const auto& e : events) {
    vakkaart::Json params = vakkaart::Json::object();
    for (const auto& [k, v] : e.params)
      params[k] = v;
    out.push_back({{"op", e.op}, {"params", params}});
  }
  return vakkaart::dump_canonical(out);
}

vakkaart::Json events_json(const std::string& text) {
  if (text.empty())
    return vakkaart::Json::array();
  auto parsed = vakkaart::Json::parse(text, nullptr, false);
  return parsed.is_array() ? parsed : vakkaart::Json::array();
}

}  // namespace vakkaart::compose
