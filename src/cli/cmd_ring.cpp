#include <iostream>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "core/error.h"
#include "render/ring_svg.h"

namespace vakkaart::cli {

void add_ring_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("ring", "Draw a profile's three-ring model as SVG");
  static std::string id;
  static std::string output;
  static std::string cluster;
  static std::string lang = "nl";
  cmd->add_option("profile", id, "A profile id, e.g. gemeenschapswerker")->required();
  cmd->add_option("-o,--output", output, "Write to this file instead of stdout");
  cmd->add_option("--cluster", cluster, "Draw this cluster as selected");
  cmd->add_option("--lang", lang, "nl (default) or en")->check(CLI::IsMember({"nl", "en"}));
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto record = store->find_profile(id);
    if (!record) {
      throw Error(ErrorCode::not_found, "no profile with id '" + id +
                                            "' (the ring model is drawn for profiles; "
                                            "`vakkaart list profiles` shows them)");
    }
    if (!cluster.empty() && record->framework.find_cluster(cluster) == nullptr) {
      throw Error(ErrorCode::not_found, "no cluster '" + cluster + "' in " + record->framework.id);
    }
    render::RingOptions options;
    options.selected_cluster = cluster;
    options.lang = lang;
    options.link_prefix = "#";
    const std::string svg = render::ring_svg(record->framework, record->profile, options);
    if (output.empty()) {
      std::cout << svg;
    } else {
      write_file_atomically(output, svg);
    }
  });
}

}  // namespace vakkaart::cli
