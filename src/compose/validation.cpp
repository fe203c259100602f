#include "compose/validation.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace vakkaart::compose {

namespace {

// The middle ring of the model; a function without any of it is no socio-cultural job.
constexpr const char* kCoreLayer = "kernactiviteiten";

std::string format_percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 100) / 100);
  return buf;
}

// A statement is the same when its original (or, for own items, its text) is.
const std::string& statement_key(const model::FunctionItem& i) {
  return i.is_own() ? i.text() : i.original;
}

// One warning per duplicated block or statement. A block whose every item an earlier block
// holds already was taken twice: that is one problem, named by the block; the statements of
// such a block are not warned about again. Any other statement held more than once is one
// warning naming it and how often it is there.
void duplicate_warnings(const model::FunctionProfile& f, std::vector<Warning>& out) {
  struct Place {
    std::size_t block;
    std::string item;
  };
  std::map<std::string, std::vector<Place>> places;
  std::vector<std::string> order;  // keys in the order of first appearance
  for (std::size_t b = 0; b < f.blocks.size(); ++b)
    for (const auto& i : f.blocks[b].items) {
      auto& at = places[statement_key(i)];
      if (at.empty())
        order.push_back(statement_key(i));
      at.push_back({b, i.id});
    }
  std::set<std::string> told;  // keys a block warning covers
  for (std::size_t b = 0; b < f.blocks.size(); ++b) {
    const auto& block = f.blocks[b];
    if (block.items.empty())
      continue;
    std::optional<std::size_t> other;
    bool all_held_before = true;
    for (const auto& i : block.items) {
      const auto& first = places[statement_key(i)].front();
      if (first.block >= b || (other && *other != first.block)) {
        all_held_before = false;
        break;
      }
      other = first.block;
    }
    if (!all_held_before)
      continue;
    const auto& earlier = f.blocks[*other];
    out.push_back({"duplicate_block",
                   "Block " + block.id + " (\"" + block.title + "\") holds only what block " +
                       earlier.id + " (\"" + earlier.title + "\") holds already.",
                   block.id,
                   "",
                   {{"block", block.title}, {"other_block", earlier.title}}});
    for (const auto& i : block.items)
      told.insert(statement_key(i));
  }
  for (const auto& key : order) {
    const auto& at = places[key];
    if (at.size() < 2 || told.count(key))
      continue;
    out.push_back({"duplicate_statement",
                   "The function holds \"" + key + "\" " + std::to_string(at.size()) +
                       " times (items " + at[0].item + " and " + at[1].item + ").",
                   f.blocks[at[1].block].id,
                   at[1].item,
                   {{"statement", key}, {"count", std::to_string(at.size())}}});
  }
}

}  // namespace

std::vector<Warning> validate(const model::FunctionProfile& f) {
  std::vector<Warning> out;

  bool has_core = false;
  for (const auto& b : f.blocks)
    if (b.layer_id == kCoreLayer && !b.items.empty())
      has_core = true;
  if (!has_core)
    out.push_back({"no_core_activity",
                   "The function holds no core activity (afwegen-kiezen-ontwerpen, organiseren "
                   "en begeleiden, oriënteren en relaties).",
                   "",
                   "",
                   {}});

  int weighted = 0;
  double sum = 0;
  for (const auto& b : f.blocks)
    if (b.weight) {
      ++weighted;
      sum += *b.weight;
    }
  if (weighted > 0 && weighted < static_cast<int>(f.blocks.size()))
    out.push_back(
        {"weights_partial",
         std::to_string(weighted) + " of " + std::to_string(f.blocks.size()) +
             " blocks have a weight; give every block one, or none.",
         "",
         "",
         {{"weighted", std::to_string(weighted)}, {"blocks", std::to_string(f.blocks.size())}}});
  if (weighted > 0 && std::abs(sum - 100) > 0.01)
    out.push_back({"weights_not_100",
                   "The weights add up to " + format_percent(sum) + "%, not 100%.",
                   "",
                   "",
                   {{"sum", format_percent(sum)}}});

  duplicate_warnings(f, out);

  for (const auto& b : f.blocks)
    if (b.items.empty())
      out.push_back({"empty_block",
                     "Block " + b.id + " (\"" + b.title + "\") holds no item.",
                     b.id,
                     "",
                     {{"block", b.title}}});
  return out;
}

}  // namespace vakkaart::compose
