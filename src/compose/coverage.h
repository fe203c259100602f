#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/framework.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// How much of one part (a layer or a cluster) of a profile a function holds.
struct PartCoverage {
  std::string id;
  std::string title;
  std::string layer_id;  // for clusters
  int matched = 0;       // statements of the profile's part the function holds
  int total = 0;         // statements of the profile's part
  double percent = 0;    // matched / total × 100 (0 when total is 0)
};

/// How far a function resembles one profile.
struct ProfileCoverage {
  std::string profile_id;
  std::string title;
  std::string framework_id;
  /// Share of the function's statements that the profile holds (how much of the job this
  /// profession explains), in %.
  double resemblance = 0;
  /// Share of the profile's statements that the function holds, in %.
  double coverage = 0;
  int matched = 0;
  std::vector<PartCoverage> layers;
  std::vector<PartCoverage> clusters;
};

struct FunctionCoverage {
  std::string function_id;
  int statements = 0;                     // distinct statements of the function
  std::vector<ProfileCoverage> profiles;  // most resembling first
};

/// The statements of every profile, indexed once so each function is measured in
/// microseconds: statement text → the (profile, cluster) places that hold it.
class CoverageIndex {
 public:
  /// Reads every framework and profile of the store.
  static std::shared_ptr<const CoverageIndex> build(store::Store& store);
  /// From frameworks already in memory (benchmarks, tests).
  static std::shared_ptr<const CoverageIndex> build(
      const std::vector<model::Framework>& frameworks);

  /// A function's statements are its items' originals (own items by their text), so a
  /// rewording does not lower its coverage.
  FunctionCoverage measure(const model::FunctionProfile& function) const;

  std::size_t profile_count() const { return profiles_.size(); }

 private:
  struct Part {
    std::string id, title, layer_id;
  };
  struct IndexedProfile {
    std::string id, title, framework_id;
    int total = 0;
    std::vector<int> cluster_totals;  // per cluster of its framework
    std::size_t framework = 0;        // index into frameworks_
  };
  struct IndexedFramework {
    std::vector<Part> layers, clusters;
    std::vector<std::size_t> cluster_layer;  // layer index per cluster
  };
  struct Place {
    std::uint32_t profile;
    std::uint32_t cluster;
  };
  std::vector<IndexedFramework> frameworks_;
  std::vector<IndexedProfile> profiles_;
  std::unordered_map<std::string, std::vector<Place>> places_;
};

}  // namespace vakkaart::compose
