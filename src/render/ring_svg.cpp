#include "render/ring_svg.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::render {
namespace {

constexpr double kPi = 3.14159265358979323846;

/// Short name: path data chains many numbers.
std::string num(double v) {
  return svg_number(v);
}

struct Point {
  double x, y;
};

Point polar(double cx, double cy, double r, double angle) {
  return {cx + r * std::cos(angle), cy + r * std::sin(angle)};
}

/// An annular sector from angle a0 to a1 between radii r0 (may be 0) and r1.
std::string sector_path(double cx, double cy, double r0, double r1, double a0, double a1) {
  std::ostringstream d;
  if (a1 - a0 >= 2 * kPi - 1e-9) {  // a whole ring (or disk): two circles, even-odd filled
    d << "M" << num(cx + r1) << "," << num(cy) << " A" << num(r1) << "," << num(r1) << " 0 1,1 "
      << num(cx - r1) << "," << num(cy) << " A" << num(r1) << "," << num(r1) << " 0 1,1 "
      << num(cx + r1) << "," << num(cy) << "Z";
    if (r0 > 0) {
      d << " M" << num(cx + r0) << "," << num(cy) << " A" << num(r0) << "," << num(r0) << " 0 1,0 "
        << num(cx - r0) << "," << num(cy) << " A" << num(r0) << "," << num(r0) << " 0 1,0 "
        << num(cx + r0) << "," << num(cy) << "Z";
    }
    return d.str();
  }
  const int large = a1 - a0 > kPi ? 1 : 0;
  const Point o0 = polar(cx, cy, r1, a0), o1 = polar(cx, cy, r1, a1);
  d << "M" << num(o0.x) << "," << num(o0.y) << " A" << num(r1) << "," << num(r1) << " 0 " << large
    << ",1 " << num(o1.x) << "," << num(o1.y);
  if (r0 > 0) {
    const Point i1 = polar(cx, cy, r0, a1), i0 = polar(cx, cy, r0, a0);
    d << " L" << num(i1.x) << "," << num(i1.y) << " A" << num(r0) << "," << num(r0) << " 0 "
      << large << ",0 " << num(i0.x) << "," << num(i0.y);
  } else {
    d << " L" << num(cx) << "," << num(cy);
  }
  d << "Z";
  return d.str();
}

/// Breaks a title into lines of about `width` characters, at spaces.
std::vector<std::string> wrap(const std::string& title, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream words(title);
  std::string word;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty())
    lines.push_back(line);
  return lines;
}

/// Fill colours per ring, centre outwards; further rings reuse the last.
const char* kFills[] = {"#f4c542", "#3f8fc9", "#6cb48a", "#b58ad1"};
const char* kEmptyFill = "#eeeeee";

}  // namespace

std::vector<RingLegendEntry> ring_legend(const model::Framework& framework) {
  std::vector<RingLegendEntry> out;
  for (std::size_t l = 0; l < framework.layers.size(); ++l) {
    const auto& layer = framework.layers[l];
    const bool drawn = std::any_of(framework.clusters.begin(), framework.clusters.end(),
                                   [&](const auto& c) { return c.layer_id == layer.id; });
    if (drawn)
      out.push_back({layer.id, layer.title, kFills[std::min<std::size_t>(l, 3)]});
  }
  return out;
}

const char* ring_empty_fill() {
  return kEmptyFill;
}

int activity_count(const model::ProfileCluster& cluster) {
  int count = 0;
  for (const auto& ma : cluster.main_activities) {
    for (const auto& a : ma.activities)
      count += 1 + static_cast<int>(a.children.size());
  }
  return count;
}

