#include "compose/coverage.h"

#include <algorithm>
#include <unordered_set>

namespace vakkaart::compose {

namespace {

void collect(const std::vector<model::Activity>& activities, std::unordered_set<std::string>& out) {
  for (const auto& a : activities) {
    out.insert(a.text);
    collect(a.children, out);
  }
}

double percent(int part, int whole) {
  return whole == 0 ? 0 : 100.0 * part / whole;
}

}  // namespace

std::shared_ptr<const CoverageIndex> CoverageIndex::build(store::Store& store) {
  std::vector<model::Framework> frameworks;
  for (const auto& summary : store.list_frameworks())
    if (auto f = store.find_framework(summary.id))
      frameworks.push_back(std::move(*f));
  return build(frameworks);
}

std::shared_ptr<const CoverageIndex> CoverageIndex::build(
    const std::vector<model::Framework>& frameworks) {
  auto index = std::make_shared<CoverageIndex>();
  for (const auto& fw : frameworks) {
    IndexedFramework ifw;
    for (const auto& l : fw.layers)
      ifw.layers.push_back({l.id, l.title, ""});
    for (const auto& c : fw.clusters) {
      ifw.clusters.push_back({c.id, c.title, c.layer_id});
      std::size_t layer = 0;
      for (std::size_t k = 0; k < fw.layers.size(); ++k)
        if (fw.layers[k].id == c.layer_id)
          layer = k;
      ifw.cluster_layer.push_back(layer);
    }
    std::size_t fw_index = index->frameworks_.size();
    index->frameworks_.push_back(std::move(ifw));

    for (const auto& p : fw.profiles) {
      IndexedProfile ip{p.id, p.title, fw.id, 0, std::vector<int>(fw.clusters.size(), 0), fw_index};
      auto profile_index = static_cast<std::uint32_t>(index->profiles_.size());
      std::unordered_set<std::string> whole;
      for (const auto& pc : p.clusters) {
        auto it = std::find_if(fw.clusters.begin(), fw.clusters.end(),
                               [&](const model::Cluster& c) { return c.id == pc.cluster_id; });
        if (it == fw.clusters.end())
          continue;
        auto cluster = static_cast<std::uint32_t>(it - fw.clusters.begin());
        std::unordered_set<std::string> statements;
        for (const auto& main : pc.main_activities)
          collect(main.activities, statements);
        ip.cluster_totals[cluster] = static_cast<int>(statements.size());
        for (const auto& s : statements) {
          index->places_[s].push_back({profile_index, cluster});
          whole.insert(s);
        }
      }
      ip.total = static_cast<int>(whole.size());
      index->profiles_.push_back(std::move(ip));
    }
  }
  return index;
}

FunctionCoverage CoverageIndex::measure(const model::FunctionProfile& function) const {
  // A function's statement is what it took (the original), or its own text.
  std::unordered_set<std::string> statements;
  for (const auto& b : function.blocks)
    for (const auto& i : b.items)
      statements.insert(i.is_own() ? i.text() : i.original);

  // Counts per (profile, cluster) and per profile; a statement in two clusters of one profile
  // counts once for the profile.
  std::vector<std::vector<int>> cluster_matched(profiles_.size());
  std::vector<int> matched(profiles_.size(), 0);
  std::vector<const std::string*> last_seen(profiles_.size(), nullptr);
  for (const auto& s : statements) {
    auto it = places_.find(s);
    if (it == places_.end())
      continue;
    for (const auto& place : it->second) {
      auto& counts = cluster_matched[place.profile];
      if (counts.empty())
        counts.assign(profiles_[place.profile].cluster_totals.size(), 0);
      ++counts[place.cluster];
      if (last_seen[place.profile] != &s) {
        last_seen[place.profile] = &s;
        ++matched[place.profile];
      }
    }
  }

  FunctionCoverage out;
  out.function_id = function.id;
  out.statements = static_cast<int>(statements.size());
  out.profiles.reserve(profiles_.size());
  for (std::size_t p = 0; p < profiles_.size(); ++p) {
    const auto& ip = profiles_[p];
    const auto& fw = frameworks_[ip.framework];
    ProfileCoverage pc;
    pc.profile_id = ip.id;
    pc.title = ip.title;
    pc.framework_id = ip.framework_id;
    pc.matched = matched[p];
    pc.resemblance = percent(matched[p], out.statements);
    pc.coverage = percent(matched[p], ip.total);
    for (const auto& l : fw.layers)
      pc.layers.push_back({l.id, l.title, "", 0, 0, 0});
    for (std::size_t c = 0; c < fw.clusters.size(); ++c) {
      int m = cluster_matched[p].empty() ? 0 : cluster_matched[p][c];
      int total = ip.cluster_totals[c];
      pc.clusters.push_back({fw.clusters[c].id, fw.clusters[c].title, fw.clusters[c].layer_id, m,
                             total, percent(m, total)});
      auto& layer = pc.layers[fw.cluster_layer[c]];
      layer.matched += m;
      layer.total += total;
    }
    for (auto& l : pc.layers)
      l.percent = percent(l.matched, l.total);
    out.profiles.push_back(std::move(pc));
  }
  std::stable_sort(out.profiles.begin(), out.profiles.end(),
                   [](const ProfileCoverage& a, const ProfileCoverage& b) {
                     if (a.resemblance != b.resemblance)
                       return a.resemblance > b.resemblance;
                     return a.coverage > b.coverage;
                   });
  return out;
}

}  // namespace vakkaart::compose
