#include "analysis/batch_report.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/error.h"
#include "render/bar_chart_svg.h"
#include "render/svg_util.h"
#include "text/text_utils.h"

namespace vakkaart::analysis {

namespace {

/// v rounded to `decimals` places in the shortest form that reads back the same ("0.457", "12",
/// "0.1"): locale-independent, so the same counts give the same bytes.
void batch_append_number(std::string& out, double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(v * scale) / scale;
  if (rounded == 0)
    rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

std::string batch_number(double v, int decimals) {
  std::string s;
  batch_append_number(s, v, decimals);
  return s;
}

double batch_round(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

/// A JSON string literal of UTF-8 text.
void batch_append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* hexdigits = "0123456789abcdef";
          out += "\\u00";
          out += hexdigits[c >> 4];
          out += hexdigits[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

/// An RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
void batch_append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"')
      out += '"';
    out += ch;
  }
  out += '"';
}

/// The candidates a row lists: those the text gave evidence for, best first, at most three.
std::vector<const CandidateResult*> batch_top_candidates(const AnalysisResult& result) {
  std::vector<const CandidateResult*> top;
  for (const auto& c : result.candidates) {
    if (top.size() == kBatchTopProfiles)
      break;
    if (c.score > 0)
      top.push_back(&c);
  }
  return top;
}

/// "12.345": Dutch digit grouping.
std::string batch_count_nl(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      out += '.';
    out += digits[i];
  }
  return out;
}

/// "12,3 %" of part in whole.
std::string batch_percent_nl(std::uint64_t part, std::uint64_t whole) {
  const double p = whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  return render::display_number(p, 1, false) + " %";
}

std::string batch_escape(std::string_view s) {
  return text::escape_markup(s);
}

struct BatchRgb {
  double r, g, b;
};

/// ColorBrewer "PuOr", orange (less often together than chance) through grey-white
/// (independent) to purple (more often): diverging, safe for the common colour-blind.
const BatchRgb kBatchLiftScale[] = {{179, 88, 6},    {224, 130, 20},  {253, 184, 99},
                                    {254, 224, 182}, {247, 247, 247}, {216, 218, 235},
                                    {178, 171, 210}, {128, 115, 172}, {84, 39, 136}};

/// Position of a lift on the scale: log2, so 0.5 and 2 lie as far from 1; 1/4 and 4 are the ends.
BatchRgb batch_lift_colour(double lift) {
  const double l = lift <= 0 ? -2 : std::clamp(std::log2(lift), -2.0, 2.0);
  const double position = (l + 2) / 4 * 8;
  const auto i = std::min(static_cast<std::size_t>(position), std::size_t{7});
  const double t = position - static_cast<double>(i);
  const auto &a = kBatchLiftScale[i], &b = kBatchLiftScale[i + 1];
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string batch_hex(const BatchRgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buffer;
}

double batch_luminance(const BatchRgb& c) {
  auto channel = [](double v) {
    v /= 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/// Black or white, whichever contrasts more with the fill (WCAG).
const char* batch_text_on(const BatchRgb& fill) {
  const double l = batch_luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

std::string batch_lift_text(double lift) {
  return render::display_number(lift, lift >= 10 ? 0 : 1, false);
}

/// The co-occurrence matrix of the clusters that occur, as an SVG heat map coloured by lift.
std::string batch_lift_heatmap_svg(const BatchAggregates& agg, const BatchLabels& labels,
                                   const std::vector<std::size_t>& shown,
                                   const std::string& caption, const std::string& description) {
  const auto& clusters = labels.index().clusters();
  const std::size_t n = shown.size();
  const double cell = 44;
  std::size_t longest = 1;
  std::vector<std::string> names;
  for (auto c : shown) {
    names.push_back(clusters[c].title.empty() ? labels.cluster(c) : clusters[c].title);
    longest = std::max(longest, render::code_points(render::short_label(names.back(), 32)));
  }
  const double label_width = static_cast<double>(longest) * 7.2 + 8;
  const double sin45 = 0.70710678118654752;
  const double left = label_width + 8;
  const double top = label_width * sin45 + 12;
  const double grid = cell * static_cast<double>(n);
  const double right = std::max(0.0, label_width * sin45 - cell / 2) + 8;
  const double legend_y = top + grid + 20;
  const double swatch = 44;
  const double legend_lifts[] = {0.25, 0.5, 1, 2, 4};
  const double legend_width = 5 * swatch;
  const double width = std::max(left + grid + right, left + legend_width + 220);
  const double height = legend_y + 12 + 40;

  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lift-map\" viewBox=\"0 0 "
      << render::svg_number(width) << " " << render::svg_number(height) << "\" width=\""
      << render::svg_number(width) << "\" height=\"" << render::svg_number(height)
      << "\" role=\"img\" aria-label=\"" << batch_escape(caption) << "\">\n";
  svg << "<title>" << batch_escape(caption) << "</title>\n<desc>" << batch_escape(description)
      << "</desc>\n";
  svg << "<style>text{font:12px sans-serif;fill:#1a1a1a}.cell{stroke:#fff;stroke-width:1}"
         ".cell:hover{stroke:#1a1a1a;stroke-width:2}.v{font-size:11px;pointer-events:none}"
         "</style>\n";
  svg << "<g class=\"col-labels\">\n";
  for (std::size_t j = 0; j < n; ++j) {
    const double x = left + cell * static_cast<double>(j) + cell / 2;
    svg << "<text transform=\"translate(" << render::svg_number(x) << ","
        << render::svg_number(top - 6) << ") rotate(-45)\"><title>" << batch_escape(names[j])
        << "</title>" << batch_escape(render::short_label(names[j], 32)) << "</text>\n";
  }
  svg << "</g>\n<g class=\"row-labels\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    const double y = top + cell * static_cast<double>(i) + cell / 2 + 4;
    svg << "<text x=\"" << render::svg_number(left - 6) << "\" y=\"" << render::svg_number(y)
        << "\" text-anchor=\"end\"><title>" << batch_escape(names[i]) << "</title>"
        << batch_escape(render::short_label(names[i], 32)) << "</text>\n";
  }
  svg << "</g>\n<g class=\"cells\">\n";
  const std::uint64_t total = agg.texts();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const auto a = shown[i], b = shown[j];
      const double x = left + cell * static_cast<double>(j);
      const double y = top + cell * static_cast<double>(i);
      std::string fill, ink, value, tip;
      std::string data;
      if (a == b) {
        fill = "#d9d9d9";
        ink = "#000000";
        value = batch_count_nl(agg.cluster(a));
        tip = names[i] + ": in " + batch_count_nl(agg.cluster(a)) + " teksten (" +
              batch_percent_nl(agg.cluster(a), total) + ")";
        data = "data-texts=\"" + std::to_string(agg.cluster(a)) + "\"";
      } else {
        const double lift = agg.lift(a, b).value_or(0);
        const auto colour = batch_lift_colour(lift);
        fill = batch_hex(colour);
        ink = batch_text_on(colour);
        value = batch_lift_text(lift);
        tip = names[i] + " + " + names[j] + ": samen in " + batch_count_nl(agg.pair(a, b)) +
              " teksten (" + batch_percent_nl(agg.pair(a, b), total) + "); lift " +
              render::display_number(lift, 2, false);
        data = "data-texts=\"" + std::to_string(agg.pair(a, b)) + "\" data-lift=\"" +
               batch_number(lift, 3) + "\"";
      }
      svg << "<rect class=\"cell\" x=\"" << render::svg_number(x) << "\" y=\""
          << render::svg_number(y) << "\" width=\"" << render::svg_number(cell) << "\" height=\""
          << render::svg_number(cell) << "\" fill=\"" << fill << "\" data-row=\"" << i
          << "\" data-col=\"" << j << "\" " << data << "><title>" << batch_escape(tip)
          << "</title></rect><text class=\"v\" x=\"" << render::svg_number(x + cell / 2)
          << "\" y=\"" << render::svg_number(y + cell / 2 + 4)
          << "\" text-anchor=\"middle\" style=\"fill:" << ink
          << (a == b ? ";font-style:italic" : "") << "\" aria-hidden=\"true\">"
          << batch_escape(value) << "</text>\n";
    }
  }
  svg << "</g>\n<g class=\"legend\">\n";
  svg << "<text x=\"" << render::svg_number(left) << "\" y=\"" << render::svg_number(legend_y - 4)
      << "\">lift (kleur en getal): 1 = zo vaak samen als bij toeval</text>\n";
  for (std::size_t k = 0; k < 5; ++k) {
    const double x = left + swatch * static_cast<double>(k);
    const auto colour = batch_lift_colour(legend_lifts[k]);
    std::string label = render::display_number(legend_lifts[k], legend_lifts[k] < 1 ? 2 : 0, false);
    if (k == 0)
      label = "≤ " + label;
    if (k == 4)
      label = "≥ " + label;
    svg << "<rect x=\"" << render::svg_number(x) << "\" y=\"" << render::svg_number(legend_y + 4)
        << "\" width=\"" << render::svg_number(swatch) << "\" height=\"14\" fill=\""
        << batch_hex(colour) << "\" stroke=\"#bdbdbd\" stroke-width=\"0.5\"/><text x=\""
        << render::svg_number(x + swatch / 2) << "\" y=\"" << render::svg_number(legend_y + 32)
        << "\" text-anchor=\"middle\">" << batch_escape(label) << "</text>\n";
  }
  const double after = left + legend_width + 10;
  svg << "<text x=\"" << render::svg_number(after) << "\" y=\"" << render::svg_number(legend_y + 15)
      << "\">oranje: minder vaak samen · paars: vaker samen</text>\n";
  svg << "</g>\n</svg>\n";
  return svg.str();
}

/// Candidate indexes and "none" (-1), most texts first; ties in index order, "none" last.
std::vector<std::int64_t> batch_profile_order(const BatchAggregates& agg) {
  std::vector<std::int64_t> order;
  for (std::size_t c = 0; c < agg.candidate_count(); ++c)
    order.push_back(static_cast<std::int64_t>(c));
  order.push_back(-1);
  auto count = [&](std::int64_t c) {
    return c < 0 ? agg.none() : agg.best(static_cast<std::size_t>(c));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::int64_t a, std::int64_t b) { return count(a) > count(b); });
  return order;
}

struct BatchPair {
  std::size_t a, b;
  std::uint64_t texts;
  double lift;
};

/// Pairs seen together at least once, highest lift first (then most texts, then model order).
std::vector<BatchPair> batch_pairs(const BatchAggregates& agg) {
  std::vector<BatchPair> pairs;
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      if (agg.pair(a, b) > 0)
        pairs.push_back({a, b, agg.pair(a, b), agg.lift(a, b).value_or(0)});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const BatchPair& x, const BatchPair& y) {
    const double lx = batch_round(x.lift, 3), ly = batch_round(y.lift, 3);
    return lx != ly ? lx > ly : x.texts > y.texts;
  });
  return pairs;
}

