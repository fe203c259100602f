#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "model/framework.h"
#include "model/function_profile.h"

namespace vakkaart::testing {

/// A function of `count` statements taken from the bundled profiles: 8 blocks of 7-8 items,
/// every fifth one reworded. Its size is the case the PDF must fit in three pages.
inline model::FunctionProfile generated_function(const model::Framework& fw, int count = 60) {
  model::FunctionProfile f;
  f.id = "gegenereerd";
  f.organisation = "Jeugdhuis De Klinker vzw";
  f.title = "Jeugdwerker met focus op participatie";
  f.purpose = "Bouwt samen met jongeren een open, veilige en uitdagende werking uit.";
  f.context = "Jeugdhuis in een centrumstad, 3 medewerkers en een ploeg van 40 vrijwilligers.";
  f.version = 12;
  f.created = "2024-01-15T09:00:00Z";
  f.updated = "2024-02-01T16:45:00Z";
  f.framework_id = fw.id;
  int items = 0, next = 1;
  for (const auto& profile : fw.profiles) {
    for (const auto& pc : profile.clusters) {
      const auto* cluster = fw.find_cluster(pc.cluster_id);
      for (std::size_t m = 0; m < pc.main_activities.size() && items < count; ++m) {
        const auto& ma = pc.main_activities[m];
        model::FunctionBlock block;
        block.id = "b" + std::to_string(next++);
        block.layer_id = cluster->layer_id;
        block.cluster_id = cluster->id;
        block.title = ma.title.value_or(cluster->title);
        model::BlockSource s;
        s.ref = profile.id + ":" + cluster->id + ":" + std::to_string(m + 1);
        s.item_id = profile.id;
        s.item_title = profile.title;
        s.framework_id = fw.id;
        s.cluster_id = cluster->id;
        s.position = static_cast<int>(m) + 1;
        s.title = block.title;
        block.source = s;
        const std::size_t remaining = static_cast<std::size_t>(count - items);
        std::vector<std::string> texts;
        for (const auto& a : ma.activities) {
          texts.push_back(a.text);
          for (const auto& c : a.children)
            texts.push_back(c.text);
        }
        const std::size_t per_block = f.blocks.size() % 2 == 0 ? 8 : 7;
        for (std::size_t i = 0; i < texts.size() && i < per_block && items < count; ++i) {
          model::FunctionItem item{"i" + std::to_string(next++), "sub_activity", texts[i],
                                   static_cast<int>(i) + 1, std::nullopt};
          if (items % 5 == 4)
            item.wording = "In ons jeugdhuis: " + texts[i];
          block.items.push_back(std::move(item));
          ++items;
        }
        if (block.items.size() >= std::min<std::size_t>(5, remaining))
          f.blocks.push_back(std::move(block));
        else
          items -= static_cast<int>(block.items.size());
      }
    }
  }
  for (auto& b : f.blocks)
    b.weight = 100.0 / static_cast<double>(f.blocks.size());
  f.next_id = next;
  return f;
}

}  // namespace vakkaart::testing
