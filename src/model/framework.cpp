#include "model/framework.h"

#include <algorithm>

namespace vakkaart::model {

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Cluster* Framework::find_cluster(const std::string& cluster_id) const {
  return find_by_id(clusters, cluster_id);
}
const Layer* Framework::find_layer(const std::string& layer_id) const {
  return find_by_id(layers, layer_id);
}
const Profile* Framework::find_profile(const std::string& profile_id) const {
  return find_by_id(profiles, profile_id);
}

}  // namespace vakkaart::model
