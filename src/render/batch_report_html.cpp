#include "render/batch_report_html.h"

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <vector>

#include "render/bar_chart_svg.h"
#include "render/heatmap_svg.h"
#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::render {

namespace {

using analysis::BatchAggregates;
using analysis::BatchLabels;
using analysis::BatchReportMeta;

/// "12.345": Dutch digit grouping.
std::string report_count_nl(std::uint64_t n) {
  return group_digits(n, '.');
}

/// "12,3 %" of part in whole.
std::string report_percent_nl(std::uint64_t part, std::uint64_t whole) {
  const double p = whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  return display_number(p, 1, false) + " %";
}

std::string report_escape(std::string_view s) {
  return text::escape_markup(s);
}

/// One cell of a report table: code (an id), plain text, or a number (right-aligned).
struct ReportCell {
  enum class Kind { code, text, number } kind;
  std::string value;
};

/// A section of a bar chart with a table of its numbers under it, folded away.
struct ChartSection {
  std::string id;  // of its heading: "h-" + id
  std::string heading, heading_en;
  std::string intro_html;  // paragraphs between the heading and the chart
  std::vector<Bar> bars;
  BarChartOptions chart;
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
};

void write_chart_section(std::ostringstream& html, const ChartSection& s) {
  html << "<section aria-labelledby=\"h-" << s.id << "\">\n<h2 id=\"h-" << s.id << "\">"
       << s.heading << " <span class=\"en\" lang=\"en\">" << s.heading_en << "</span></h2>\n"
       << s.intro_html;
  html << "<figure>\n" << bar_chart_svg(s.bars, s.chart) << "</figure>\n";
  html << "<details><summary>Tabel</summary>\n<table>\n<thead><tr>";
  for (const auto& c : s.columns)
    html << "<th scope=\"col\">" << report_escape(c) << "</th>";
  html << "</tr></thead>\n<tbody>\n";
  for (const auto& row : s.rows) {
    html << "<tr>";
    for (const auto& cell : row) {
      switch (cell.kind) {
        case ReportCell::Kind::code:
          html << "<td><code>" << report_escape(cell.value) << "</code></td>";
          break;
        case ReportCell::Kind::text:
          html << "<td>" << report_escape(cell.value) << "</td>";
          break;
        case ReportCell::Kind::number:
          html << "<td class=\"n\">" << report_escape(cell.value) << "</td>";
          break;
      }
    }
    html << "</tr>\n";
  }
  html << "</tbody>\n</table>\n</details>\n</section>\n";
}

ChartSection profile_section(const BatchAggregates& agg, const BatchLabels& labels) {
  const auto& candidates = labels.index().candidates();
  const std::uint64_t total = agg.texts();
  ChartSection s{"profiles",
                 "Verdeling over beroepsprofielen en kwalificaties",
                 "Profile distribution",
                 "<p>Per tekst telt het best passende profiel of de best passende "
                 "beroepskwalificatie; “geen” betekent dat de structuur de tekst niet "
                 "verklaart.</p>\n",
                 {},
                 {},
                 {"Id", "Titel", "Teksten", "Aandeel"},
                 {}};
  for (auto c : analysis::batch_profile_order(agg)) {
    const bool none = c < 0;
    const auto n = none ? agg.none() : agg.best(static_cast<std::size_t>(c));
    const std::string id = none ? "none" : candidates[static_cast<std::size_t>(c)].id;
    const std::string title = none ? "geen (none)" : candidates[static_cast<std::size_t>(c)].title;
    if (n == 0 && !none)
      continue;
    const std::string label = none ? title : id;
    const std::string counted = report_count_nl(n) + " (" + report_percent_nl(n, total) + ")";
    s.bars.push_back({label, static_cast<double>(n), counted,
                      (title.empty() || none ? label : label + " – " + title) + ": " +
                          report_count_nl(n) + " teksten (" + report_percent_nl(n, total) + ")"});
    s.rows.push_back({{ReportCell::Kind::code, id},
                      {ReportCell::Kind::text, none ? "" : title},
                      {ReportCell::Kind::number, report_count_nl(n)},
                      {ReportCell::Kind::number, report_percent_nl(n, total)}});
  }
  s.chart.caption = "Aantal teksten per best passend profiel";
  s.chart.css_class = "bar-chart profiles";
  return s;
}

ChartSection cluster_section(const BatchAggregates& agg, const BatchLabels& labels,
                             const BatchReportMeta& meta) {
  const auto& clusters = labels.index().clusters();
  const std::uint64_t total = agg.texts();
  ChartSection s{
      "clusters",
      "Clusters: in hoeveel teksten ze voorkomen",
      "Cluster frequency",
      "<p>Een cluster komt in een tekst voor als de zinnen van de tekst samen minstens " +
          display_number(meta.present_evidence, 2, false) +
          " bewijs aanbrengen voor de activiteiten van dat cluster (één duidelijke zin, "
          "of twee zwakkere).</p>\n",
      {},
      {},
      {"Id", "Cluster", "Ring", "Teksten", "Aandeel"},
      {}};
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < agg.cluster_count(); ++c)
    order.push_back(c);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return agg.cluster(a) > agg.cluster(b); });
  for (auto c : order) {
    const auto& info = clusters[c];
    const auto n = agg.cluster(c);
    const std::string name = info.title.empty() ? labels.cluster(c) : info.title;
    s.bars.push_back({name, static_cast<double>(n),
                      report_count_nl(n) + " (" + report_percent_nl(n, total) + ")",
                      name + " (" + info.layer_title + "): " + report_count_nl(n) + " teksten (" +
                          report_percent_nl(n, total) + ")"});
    s.rows.push_back({{ReportCell::Kind::code, labels.cluster(c)},
                      {ReportCell::Kind::text, info.title},
                      {ReportCell::Kind::text, info.layer_title},
                      {ReportCell::Kind::number, report_count_nl(n)},
                      {ReportCell::Kind::number, report_percent_nl(n, total)}});
  }
  s.chart.caption = "Aantal teksten per cluster";
  s.chart.css_class = "bar-chart clusters";
  s.chart.fill = "#6a51a3";
  return s;
}

