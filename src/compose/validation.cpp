#include "compose/validation.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace vakkaart::compose {

namespace {

// The middle ring of the model; a function without any of it is no socio-cultural job.
constexpr const char* kCoreLayer = "kernactiviteiten";

std::string format_percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 100) / 100);
  return buf;
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
                   "", ""});

  int weighted = 0;
  double sum = 0;
  for (const auto& b : f.blocks)
    if (b.weight) {
      ++weighted;
      sum += *b.weight;
    }
  if (weighted > 0 && weighted < static_cast<int>(f.blocks.size()))
    out.push_back({"weights_partial",
                   std::to_string(weighted) + " of " + std::to_string(f.blocks.size()) +
                       " blocks have a weight; give every block one, or none.",
                   "", ""});
  if (weighted > 0 && std::abs(sum - 100) > 0.01)
    out.push_back({"weights_not_100",
                   "The weights add up to " + format_percent(sum) + "%, not 100%.", "", ""});

  // A statement is the same when its original (or, for own items, its text) is.
  std::map<std::string, std::string> first_item;
  for (const auto& b : f.blocks)
    for (const auto& i : b.items) {
      const std::string& key = i.is_own() ? i.text() : i.original;
      auto [it, fresh] = first_item.emplace(key, i.id);
      if (!fresh)
        out.push_back(
            {"duplicate_statement",
             "Item " + i.id + " says what item " + it->second + " already says: \"" + key + "\".",
             b.id, i.id});
    }

  for (const auto& b : f.blocks)
    if (b.items.empty())
      out.push_back(
          {"empty_block", "Block " + b.id + " (\"" + b.title + "\") holds no item.", b.id, ""});
  return out;
}

}  // namespace vakkaart::compose