const char* batch_kind(const Candidate& c) {
  return c.kind == Candidate::Kind::profile ? "profile" : "qualification";
}

}  // namespace

BatchLabels::BatchLabels(const StructureIndex& index) : index_(&index) {
  std::map<std::string, int> seen;
  for (const auto& c : index.clusters())
    ++seen[c.id];
  for (const auto& c : index.clusters()) {
    clusters_.push_back(seen[c.id] > 1 ? index.frameworks()[c.framework].id + "/" + c.id : c.id);
  }
}

std::string batch_csv_header() {
  std::string h = "id,best,best_confidence,fit,segments";
  for (std::size_t k = 1; k <= kBatchTopProfiles; ++k)
    h += ",profile_" + std::to_string(k) + ",confidence_" + std::to_string(k);
  h += ",clusters\r\n";
  return h;
}

void append_batch_csv_row(std::string& out, std::string_view id, const AnalysisResult& result,
                          const std::vector<std::uint32_t>& present, const BatchLabels& labels) {
  const auto& candidates = labels.index().candidates();
  batch_append_csv_field(out, id);
  out += ',';
  batch_append_csv_field(out, result.best);
  out += ',';
  if (result.best_candidate >= 0) {
    for (const auto& c : result.candidates) {
      if (static_cast<std::int64_t>(c.candidate) == result.best_candidate) {
        batch_append_number(out, c.confidence, 3);
        break;
      }
    }
  }
  out += ',';
  batch_append_number(out, result.fit, 3);
  out += ',';
  out += std::to_string(result.segment_count);
  const auto top = batch_top_candidates(result);
  for (std::size_t k = 0; k < kBatchTopProfiles; ++k) {
    out += ',';
    if (k < top.size()) {
      batch_append_csv_field(out, candidates[top[k]->candidate].id);
      out += ',';
      batch_append_number(out, top[k]->confidence, 3);
    } else {
      out += ',';
    }
  }
  out += ',';
  std::string joined;
  for (std::size_t k = 0; k < present.size(); ++k) {
    if (k)
      joined += ';';
    joined += labels.cluster(present[k]);
  }
  batch_append_csv_field(out, joined);
  out += "\r\n";
}