/// The co-occurrence matrix of the clusters that occur, coloured by lift; the diagonal holds
/// each cluster's own count, off the scale.
std::string lift_heatmap(const BatchAggregates& agg, const BatchLabels& labels,
                         const std::vector<std::size_t>& shown, const std::string& description) {
  const auto& clusters = labels.index().clusters();
  const std::uint64_t total = agg.texts();
  std::vector<std::string> names;
  for (auto c : shown)
    names.push_back(clusters[c].title.empty() ? labels.cluster(c) : clusters[c].title);
  std::vector<std::vector<HeatmapCell>> cells(shown.size(), std::vector<HeatmapCell>(shown.size()));
  for (std::size_t i = 0; i < shown.size(); ++i) {
    for (std::size_t j = 0; j < shown.size(); ++j) {
      const auto a = shown[i], b = shown[j];
      HeatmapCell cell;
      if (a == b) {
        cell.value = static_cast<double>(agg.cluster(a));
        cell.off_scale = true;
        cell.shown = report_count_nl(agg.cluster(a));
        cell.tip = names[i] + ": in " + report_count_nl(agg.cluster(a)) + " teksten (" +
                   report_percent_nl(agg.cluster(a), total) + ")";
        cell.data = {{"texts", std::to_string(agg.cluster(a))}};
      } else {
        const double lift = agg.lift(a, b).value_or(0);
        std::string lift_attr;
        analysis::batch_append_number(lift_attr, lift, 3);
        cell.value = lift;
        cell.shown = display_number(lift, lift >= 10 ? 0 : 1, false);
        cell.tip = names[i] + " + " + names[j] + ": samen in " + report_count_nl(agg.pair(a, b)) +
                   " teksten (" + report_percent_nl(agg.pair(a, b), total) + "); lift " +
                   display_number(lift, 2, false);
        cell.data = {{"texts", std::to_string(agg.pair(a, b))}, {"lift", lift_attr}};
      }
      cells[i][j] = std::move(cell);
    }
  }
  HeatmapOptions options;
  options.measure = "lift";
  options.caption = "Samen voorkomen van clusters, gekleurd naar lift";
  options.description = description;
  options.cell_size = 44;
  options.scale = HeatmapScale::log_ratio;
  options.css_class = "lift-map";
  options.role = "img";
  options.legend_title = "lift (kleur en getal): 1 = zo vaak samen als bij toeval";
  options.legend_note = "oranje: minder vaak samen · paars: vaker samen";
  return heatmap_cells_svg(names, cells, options);
}

