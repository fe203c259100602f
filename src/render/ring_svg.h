#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/framework.h"

namespace vakkaart::render {

struct RingOptions {
  /// Cluster drawn as selected (its segment stands out); empty for none.
  std::string selected_cluster;
  /// Each segment links to link_prefix + cluster id ("?cluster=" on a page, "#" in a document).
  std::string link_prefix = "?cluster=";
  std::string lang = "nl";  // "nl" or "en": the words around the source's own titles
  /// The reader's language ("nl", "en", "fr"), which titles are shown in where a label exists;
  /// empty: `lang`. Apart from it since the ring's own words have no French.
  std::string label_lang;
  int size = 640;  // width and height in px
  /// When set: each segment is filled by the share (in %) of the cluster a text covers, on the
  /// colour scale heat maps share, and labelled with that share instead of its activity count.
  const std::map<std::string, double>* cluster_coverage = nullptr;
};

/// The three-ring model of one profile as an accessible SVG: the framework's layers from the
/// centre outwards (the learning professional in the middle, the core clusters around it, the
/// supporting clusters outside), one segment per cluster with its title and the number of
/// activities the profile holds there. Segments are links (focusable, Enter follows them) with
/// an aria-label; empty clusters are drawn lighter. Any number of layers and clusters works.
std::string ring_svg(const model::Framework& framework, const model::Profile& profile,
                     const RingOptions& options = {});

/// One line of the ring's legend: a layer and the fill of its segments (centre outwards).
struct RingLegendEntry {
  std::string layer_id;
  std::string layer_title;
  std::string fill;
};

/// What the rings and their colours mean: the layers ring_svg draws, in its order, with their
/// fills. Segments of clusters where the profile holds nothing are drawn in `ring_empty_fill()`.
std::vector<RingLegendEntry> ring_legend(const model::Framework& framework);
const char* ring_empty_fill();

/// Activities (including nested ones) a profile holds in a cluster.
int activity_count(const model::ProfileCluster& cluster);

}  // namespace vakkaart::render