void append_batch_jsonl_row(std::string& out, std::string_view id, const AnalysisResult& result,
                            const std::vector<std::uint32_t>& present, const BatchLabels& labels) {
  const auto& candidates = labels.index().candidates();
  out += "{\"id\":";
  batch_append_json_string(out, id);
  out += ",\"best\":";
  batch_append_json_string(out, result.best);
  out += ",\"fit\":";
  batch_append_number(out, result.fit, 3);
  out += ",\"segments\":";
  out += std::to_string(result.segment_count);
  out += ",\"profiles\":[";
  const auto top = batch_top_candidates(result);
  for (std::size_t k = 0; k < top.size(); ++k) {
    out += k ? ",{\"id\":" : "{\"id\":";
    batch_append_json_string(out, candidates[top[k]->candidate].id);
    out += ",\"confidence\":";
    batch_append_number(out, top[k]->confidence, 3);
    out += ",\"coverage\":";
    batch_append_number(out, top[k]->coverage, 1);
    out += '}';
  }
  out += "],\"clusters\":[";
  for (std::size_t k = 0; k < result.clusters.size(); ++k) {
    const auto& c = result.clusters[k];
    out += k ? ",{\"id\":" : "{\"id\":";
    batch_append_json_string(out, labels.cluster(c.index));
    out += ",\"segments\":";
    out += std::to_string(c.matched);
    out += ",\"evidence\":";
    batch_append_number(out, c.evidence, 3);
    const bool is_present = std::find(present.begin(), present.end(), c.index) != present.end();
    out += is_present ? ",\"present\":true}" : ",\"present\":false}";
  }
  out += "]}\n";
}