std::string ring_svg(const model::Framework& framework, const model::Profile& profile,
                     const RingOptions& options) {
  const bool english = options.lang == "en";
  const std::string& label_lang = options.label_lang.empty() ? options.lang : options.label_lang;
  const double size = options.size;
  const double cx = size / 2, cy = size / 2;
  const double outer = size / 2 - 8;  // room for the selected segment's outline
  const std::size_t layers = framework.layers.size();
  // The centre disk is a little wider than an equal share, so its one title fits.
  std::vector<double> radius(layers + 1, 0.0);
  for (std::size_t i = 1; i <= layers; ++i) {
    const double share =
        layers <= 1 ? 1.0
                    : 0.3 + 0.7 * static_cast<double>(i - 1) / static_cast<double>(layers - 1);
    radius[i] = outer * share;
  }

  std::ostringstream svg;
  // Titles in the reader's language where a label exists, Dutch otherwise (model::shown_text);
  // each segment names its title's language, so a Dutch title in an English ring reads as Dutch.
  const std::string label = (english ? "Ring model of " : "Ringmodel van ") +
                            model::shown_text(profile.title_labels, label_lang, profile.title).text;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ring-model\" viewBox=\"0 0 "
      << num(size) << " " << num(size) << "\" width=\"" << num(size) << "\" height=\"" << num(size)
      << "\" role=\"group\" aria-label=\"" << text::escape_markup(label) << "\">\n";
  svg << "<title>" << text::escape_markup(label) << "</title>\n";
  svg << "<style>.seg path{stroke:#fff;stroke-width:2}.seg text{font:600 12px sans-serif;"
         "fill:#1a1a1a;pointer-events:none}.seg .n{font-weight:400}.seg:focus path,.seg:hover "
         "path{stroke:#1a1a1a;stroke-width:3}.seg.selected path{stroke:#1a1a1a;stroke-width:4}"
         "</style>\n";
  for (std::size_t l = 0; l < layers; ++l) {
    const auto& layer = framework.layers[l];
    std::vector<const model::Cluster*> clusters;
    for (const auto& c : framework.clusters) {
      if (c.layer_id == layer.id)
        clusters.push_back(&c);
    }
    if (clusters.empty())
      continue;
    const double r0 = radius[l], r1 = radius[l + 1];
    const double step = 2 * kPi / static_cast<double>(clusters.size());
    svg << "<g class=\"layer\" data-layer=\"" << text::escape_markup(layer.id) << "\">\n";
    for (std::size_t k = 0; k < clusters.size(); ++k) {
      const auto& cluster = *clusters[k];
      int count = 0;
      for (const auto& pc : profile.clusters) {
        if (pc.cluster_id == cluster.id)
          count = activity_count(pc);
      }
      const double a0 = -kPi / 2 + step * static_cast<double>(k);
      const double a1 = a0 + step;
      std::string fill = count == 0 ? kEmptyFill : kFills[std::min<std::size_t>(l, 3)];
      std::string count_text =
          std::to_string(count) + (english ? (count == 1 ? " activity" : " activities")
                                           : (count == 1 ? " activiteit" : " activiteiten"));
      std::string text_style;
      if (options.cluster_coverage != nullptr) {
        auto it = options.cluster_coverage->find(cluster.id);
        const double percent = it == options.cluster_coverage->end() ? 0 : it->second;
        fill = scale_fill(percent / 100);
        text_style = " style=\"fill:" + text_on_scale(percent / 100) + "\"";
        count_text = display_number(percent, 0, english) + (english ? "% covered" : "% gedekt");
      }
      const model::ShownText title = model::shown_text(cluster.labels, label_lang, cluster.title);
      const bool selected = cluster.id == options.selected_cluster;
      svg << "<a class=\"seg" << (selected ? " selected" : "") << "\" id=\"seg-"
          << text::escape_markup(cluster.id) << "\" href=\""
          << text::escape_markup(options.link_prefix + cluster.id) << "\" data-cluster=\""
          << text::escape_markup(cluster.id) << "\" data-count=\"" << count << "\" lang=\""
          << text::escape_markup(title.lang) << "\" aria-label=\""
          << text::escape_markup(title.text + ": " + count_text) << "\""
          << (selected ? " aria-current=\"true\"" : "") << ">\n";
      svg << "<path d=\"" << sector_path(cx, cy, r0, r1, a0, a1) << "\" fill=\"" << fill
          << "\" fill-rule=\"evenodd\"/>\n";
      // Label at the middle of the segment (the centre of the disk for the inner layer).
      const double mid = (a0 + a1) / 2;
      const double r = r0 == 0 ? 0 : (r0 + r1) / 2;
      const Point at = polar(cx, cy, r, mid);
      const double room = r0 == 0 ? 2 * r1 : std::min(r1 - r0, r * step);
      const auto lines = wrap(title.text, static_cast<std::size_t>(std::max(8.0, room / 7.5)));
      const double line_height = 14;
      double y = at.y - line_height * static_cast<double>(lines.size()) / 2 + 4;
      svg << "<text text-anchor=\"middle\" aria-hidden=\"true\"" << text_style << ">";
      for (const auto& line : lines) {
        // The spaces keep the words apart in the link's text content, which accessibility
        // checks compare with its aria-label; rendering ignores them (each tspan is placed).
        svg << "<tspan x=\"" << num(at.x) << "\" y=\"" << num(y) << "\">"
            << text::escape_markup(line) << "</tspan> ";
        y += line_height;
      }
      svg << "<tspan class=\"n\""
          << (title.lang == options.lang ? ""
                                         : " lang=\"" + text::escape_markup(options.lang) + "\"")
          << " x=\"" << num(at.x) << "\" y=\"" << num(y) << "\">" << text::escape_markup(count_text)
          << "</tspan></text>\n";
      svg << "</a>\n";
    }
    svg << "</g>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace vakkaart::render
