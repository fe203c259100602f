#include "cli/tree_printer.h"

#include <string>

namespace vakkaart::cli {

namespace {

void print_activities(std::ostream& out, const std::vector<model::Activity>& acts, int depth,
                      const Style& s) {
  for (const auto& a : acts) {
    out << std::string(static_cast<size_t>(depth) * 2, ' ') << (depth > 3 ? "◦ " : "• ") << a.text
        << "\n";
    print_activities(out, a.children, depth + 1, s);
  }
}

void print_list(std::ostream& out, const std::string& title, const std::vector<std::string>& items,
                const Style& s) {
  out << "\n" << s.bold(title) << s.dim(" (" + std::to_string(items.size()) + ")") << "\n";
  for (const auto& i : items)
    out << "  • " << i << "\n";
}

}  // namespace

void print_framework_tree(std::ostream& out, const model::Framework& f, const Style& s) {
  out << s.bold(f.title) << "  " << s.dim(f.id + (f.date.empty() ? "" : " · " + f.date)) << "\n";
  for (const auto& layer : f.layers) {
    out << "\n● " << s.bold(layer.title) << "\n";
    for (const auto& c : f.clusters)
      if (c.layer_id == layer.id)
        out << "  ▸ " << c.title << "  " << s.dim(c.id) << "\n";
  }
  out << "\n" << s.bold("Profiles") << "\n";
  for (const auto& p : f.profiles)
    out << "  " << s.accent(p.id) << "  " << p.title << "\n";
}

void print_profile_tree(std::ostream& out, const model::Framework& f, const model::Profile& p,
                        const Style& s) {
  out << s.bold(p.title) << "  " << s.dim(p.id + " · " + f.id) << "\n";
  out << p.definition << "\n";
  for (const auto& layer : f.layers) {
    out << "\n● " << s.bold(layer.title) << "\n";
    for (const auto& pc : p.clusters) {
      const auto* c = f.find_cluster(pc.cluster_id);
      if (!c || c->layer_id != layer.id)
        continue;
      out << "  ▸ " << s.accent(c->title);
      if (pc.main_activities.empty())
        out << s.dim("  (niets in dit profiel)");
      out << "\n";
      for (const auto& ma : pc.main_activities) {
        int depth = 3;
        if (ma.title) {
          out << "    ◆ " << s.bold(*ma.title) << "\n";
          depth = 3;
        }
        print_activities(out, ma.activities, depth, s);
      }
    }
  }
}

void print_qualification_tree(std::ostream& out, const model::Qualification& q,
                              const std::vector<int>& versions, const Style& s) {
  out << s.bold(q.title) << "  " << s.dim(q.id) << (q.current ? s.good("  actuele versie") : "")
      << "\n";
  std::string level;
  if (q.level.vks)
    level += "VKS " + std::to_string(*q.level.vks);
  if (q.level.eqf)
    level += (level.empty() ? "" : " / ") + std::string("EQF ") + std::to_string(*q.level.eqf);
  out << s.dim("niveau ") << (level.empty() ? "-" : level) << s.dim(" · erkenning ")
      << q.recognition;
  if (versions.size() > 1) {
    out << s.dim(" · versies");
    for (int v : versions)
      out << " " << v;
  }
  for (const auto& r : q.title_references)
    out << s.dim(r.title_used ? "benaming gebruikt in " : "benaming komt niet voor in ")
        << (r.kind == model::ReferenceKind::competent_fiche ? "Competent-fiche" : "sectorprofiel")
        << (r.code.empty() ? "" : " " + r.code) << (r.name.empty() ? "" : " " + r.name) << "\n";
  out << "\n" << q.definition << "\n";
  if (!q.scope.empty())
    out << "\n" << s.bold("Afbakening") << "\n" << q.scope << "\n";
  for (const auto& c : q.competences) {
    out << "\n" << s.bold("Competentie " + std::to_string(c.number) + ": " + c.title) << "\n";
    for (const auto& a : c.activities) {
      std::string tag = a.descriptor
                            ? (*a.descriptor == model::Descriptor::cognitive         ? "cog"
                               : *a.descriptor == model::Descriptor::problem_solving ? "pro"
                                                                                     : "mot")
                            : "???";
      out << "  • " << a.text << "  " << s.dim("[" + tag + "]") << "\n";
    }
    if (!c.knowledge.empty()) {
      out << "  " << s.dim("kennis:") << "\n";
      for (const auto& k : c.knowledge) {
        std::string tag =
            k.kind ? (*k.kind == model::KnowledgeKind::general ? "alg" : "spec") : "???";
        out << "    ◦ " << k.text << "  " << s.dim("[" + tag + "]") << "\n";
      }
    }
  }
  for (const auto& p : q.partial_qualifications) {
    std::string numbers;
    for (int n : p.competences)
      numbers += (numbers.empty() ? "" : ", ") + std::to_string(n);
    out << "\n"
        << s.bold("Deelkwalificatie " + p.code + ": " + p.title) << "\n  " << s.dim("competenties ")
        << numbers << "\n";
  }
  print_list(out, "Omgevingscontext", q.environment_context, s);
  print_list(out, "Handelingscontext", q.action_context, s);
  print_list(out, "Autonomie: is zelfstandig in", q.autonomy.independent_in, s);
  print_list(out, "Autonomie: is gebonden aan", q.autonomy.bound_to, s);
  print_list(out, "Autonomie: doet beroep op", q.autonomy.relies_on, s);
  print_list(out, "Verantwoordelijkheid", q.responsibility, s);
  out << "\n" << s.bold("Attesten en voorwaarden") << "\n  " << q.certificates << "\n";
  for (const auto& r : q.raw_sections)
    print_list(out, r.title + " (niet herkend)", r.lines, s);
  for (const auto& f : q.footnotes) {
    out << "\n" << s.bold("Voetnoot " + f.mark) << "  " << s.dim("bij");
    for (const auto& place : f.referenced_at)
      out << " " << s.dim(place);
    out << "\n  " << f.text << "\n";
  }
}

}  // namespace vakkaart::cli
