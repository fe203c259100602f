// The `vakkaart function` subcommands that create or delete a whole function: new, import,
// delete.
#include <iostream>

#include "cli/function_cli.h"
#include "compose/function_service.h"
#include "exports/function_json.h"

namespace vakkaart::cli::function_cli {

void add_function_new(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("new", "Start a function; prints its id alone");
  cmd->add_option("title", o.title, "Its title, e.g. \"Coördinator vrijwilligers\"")->required();
  cmd->add_option("--org", o.org, "The organisation");
  cmd->add_option("--framework", o.framework, "Framework for the ring model (default: first)");
  cmd->add_option("--core-profile", o.core_profile,
                  "Profile whose learning-professional core to start with");
  cmd->add_flag("--no-core", o.no_core, "Start empty, without the learning professional");
  cmd->add_option("--author", o.author, "Who makes the change (default: $USER)");
  cmd->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    compose::NewFunction spec{o.title, o.org, o.framework, o.core_profile, !o.no_core};
    std::cout << compose::FunctionService(*store).create(spec, author_or_user()).id << "\n";
  });
}

void add_function_import(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("import", "Store a function from its canonical JSON");
  cmd->add_option("file", o.file, "JSON file (as `function export --format json` writes)")
      ->required();
  cmd->add_flag("--replace", o.replace, "Replace a function with the same id");
  cmd->callback([&ctx, &o] {
    auto f = exports::parse_function_json(read_file(o.file), o.file);
    auto store = ctx.open_store(store::OpenMode::read_write);
    std::cout << compose::FunctionService(*store).import(f, author_or_user(), o.replace).id << "\n";
  });
}

void add_function_delete(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("delete", "Delete a function and its history");
  cmd->add_option("id", o.id, "Function id")->required();
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    compose::FunctionService service(*store);
    service.remove(o.id, o.expect_version ? o.expect_version : service.get(o.id).version);
  });
}

}  // namespace vakkaart::cli::function_cli
