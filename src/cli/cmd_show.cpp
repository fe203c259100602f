#include <iostream>

#include "catalog/export_service.h"
#include "cli/commands.h"
#include "cli/tree_printer.h"
#include "core/error.h"

namespace vakkaart::cli {

void add_show_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("show", "Show a framework, profile or qualification as a tree");
  static std::string id;
  static bool as_json = false;
  cmd->add_option("id", id, "e.g. sociare-2016, gemeenschapswerker, BK-0338-3 or BK-0338")
      ->required();
  cmd->add_flag("--json", as_json, "Print canonical JSON instead of a tree");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    if (as_json) {
      std::cout << vakkaart::dump_canonical(catalog::export_json(*store, id));
      return;
    }
    Style s{ctx.color};
    switch (catalog::resolve_id(*store, id)) {
      case catalog::IdKind::framework:
        print_framework_tree(std::cout, *store->find_framework(id), s);
        break;
      case catalog::IdKind::profile: {
        auto r = store->find_profile(id);
        print_profile_tree(std::cout, r->framework, r->profile, s);
        break;
      }
      case catalog::IdKind::qualification: {
        auto q = store->find_qualification(id);
        print_qualification_tree(std::cout, *q, store->qualification_versions(q->code), s);
        break;
      }
    }
  });
}

}  // namespace vakkaart::cli
