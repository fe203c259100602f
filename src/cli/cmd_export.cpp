#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/crosswalk.h"
#include "catalog/export_service.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "exchange/framework_xlsx.h"
#include "exchange/rdf_jsonld.h"
#include "exchange/rdf_turtle.h"

namespace vakkaart::cli {

void add_export_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("export", "Export a framework, profile or qualification");
  static std::string id;
  static std::string format = "json";
  static std::string output;
  cmd->add_option("id", id, "e.g. sociare-2016, gemeenschapswerker, BK-0338-3")->required();
  static std::string base_url;
  cmd->add_option("--format", format,
                  "Output format: json (vakkaart's own), case (1EdTech CASE 1.1 CFPackage), "
                  "skos-jsonld or skos-turtle (SKOS concept scheme), csv (a framework's "
                  "spreadsheet, one row per statement), xlsx (the same as a workbook)")
      ->check(CLI::IsMember({"json", "case", "skos-jsonld", "skos-turtle", "csv", "xlsx"}));
  cmd->add_option("--base-url", base_url,
                  "SKOS: the server's public URL the IRIs are built on (default: urn:vakkaart:)");
  cmd->add_option("-o,--output", output, "Write to this file instead of stdout");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    // CASE carries the crosswalks too: as every reader does, recompute them first when stale
    // (through a writable store, opened only then).
    auto alignments = [&ctx, &store](const store::AlignmentFilter& filter) {
      return analysis::current_crosswalks(
          *store, [&ctx] { return ctx.open_store(store::OpenMode::read_write); }, filter);
    };
    std::string text;
    if (format == "skos-jsonld" || format == "skos-turtle") {
      exchange::SkosOptions options;
      options.base_url = base_url;
      auto graph = catalog::export_skos(*store, id, options, alignments);
      text = format == "skos-turtle" ? exchange::to_turtle(graph)
                                     : vakkaart::dump_canonical(exchange::to_jsonld(graph));
    } else if (format == "csv") {
      text = exchange::rows_to_csv(catalog::export_sheet_rows(*store, id));
    } else if (format == "xlsx") {
      text = exchange::rows_to_xlsx(catalog::export_sheet_rows(*store, id));
    } else {
      text = vakkaart::dump_canonical(format == "case"
                                          ? catalog::export_case(*store, id, {}, alignments)
                                          : catalog::export_json(*store, id));
    }
    if (output.empty()) {
      std::cout << text;
    } else {
      write_file_atomically(output, text);
    }
  });
}

}  // namespace vakkaart::cli
