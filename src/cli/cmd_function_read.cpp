// The `vakkaart function` subcommands that only read: show, export, list, coverage, history,
// changes.
#include <iostream>
#include <sstream>

#include "cli/function_cli.h"
#include "cli/function_printer.h"
#include "cli/output_file.h"
#include "compose/compose_json.h"
#include "compose/coverage.h"
#include "compose/function_service.h"
#include "core/error.h"
#include "exchange/function_sheet.h"
#include "exports/function_export.h"
#include "exports/function_json.h"

namespace vakkaart::cli::function_cli {

namespace {

void add_version_option(CLI::App* cmd) {
  cmd->add_option("--version", opts().version, "An earlier version")
      ->check(CLI::Range(1, 1'000'000'000));
}

}  // namespace

void add_function_show(CLI::App& fn, Context& ctx) {
  auto* cmd = fn.add_subcommand("show", "Show a function with its blocks and warnings");
  cmd->add_option("id", opts().id, "Function id")->required();
  cmd->add_flag("--json", opts().json, "Print the function, warnings and source changes as JSON");
  add_version_option(cmd);
  cmd->callback([&ctx] {
    const auto& o = opts();
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto f = compose::FunctionService(*store).get(o.id, o.version);
    auto warnings = compose::validate(f);
    auto changes = compose::pending_changes(*store, f);
    if (o.json) {
      std::cout << vakkaart::dump_canonical(compose::function_view_json(*store, f));
      return;
    }
    print_function(std::cout, f, store->find_framework(f.framework_id), warnings, changes,
                   Style{ctx.color});
  });
}

void add_function_export(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd =
      fn.add_subcommand("export", "Write a function as md, html, docx, pdf, json, csv or xlsx");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("--format", o.format, "md | html | docx | pdf | json | csv | xlsx")
      ->required()
      ->check(CLI::IsMember({"md", "markdown", "html", "docx", "pdf", "json", "csv", "xlsx"}));
  cmd->add_option("-o,--output", o.output, "File to write")->required();
  cmd->add_option("--lang", o.lang, "Labels in nl (default) or en")
      ->check(CLI::IsMember({"nl", "en"}));
  add_version_option(cmd);
  cmd->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto f = compose::FunctionService(*store).get(o.id, o.version);
    std::string bytes;
    if (o.format == "json") {
      bytes = vakkaart::dump_canonical(exports::function_to_json(f));
    } else if (auto sheet = exchange::sheet_format_from_name(o.format)) {
      bytes = exchange::function_to_sheet(f, *sheet);
    } else {
      auto format = exports::export_format_from_name(o.format);
      if (!format)
        throw Error(ErrorCode::invalid_argument, "unknown format '" + o.format + "'",
                    {"", 0, "format"});
      auto framework = store->find_framework(f.framework_id);
      bytes = exports::export_function(f, framework ? &*framework : nullptr, *format, o.lang);
    }
    write_file_atomically(o.output, bytes);
  });
}

void add_function_list(CLI::App& fn, Context& ctx) {
  auto* cmd = fn.add_subcommand("list", "List the functions");
  cmd->add_flag("--json", opts().json, "Print JSON");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto functions = compose::FunctionService(*store).list();
    if (opts().json) {
      std::cout << vakkaart::dump_canonical(compose::function_summaries_json(functions));
      return;
    }
    Style s{ctx.color};
    if (functions.empty())
      std::cout << s.dim("No functions yet: vakkaart function new TITLE") << "\n";
    for (const auto& f : functions)
      std::cout << s.bold(f.id) << "  " << f.title
                << (f.organisation.empty() ? "" : " · " + f.organisation) << "  "
                << s.dim("v" + std::to_string(f.version) + ", " + model::to_string(f.status) +
                         ", " + std::to_string(f.blocks.size()) + " blocks, " + f.updated)
                << "\n";
  });
}

void add_function_coverage(CLI::App& fn, Context& ctx) {
  auto* cmd = fn.add_subcommand("coverage", "Which profiles a function resembles, per ring");
  cmd->add_option("id", opts().id, "Function id")->required();
  cmd->add_flag("--json", opts().json, "Print JSON");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto f = compose::FunctionService(*store).get(opts().id);
    auto result = compose::CoverageIndex::build(*store)->measure(f);
    if (opts().json) {
      std::cout << vakkaart::dump_canonical(compose::coverage_to_json(result));
      return;
    }
    print_coverage(std::cout, result, Style{ctx.color});
  });
}

void add_function_history(CLI::App& fn, Context& ctx) {
  auto* cmd = fn.add_subcommand("history", "Who changed a function, when, and what");
  cmd->add_option("id", opts().id, "Function id")->required();
  cmd->add_flag("--json", opts().json, "Print JSON");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto entries = compose::FunctionService(*store).history(opts().id);
    if (opts().json) {
      std::cout << vakkaart::dump_canonical(compose::history_to_json(entries));
      return;
    }
    Style s{ctx.color};
    for (const auto& h : entries) {
      std::cout << s.bold("v" + std::to_string(h.version)) << "  " << h.at
                << (h.author.empty() ? "" : "  " + h.author) << "\n";
      std::istringstream lines(h.summary);
      for (std::string line; std::getline(lines, line);)
        std::cout << "    " << line << "\n";
    }
  });
}

void add_function_changes(CLI::App& fn, Context& ctx) {
  auto* cmd = fn.add_subcommand("changes", "Changes in the sources a function took from");
  cmd->add_option("id", opts().id, "Function id")->required();
  cmd->add_flag("--json", opts().json, "Print JSON");
  cmd->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto f = compose::FunctionService(*store).get(opts().id);
    auto list = compose::pending_changes(*store, f);
    if (opts().json) {
      std::cout << vakkaart::dump_canonical(compose::changes_to_json(list));
      return;
    }
    if (list.empty())
      std::cout << "No changes in the sources.\n";
    for (const auto& c : list) {
      std::cout << c.key << "  " << c.type << " in " << c.block_id << " (" << c.old_version << " → "
                << c.new_version << ")\n";
      if (!c.old_text.empty())
        std::cout << "    - " << c.old_text << "\n";
      if (!c.new_text.empty())
        std::cout << "    + " << c.new_text << "\n";
    }
  });
}

}  // namespace vakkaart::cli::function_cli
