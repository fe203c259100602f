#include "compose/compose_json.h"

#include <cmath>
#include <set>
#include <string>

#include "compose/history_event.h"
#include "exports/function_json.h"

namespace vakkaart::compose {

namespace {

using vakkaart::Json;

double one_decimal(double v) {
  return std::round(v * 10) / 10;
}

Json part_to_json(const PartCoverage& p, bool with_layer) {
  Json j;
  j["id"] = p.id;
  j["title"] = p.title;
  if (with_layer)
    j["layer"] = p.layer_id;
  j["matched"] = p.matched;
  j["total"] = p.total;
  j["percent"] = one_decimal(p.percent);
  return j;
}

}  // namespace

Json warnings_to_json(const std::vector<Warning>& warnings) {
  Json out = Json::array();
  for (const auto& w : warnings)
    out.push_back({{"code", w.code},
                   {"message", w.message},
                   {"block", w.block_id},
                   {"item", w.item_id},
                   {"params", w.params}});
  return out;
}

Json changes_to_json(const std::vector<SourceChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes)
    out.push_back({{"key", c.key},
                   {"block", c.block_id},
                   {"type", c.type},
                   {"old_text", c.old_text},
                   {"new_text", c.new_text},
                   {"item", c.item_id},
                   {"old_version", c.old_version},
                   {"new_version", c.new_version}});
  return out;
}

Json coverage_to_json(const FunctionCoverage& coverage) {
  Json out;
  out["function"] = coverage.function_id;
  out["statements"] = coverage.statements;
  Json profiles = Json::array();
  for (const auto& p : coverage.profiles) {
    Json j;
    j["id"] = p.profile_id;
    j["title"] = p.title;
    j["framework"] = p.framework_id;
    j["resemblance"] = one_decimal(p.resemblance);
    j["coverage"] = one_decimal(p.coverage);
    j["matched"] = p.matched;
    Json layers = Json::array(), clusters = Json::array();
    for (const auto& l : p.layers)
      layers.push_back(part_to_json(l, false));
    for (const auto& c : p.clusters)
      clusters.push_back(part_to_json(c, true));
    j["layers"] = std::move(layers);
    j["clusters"] = std::move(clusters);
    profiles.push_back(std::move(j));
  }
  out["profiles"] = std::move(profiles);
  return out;
}

Json function_view_json(store::Store& store, const model::FunctionProfile& function) {
  Json view;
  view["function"] = exports::function_to_json(function);
  view["warnings"] = warnings_to_json(validate(function));
  view["changes"] = changes_to_json(pending_changes(store, function));
  Json fw = nullptr;
  if (auto framework = store.find_framework(function.framework_id)) {
    fw = Json::object();
    fw["id"] = framework->id;
    fw["title"] = framework->title;
    Json layers = Json::array(), clusters = Json::array();
    for (const auto& l : framework->layers)
      layers.push_back({{"id", l.id}, {"title", l.title}});
    for (const auto& c : framework->clusters) {
      Json cluster = {{"id", c.id}, {"layer", c.layer_id}, {"title", c.title}};
      // Issue 18: the title in other languages, for pages that show the reader's language.
      if (!c.labels.empty())
        cluster["title_labels"] = c.labels;
      clusters.push_back(std::move(cluster));
    }
    fw["layers"] = std::move(layers);
    fw["clusters"] = std::move(clusters);
  }
  view["framework"] = std::move(fw);
  // Issue 18: the titles of the profiles blocks were taken from, in other languages, by
  // profile id, so a block's source line can name its profile in the reader's language.
  Json source_labels = Json::object();
  std::set<std::string> looked_up;
  for (const auto& b : function.blocks) {
    if (!b.source || b.source->kind != model::SourceKind::profile ||
        !looked_up.insert(b.source->item_id).second)
      continue;
    const auto record = store.find_profile(b.source->item_id);
    if (record && !record->profile.title_labels.empty())
      source_labels[b.source->item_id] = record->profile.title_labels;
  }
  view["source_title_labels"] = std::move(source_labels);
  return view;
}

Json function_summaries_json(const std::vector<model::FunctionProfile>& functions) {
  Json list = Json::array();
  for (const auto& f : functions)
    list.push_back({{"id", f.id},
                    {"title", f.title},
                    {"organisation", f.organisation},
                    {"status", model::to_string(f.status)},
                    {"version", f.version},
                    {"updated", f.updated},
                    {"blocks", f.blocks.size()}});
  return list;
}

Json history_to_json(const std::vector<store::FunctionHistoryEntry>& history) {
  Json out = Json::array();
  for (const auto& h : history)
    out.push_back({{"version", h.version},
                   {"at", h.at},
                   {"author", h.author},
                   {"summary", h.summary},
                   {"events", events_json(h.events)}});
  return out;
}

}  // namespace vakkaart::compose
