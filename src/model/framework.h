#pragma once

#include <string>
#include <vector>

#include "model/case_origin.h"
#include "model/labels.h"
#include "model/profile.h"

namespace vakkaart::model {

/// A ring of the model ("schil"): lerende-professional, kernactiviteiten, ...
struct Layer {
  std::string id;
  std::string title;
  Labels labels = {};  // the title in other languages

  bool operator==(const Layer&) const = default;
};

/// An activity cluster, e.g. "Afwegen - kiezen - ontwerpen", inside one layer.
struct Cluster {
  std::string id;
  std::string layer_id;
  std::string title;
  Labels labels = {};  // the title in other languages

  bool operator==(const Cluster&) const = default;
};

/// An occupational structure ("beroepenstructuur"): its ring model and its profiles.
struct Framework {
  std::string id;                 // "sociare-2016"
  std::string title;              // "Beroepenstructuur Sociaal Cultureel Werk"
  std::string date;               // as the source states it, e.g. "6 juli 2016"; may be empty
  std::vector<Layer> layers;      // centre outwards
  std::vector<Cluster> clusters;  // in model order (layer by layer)
  std::vector<Profile> profiles;  // in source order
  /// Identifiers and associations of another tool's CASE package (empty otherwise).
  CaseOrigin case_origin;
  Labels title_labels = {};  // the title in other languages

  bool operator==(const Framework&) const = default;

  const Cluster* find_cluster(const std::string& cluster_id) const;
  const Layer* find_layer(const std::string& layer_id) const;
  const Profile* find_profile(const std::string& profile_id) const;
};

}  // namespace vakkaart::model