void write_cooccurrence_section(std::ostringstream& html, const BatchAggregates& agg,
                                const BatchLabels& labels) {
  const auto& clusters = labels.index().clusters();
  html << "<section aria-labelledby=\"h-cooc\">\n<h2 id=\"h-cooc\">Welke clusters samen "
          "voorkomen <span class=\"en\" lang=\"en\">Cluster co-occurrence</span></h2>\n"
          "<p>Lift = P(A en B) / (P(A) × P(B)): 1 betekent zo vaak samen als bij toeval, 2 "
          "twee keer zo vaak, 0,5 half zo vaak. Op de diagonaal staat het aantal teksten van "
          "het cluster zelf. Wijs een vak aan voor de aantallen.</p>\n";
  std::vector<std::size_t> occurring;
  for (std::size_t c = 0; c < agg.cluster_count(); ++c) {
    if (agg.cluster(c) > 0)
      occurring.push_back(c);
  }
  const auto pairs = analysis::batch_pairs(agg);
  if (occurring.size() < 2) {
    html << "<p>Te weinig clusters gevonden voor een matrix.</p>\n";
  } else {
    std::string description = "Paren met de hoogste lift: ";
    for (std::size_t k = 0; k < std::min<std::size_t>(pairs.size(), 5); ++k) {
      const auto& p = pairs[k];
      description += (k ? "; " : "") + labels.cluster(p.a) + " + " + labels.cluster(p.b) + " " +
                     display_number(p.lift, 2, false) + " (" + report_count_nl(p.texts) +
                     " teksten)";
    }
    html << "<figure>\n" << lift_heatmap(agg, labels, occurring, description) << "</figure>\n";
  }
  html << "<h3>Paren met de hoogste lift</h3>\n";
  if (pairs.empty()) {
    html << "<p>Geen clusters die samen in een tekst voorkomen.</p>\n";
  } else {
    html << "<table>\n<thead><tr><th scope=\"col\">Cluster A</th><th scope=\"col\">Cluster "
            "B</th><th scope=\"col\">Samen</th><th scope=\"col\">Lift</th></tr></thead>\n"
            "<tbody>\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(pairs.size(), 15); ++k) {
      const auto& p = pairs[k];
      html << "<tr><td>" << report_escape(clusters[p.a].title) << "</td><td>"
           << report_escape(clusters[p.b].title) << "</td><td class=\"n\">"
           << report_count_nl(p.texts) << "</td><td class=\"n\">"
           << display_number(p.lift, 2, false) << "</td></tr>\n";
    }
    html << "</tbody>\n</table>\n";
  }
  html << "</section>\n";
}

void write_report_head(std::ostringstream& html, const BatchAggregates& agg,
                       const BatchReportMeta& meta) {
  const std::uint64_t total = agg.texts();
  html << "<!DOCTYPE html>\n<html lang=\"nl\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
          "<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
          "<title>Bulkanalyse van "
       << report_count_nl(total) << " teksten · vakkaart</title>\n";
  html << "<style>\n"
          "body{font:15px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:1100px;margin:2rem "
          "auto;padding:0 1rem}\n"
          "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem}\n"
          ".en{font-size:.8rem;color:#555;font-weight:normal}\n"
          ".figures{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}\n"
          ".figures li{border:1px solid #ccc;border-radius:6px;padding:.6rem 1rem}\n"
          ".figures strong{display:block;font-size:1.4rem}\n"
          "figure{margin:1rem 0;overflow-x:auto}svg{max-width:none}\n"
          "table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.2rem "
          ".6rem;border-bottom:1px solid #ddd;text-align:left}\n"
          "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
          "details{margin:.5rem 0}summary{cursor:pointer}\n"
          "</style>\n</head>\n<body>\n";
  html << "<header>\n<h1>Bulkanalyse: welke beroepen en clusters de teksten beschrijven <span "
          "class=\"en\" lang=\"en\">Bulk analysis</span></h1>\n";
  html << "<p>Invoer: <code>" << report_escape(meta.input) << "</code></p>\n";
  html << "<ul class=\"figures\">\n<li><strong>" << report_count_nl(total)
       << "</strong>teksten geanalyseerd</li>\n<li><strong>" << report_count_nl(agg.none())
       << "</strong>niet herkend (" << report_percent_nl(agg.none(), total) << ")</li>\n"
       << "<li><strong>" << report_count_nl(agg.errors())
       << "</strong>onleesbaar (zie errors.jsonl)</li>\n</ul>\n</header>\n<main>\n";
}

}  // namespace

std::string batch_report_html(const BatchAggregates& agg, const BatchLabels& labels,
                              const BatchReportMeta& meta) {
  std::ostringstream html;
  write_report_head(html, agg, meta);
  write_chart_section(html, profile_section(agg, labels));
  write_chart_section(html, cluster_section(agg, labels, meta));
  write_cooccurrence_section(html, agg, labels);
  html << "</main>\n<footer><p>Per tekst: <code>texts.csv</code> en "
          "<code>texts.jsonl</code>; alle aantallen: <code>summary.json</code> en "
          "<code>cooccurrence.csv</code>.</p></footer>\n</body>\n</html>\n";
  return html.str();
}

}  // namespace vakkaart::render
