#include "cli/function_printer.h"

#include <cmath>
#include <cstdio>

#include "cli/terminal_bar.h"

namespace vakkaart::cli {

namespace {

std::string percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%5.1f%%", v);
  return buf;
}

void print_block(std::ostream& out, const model::FunctionBlock& b, const Style& s) {
  out << "    " << s.bold(b.title.empty() ? "(zonder titel)" : b.title) << "  "
      << s.dim("[" + b.id + "]");
  if (b.weight)
    out << "  " << s.accent(percent(*b.weight));
  out << "\n";
  if (b.source)
    out << "      "
        << s.dim("bron: " + b.source->ref + " · " + b.source->item_title +
                 (b.source->kind == model::SourceKind::qualification
                      ? " · versie " + b.source->version
                      : ""))
        << "\n";
  else
    out << "      " << s.dim("eigen blok") << "\n";
  for (const auto& i : b.items) {
    std::string where = i.is_own() ? "eigen" : "#" + std::to_string(i.source_position);
    out << "      - " << i.text() << "  " << s.dim("[" + i.id + " " + where + "]") << "\n";
    if (i.wording && !i.is_own())
      out << "        " << s.dim("origineel: " + i.original) << "\n";
  }
}

}  // namespace

void print_function(std::ostream& out, const model::FunctionProfile& f,
                    const std::optional<model::Framework>& framework,
                    const std::vector<compose::Warning>& warnings,
                    const std::vector<compose::SourceChange>& changes, const Style& s) {
  out << s.bold(f.title) << "  "
      << s.dim("(" + f.id + ", versie " + std::to_string(f.version) + ", " +
               (f.status == model::FunctionStatus::draft ? "ontwerp" : "definitief") + ")")
      << "\n";
  if (!f.organisation.empty())
    out << "Organisatie: " << f.organisation << "\n";
  if (!f.purpose.empty())
    out << "Doel: " << f.purpose << "\n";
  if (!f.context.empty())
    out << "Context: " << f.context << "\n";
  out << s.dim("Aangemaakt " + f.created + ", gewijzigd " + f.updated) << "\n";

  std::vector<bool> shown(f.blocks.size(), false);
  if (framework) {
    for (const auto& layer : framework->layers) {
      bool layer_printed = false;
      for (const auto& cluster : framework->clusters) {
        if (cluster.layer_id != layer.id)
          continue;
        bool cluster_printed = false;
        for (std::size_t k = 0; k < f.blocks.size(); ++k) {
          if (f.blocks[k].cluster_id != cluster.id)
            continue;
          if (!layer_printed)
            out << "\n" << s.accent(layer.title) << "\n";
          if (!cluster_printed)
            out << "  " << s.bold(cluster.title) << "\n";
          layer_printed = cluster_printed = shown[k] = true;
          print_block(out, f.blocks[k], s);
        }
      }
    }
  }
  bool other = false;
  for (std::size_t k = 0; k < f.blocks.size(); ++k) {
    if (shown[k])
      continue;
    if (!other)
      out << "\n" << s.accent("Overige") << "\n";
    other = true;
    print_block(out, f.blocks[k], s);
  }
  if (!warnings.empty()) {
    out << "\n" << s.warn("Waarschuwingen") << "\n";
    for (const auto& w : warnings)
      out << "  ! " << w.message << "\n";
  }
  if (!changes.empty()) {
    out << "\n" << s.warn("Wijzigingen in de bronnen") << "\n";
    for (const auto& c : changes) {
      out << "  " << c.type << " in " << c.block_id << " " << s.dim("[" + c.key + "]") << "\n";
      if (!c.old_text.empty())
        out << "    - " << c.old_text << "\n";
      if (!c.new_text.empty())
        out << "    + " << c.new_text << "\n";
    }
  }
}

void print_coverage(std::ostream& out, const compose::FunctionCoverage& coverage, const Style& s) {
  out << s.bold("Gelijkenis met beroepsprofielen") << "  "
      << s.dim("(" + std::to_string(coverage.statements) + " uitspraken in de functie)") << "\n";
  for (const auto& p : coverage.profiles) {
    out << "\n"
        << s.bold(p.title) << "  " << s.dim(p.profile_id) << "\n"
        << "  gelijkenis " << percent_bar(p.resemblance, 20) << " " << percent(p.resemblance)
        << s.dim("  (deel van de functie uit dit profiel)") << "\n"
        << "  dekking    " << percent_bar(p.coverage, 20) << " " << percent(p.coverage)
        << s.dim("  (deel van het profiel in de functie)") << "\n";
    for (const auto& l : p.layers)
      out << "    " << percent(l.percent) << "  " << l.title
          << s.dim(" (" + std::to_string(l.matched) + "/" + std::to_string(l.total) + ")") << "\n";
  }
}

}  // namespace vakkaart::cli
