#include "cli/analyse_report.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "cli/terminal_bar.h"
#include "text/utf8.h"

namespace vakkaart::cli {

namespace {

std::string report_fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string report_padded(const std::string& s, std::size_t width) {
  // Pads by code points, so titles with é or ë line up.
  const std::size_t points = text::count_code_points(s);
  return points >= width ? s : s + std::string(width - points, ' ');
}

std::string group_label(const analysis::Group& g, const analysis::StructureIndex& index) {
  std::string where =
      g.cluster >= 0 ? index.clusters()[static_cast<std::size_t>(g.cluster)].title : "competence";
  return where + " " + std::to_string(g.position) + (g.title.empty() ? "" : ": " + g.title);
}

}  // namespace

void print_analysis_report(std::ostream& out, const analysis::AnalysisResult& result,
                           const analysis::StructureIndex& index, const Style& style,
                           std::size_t top) {
  const auto& candidates = index.candidates();
  if (result.best_candidate < 0) {
    out << style.bold("Not recognised") << ": the structure explains too little of this text"
        << style.dim(" (fit " + report_fixed(result.fit, 2) + ", " +
                     std::to_string(result.matched_segments) + " of " +
                     std::to_string(result.segment_count) + " segments matched)")
        << "\n";
  } else {
    const auto& best = candidates[static_cast<std::size_t>(result.best_candidate)];
    const auto& r = result.candidates.front();
    out << style.bold(best.title) << "  " << style.dim(best.id) << "\n"
        << "confidence " << report_fixed(r.confidence, 2) << " · covers "
        << report_fixed(r.coverage, 1) << "% of its main activities (" << r.matched << " of "
        << r.total << ") · " << result.matched_segments << " of " << result.segment_count
        << " segments matched (fit " << report_fixed(result.fit, 2) << ")\n";
  }

  out << "\n" << style.bold("Best fitting") << style.dim("  confidence · coverage") << "\n";
  for (std::size_t k = 0; k < result.candidates.size() && k < top; ++k) {
    const auto& r = result.candidates[k];
    const auto& c = candidates[r.candidate];
    out << "  " << report_padded(c.id, 42) << " " << report_fixed(r.confidence, 2) << " "
        << style.accent(percent_bar(r.confidence * 100, 10)) << " " << report_fixed(r.coverage, 1)
        << "%\n";
  }

  if (!result.clusters.empty()) {
    out << "\n" << style.bold("Clusters the text speaks of") << style.dim("  segments") << "\n";
    for (const auto& c : result.clusters) {
      const auto& info = index.clusters()[c.index];
      out << "  " << report_padded(info.title, 44) << " " << c.matched << "  "
          << style.dim(info.layer_title) << "\n";
    }
  }

  if (!result.missing_core.empty() && result.best_candidate >= 0) {
    out << "\n"
        << style.bold("Core activities of " +
                      candidates[static_cast<std::size_t>(result.best_candidate)].title +
                      " the text does not mention")
        << "\n";
    for (auto g : result.missing_core)
      out << "  - " << group_label(index.groups()[g], index) << "\n";
  }

  if (!result.segments.empty()) {
    out << "\n" << style.bold("Segments") << "\n";
    int n = 0;
    for (const auto& s : result.segments) {
      ++n;
      out << style.dim("[" + std::to_string(n) + "] ") << s.text << "\n";
      for (const auto& m : s.matches) {
        const auto& unit = index.units()[m.unit];
        std::string words;
        for (const auto& w : m.words)
          words += (words.empty() ? "" : ", ") + w;
        std::string where;
        for (const auto& place : unit.places) {
          if (!where.empty())
            where += "; ";
          where += candidates[place.candidate].id;
          if (place.group >= 0) {
            const auto& g = index.groups()[static_cast<std::size_t>(place.group)];
            if (g.cluster >= 0)
              where += " › " + index.clusters()[static_cast<std::size_t>(g.cluster)].id;
            where += " " + std::to_string(g.position);
          }
        }
        out << "    " << style.good("→ " + report_fixed(m.score, 2)) << " " << unit.text << "\n"
            << "      " << style.dim("words: " + words + " · in " + where) << "\n";
      }
    }
  }
}

}  // namespace vakkaart::cli
