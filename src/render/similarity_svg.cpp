#include "render/similarity_svg.h"

#include "render/heatmap_svg.h"

namespace vakkaart::render {

std::vector<std::string> similarity_heatmaps_svg(
    const compare::Similarity& similarity, const std::string& lang,
    const std::function<std::string(const compare::ItemInfo&)>& link_of,
    const std::vector<model::ShownText>& titles) {
  std::vector<std::string> labels;
  std::vector<std::string> links;
  std::vector<std::string> langs;
  for (std::size_t i = 0; i < similarity.items.size(); ++i) {
    const auto& item = similarity.items[i];
    labels.push_back(i < titles.size() ? titles[i].text : item.title);
    if (!titles.empty())
      langs.push_back(i < titles.size() ? titles[i].lang : "nl");
    if (link_of)
      links.push_back(link_of(item));
  }
  std::vector<std::string> svgs;
  for (const auto& m : similarity.measures) {
    HeatmapOptions options;
    options.measure = m.id;
    options.caption = lang == "en" ? m.label_en : m.label;
    options.lang = lang;
    options.links = links;
    options.label_langs = langs;
    svgs.push_back(heatmap_svg(labels, m.values, options));
  }
  return svgs;
}

}  // namespace vakkaart::render
