#include <iomanip>
#include <iostream>

#include "catalog/summary_json.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/json.h"

namespace vakkaart::cli {

namespace {

std::string level_text(const model::Level& l) {
  std::string out;
  if (l.vks)
    out += "VKS " + std::to_string(*l.vks);
  if (l.eqf)
    out += std::string(out.empty() ? "" : " / ") + "EQF " + std::to_string(*l.eqf);
  return out.empty() ? "-" : out;
}

void list_frameworks(store::Store& store, bool json, const Style& s) {
  auto items = store.list_frameworks();
  if (json) {
    std::cout << vakkaart::dump_canonical(catalog::frameworks_summary_json(items));
    return;
  }
  for (const auto& f : items)
    std::cout << s.accent(f.id) << "  " << f.title << "  " << s.dim(f.date) << "  "
              << f.profile_count << " profiles, " << f.cluster_count << " clusters\n";
}

void list_profiles(store::Store& store, bool json, const Style& s) {
  auto items = store.list_profiles();
  if (json) {
    std::cout << vakkaart::dump_canonical(catalog::profiles_summary_json(items));
    return;
  }
  for (const auto& p : items)
    std::cout << s.accent(p.id) << "  " << p.title << "  " << s.dim(p.framework_id) << "  "
              << p.main_activity_count << " main activities, " << p.activity_count
              << " activities\n";
}

void list_qualifications(store::Store& store, bool json, const Style& s) {
  auto items = store.list_qualifications();
  if (json) {
    std::cout << vakkaart::dump_canonical(catalog::qualifications_summary_json(items));
    return;
  }
  for (const auto& q : items)
    std::cout << s.accent(q.id) << "  " << q.title << "  " << s.dim(level_text(q.level)) << "  "
              << q.competence_count << " competences" << (q.current ? "  (current)" : "")
              << (q.withdrawn ? "  (ingetrokken/withdrawn)" : "") << "\n";
}

}  // namespace

void add_list_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("list", "List frameworks, profiles or qualifications");
  static std::string what;
  static bool as_json = false;
  cmd->add_option("what", what, "frameworks | profiles | qualifications")
      ->required()
      ->check(CLI::IsMember({"frameworks", "profiles", "qualifications"}));
  cmd->add_flag("--json", as_json, "Print JSON");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    Style s{ctx.color};
    if (what == "frameworks")
      list_frameworks(*store, as_json, s);
    if (what == "profiles")
      list_profiles(*store, as_json, s);
    if (what == "qualifications")
      list_qualifications(*store, as_json, s);
  });
}

}  // namespace vakkaart::cli