void append_batch_error_row(std::string& out, const BatchError& error) {
  out += "{\"record\":";
  out += std::to_string(error.record);
  out += ",\"file\":";
  batch_append_json_string(out, error.file);
  if (error.line > 0) {
    out += ",\"line\":";
    out += std::to_string(error.line);
  }
  if (!error.id.empty()) {
    out += ",\"id\":";
    batch_append_json_string(out, error.id);
  }
  out += ",\"code\":";
  batch_append_json_string(out, error.code);
  out += ",\"message\":";
  batch_append_json_string(out, error.message);
  out += "}\n";
}

vakkaart::Json batch_summary_json(const BatchAggregates& agg, const BatchLabels& labels,
                                  const BatchReportMeta& meta) {
  const auto& index = labels.index();
  const double total = static_cast<double>(agg.texts());
  auto share = [&](std::uint64_t n) {
    return total == 0 ? 0.0 : batch_round(static_cast<double>(n) / total, 4);
  };
  vakkaart::Json j;
  j["input"] = meta.input;
  j["records"] = agg.texts() + agg.errors();
  j["texts"] = agg.texts();
  j["errors"] = agg.errors();
  j["present_evidence"] = meta.present_evidence;
  auto profiles = vakkaart::Json::array();
  for (auto c : batch_profile_order(agg)) {
    vakkaart::Json p;
    if (c < 0) {
      p["id"] = "none";
      p["kind"] = "none";
      p["title"] = nullptr;
      p["texts"] = agg.none();
      p["share"] = share(agg.none());
    } else {
      const auto& cand = index.candidates()[static_cast<std::size_t>(c)];
      p["id"] = cand.id;
      p["kind"] = batch_kind(cand);
      p["title"] = cand.title;
      p["texts"] = agg.best(static_cast<std::size_t>(c));
      p["share"] = share(agg.best(static_cast<std::size_t>(c)));
    }
    profiles.push_back(std::move(p));
  }
  j["profiles"] = std::move(profiles);
  auto clusters = vakkaart::Json::array();
  auto ids = vakkaart::Json::array();
  for (std::size_t c = 0; c < index.clusters().size(); ++c) {
    const auto& info = index.clusters()[c];
    clusters.push_back({{"id", labels.cluster(c)},
                        {"title", info.title},
                        {"ring", info.layer_id},
                        {"framework", index.frameworks()[info.framework].id},
                        {"texts", agg.cluster(c)},
                        {"share", share(agg.cluster(c))}});
    ids.push_back(labels.cluster(c));
  }
  j["clusters"] = std::move(clusters);
  auto counts = vakkaart::Json::array();
  auto lifts = vakkaart::Json::array();
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    auto count_row = vakkaart::Json::array();
    auto lift_row = vakkaart::Json::array();
    for (std::size_t b = 0; b < agg.cluster_count(); ++b) {
      count_row.push_back(a == b ? agg.cluster(a) : agg.pair(a, b));
      const auto lift = agg.lift(a, b);
      if (lift)
        lift_row.push_back(batch_round(*lift, 3));
      else
        lift_row.push_back(nullptr);
    }
    counts.push_back(std::move(count_row));
    lifts.push_back(std::move(lift_row));
  }
  j["cooccurrence"] = {
      {"clusters", std::move(ids)}, {"texts", std::move(counts)}, {"lift", std::move(lifts)}};
  auto pairs = vakkaart::Json::array();
  for (const auto& p : batch_pairs(agg)) {
    pairs.push_back({{"a", labels.cluster(p.a)},
                     {"b", labels.cluster(p.b)},
                     {"texts", p.texts},
                     {"lift", batch_round(p.lift, 3)}});
  }
  j["pairs"] = std::move(pairs);
  return j;
}

std::string batch_cooccurrence_csv(const BatchAggregates& agg, const BatchLabels& labels) {
  std::string out = "cluster_a,cluster_b,texts_a,texts_b,texts_both,lift\r\n";
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      batch_append_csv_field(out, labels.cluster(a));
      out += ',';
      batch_append_csv_field(out, labels.cluster(b));
      out += ',' + std::to_string(agg.cluster(a)) + ',' + std::to_string(agg.cluster(b)) + ',' +
             std::to_string(agg.pair(a, b)) + ',';
      if (const auto lift = agg.lift(a, b))
        batch_append_number(out, *lift, 3);
      out += "\r\n";
    }
  }
  return out;
}

std::string batch_report_html(const BatchAggregates& agg, const BatchLabels& labels,
                              const BatchReportMeta& meta) {
  const auto& index = labels.index();
  const std::uint64_t total = agg.texts();
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"nl\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
          "<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
          "<title>Bulkanalyse van "
       << batch_count_nl(total) << " teksten · vakkaart</title>\n";
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
  html << "<p>Invoer: <code>" << batch_escape(meta.input) << "</code></p>\n";
  html << "<ul class=\"figures\">\n<li><strong>" << batch_count_nl(total)
       << "</strong>teksten geanalyseerd</li>\n<li><strong>" << batch_count_nl(agg.none())
       << "</strong>niet herkend (" << batch_percent_nl(agg.none(), total) << ")</li>\n"
       << "<li><strong>" << batch_count_nl(agg.errors())
       << "</strong>onleesbaar (zie errors.jsonl)</li>\n</ul>\n</header>\n<main>\n";

  // Profile distribution.
  html << "<section aria-labelledby=\"h-profiles\">\n<h2 id=\"h-profiles\">Verdeling over "
          "beroepsprofielen en kwalificaties <span class=\"en\" lang=\"en\">Profile "
          "distribution</span></h2>\n<p>Per tekst telt het best passende profiel of de best "
          "passende beroepskwalificatie; “geen” betekent dat de structuur de tekst niet "
          "verklaart.</p>\n";
  std::vector<render::Bar> bars;
  std::ostringstream profile_rows;
  for (auto c : batch_profile_order(agg)) {
    const bool none = c < 0;
    const auto n = none ? agg.none() : agg.best(static_cast<std::size_t>(c));
    const std::string id = none ? "none" : index.candidates()[static_cast<std::size_t>(c)].id;
    const std::string title =
        none ? "geen (none)" : index.candidates()[static_cast<std::size_t>(c)].title;
    if (n == 0 && !none)
      continue;
    const std::string label = none ? title : id;
    bars.push_back({label, static_cast<double>(n),
                    batch_count_nl(n) + " (" + batch_percent_nl(n, total) + ")",
                    (title.empty() || none ? label : label + " – " + title) + ": " +
                        batch_count_nl(n) + " teksten (" + batch_percent_nl(n, total) + ")"});
    profile_rows << "<tr><td><code>" << batch_escape(id) << "</code></td><td>"
                 << batch_escape(none ? "" : title) << "</td><td class=\"n\">" << batch_count_nl(n)
                 << "</td><td class=\"n\">" << batch_percent_nl(n, total) << "</td></tr>\n";
  }
  render::BarChartOptions profile_chart;
  profile_chart.caption = "Aantal teksten per best passend profiel";
  profile_chart.css_class = "bar-chart profiles";
  html << "<figure>\n" << render::bar_chart_svg(bars, profile_chart) << "</figure>\n";
  html << "<details><summary>Tabel</summary>\n<table>\n<thead><tr><th scope=\"col\">Id</th><th "
          "scope=\"col\">Titel</th><th scope=\"col\">Teksten</th><th "
          "scope=\"col\">Aandeel</th></tr></thead>\n<tbody>\n"
       << profile_rows.str() << "</tbody>\n</table>\n</details>\n</section>\n";

  // Cluster frequency.
  html << "<section aria-labelledby=\"h-clusters\">\n<h2 id=\"h-clusters\">Clusters: in hoeveel "
          "teksten ze voorkomen <span class=\"en\" lang=\"en\">Cluster frequency</span></h2>\n"
          "<p>Een cluster komt in een tekst voor als de zinnen van de tekst samen minstens "
       << render::display_number(meta.present_evidence, 2, false)
       << " bewijs aanbrengen voor de activiteiten van dat cluster (één duidelijke zin, of twee "
          "zwakkere).</p>\n";
  std::vector<std::size_t> cluster_order;
  for (std::size_t c = 0; c < agg.cluster_count(); ++c)
    cluster_order.push_back(c);
  std::stable_sort(cluster_order.begin(), cluster_order.end(),
                   [&](std::size_t a, std::size_t b) { return agg.cluster(a) > agg.cluster(b); });
  bars.clear();
  std::ostringstream cluster_rows;
  std::vector<std::size_t> occurring;
  for (auto c : cluster_order) {
    const auto& info = index.clusters()[c];
    const auto n = agg.cluster(c);
    const std::string name = info.title.empty() ? labels.cluster(c) : info.title;
    bars.push_back({name, static_cast<double>(n),
                    batch_count_nl(n) + " (" + batch_percent_nl(n, total) + ")",
                    name + " (" + info.layer_title + "): " + batch_count_nl(n) + " teksten (" +
                        batch_percent_nl(n, total) + ")"});
    cluster_rows << "<tr><td><code>" << batch_escape(labels.cluster(c)) << "</code></td><td>"
                 << batch_escape(info.title) << "</td><td>" << batch_escape(info.layer_title)
                 << "</td><td class=\"n\">" << batch_count_nl(n) << "</td><td class=\"n\">"
                 << batch_percent_nl(n, total) << "</td></tr>\n";
  }
  for (std::size_t c = 0; c < agg.cluster_count(); ++c) {
    if (agg.cluster(c) > 0)
      occurring.push_back(c);
  }
  render::BarChartOptions cluster_chart;
  cluster_chart.caption = "Aantal teksten per cluster";
  cluster_chart.css_class = "bar-chart clusters";
  cluster_chart.fill = "#6a51a3";
  html << "<figure>\n" << render::bar_chart_svg(bars, cluster_chart) << "</figure>\n";
  html << "<details><summary>Tabel</summary>\n<table>\n<thead><tr><th scope=\"col\">Id</th><th "
          "scope=\"col\">Cluster</th><th scope=\"col\">Ring</th><th scope=\"col\">Teksten</th><th "
          "scope=\"col\">Aandeel</th></tr></thead>\n<tbody>\n"
       << cluster_rows.str() << "</tbody>\n</table>\n</details>\n</section>\n";

  // Co-occurrence.
  html << "<section aria-labelledby=\"h-cooc\">\n<h2 id=\"h-cooc\">Welke clusters samen "
          "voorkomen <span class=\"en\" lang=\"en\">Cluster co-occurrence</span></h2>\n"
          "<p>Lift = P(A en B) / (P(A) × P(B)): 1 betekent zo vaak samen als bij toeval, 2 "
          "twee keer zo vaak, 0,5 half zo vaak. Op de diagonaal staat het aantal teksten van "
          "het cluster zelf. Wijs een vak aan voor de aantallen.</p>\n";
  const auto pairs = batch_pairs(agg);
  if (occurring.size() < 2) {
    html << "<p>Te weinig clusters gevonden voor een matrix.</p>\n";
  } else {
    std::string description = "Paren met de hoogste lift: ";
    for (std::size_t k = 0; k < std::min<std::size_t>(pairs.size(), 5); ++k) {
      const auto& p = pairs[k];
      description += (k ? "; " : "") + labels.cluster(p.a) + " + " + labels.cluster(p.b) + " " +
                     render::display_number(p.lift, 2, false) + " (" + batch_count_nl(p.texts) +
                     " teksten)";
    }
    html << "<figure>\n"
         << batch_lift_heatmap_svg(agg, labels, occurring,
                                   "Samen voorkomen van clusters, gekleurd naar lift", description)
         << "</figure>\n";
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
      html << "<tr><td>" << batch_escape(index.clusters()[p.a].title) << "</td><td>"
           << batch_escape(index.clusters()[p.b].title) << "</td><td class=\"n\">"
           << batch_count_nl(p.texts) << "</td><td class=\"n\">"
           << render::display_number(p.lift, 2, false) << "</td></tr>\n";
    }
    html << "</tbody>\n</table>\n";
  }
  html << "</section>\n</main>\n<footer><p>Per tekst: <code>texts.csv</code> en "
          "<code>texts.jsonl</code>; alle aantallen: <code>summary.json</code> en "
          "<code>cooccurrence.csv</code>.</p></footer>\n</body>\n</html>\n";
  return html.str();
}

void write_batch_file(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(err),
                  {path, 0, ""});
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0)
    throw Error(ErrorCode::io_error, "cannot write " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw Error(ErrorCode::io_error, "cannot rename " + tmp + ": " + std::strerror(errno),
                {path, 0, ""});
}

void write_batch_report(const std::string& out_dir, const BatchAggregates& aggregates,
                        const BatchLabels& labels, const BatchReportMeta& meta) {
  const std::filesystem::path dir(out_dir);
  write_batch_file((dir / "summary.json").string(),
                   batch_summary_json(aggregates, labels, meta).dump(2) + "\n");
  write_batch_file((dir / "cooccurrence.csv").string(), batch_cooccurrence_csv(aggregates, labels));
  write_batch_file((dir / "report.html").string(), batch_report_html(aggregates, labels, meta));
}

}  // namespace vakkaart::analysis
