// The `vakkaart function` subcommands that create or delete a whole function: new, import,
// delete.
#include <iostream>

#include "cli/function_cli.h"
#include "compose/function_service.h"
#include "exchange/function_sheet_reader.h"
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
  cmd->add_option("--as", o.as, "The user making the change (required once users exist)");
  cmd->add_option("--author", o.author,
                  "Who makes the change, on a database without users (default: $USER)");
  cmd->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    const Acting who = acting(*store);
    compose::NewFunction spec{o.title, o.org, o.framework, o.core_profile, !o.no_core};
    store->in_transaction([&] {
      const auto f = compose::FunctionService(*store, who.owner).create(spec, who.author);
      audit_cli(*store, who, "function.create", f.id, f.title);
      std::cout << f.id << "\n";
    });
  });
}

void add_function_import(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("import", "Store a function from its canonical JSON or its sheet");
  cmd->add_option("file", o.file,
                  "JSON, CSV or XLSX file (as `function export --format json|csv|xlsx` writes)")
      ->required();
  cmd->add_flag("--replace", o.replace, "Replace a function with the same id");
  cmd->add_option("--as", o.as, "The user making the change (required once users exist)");
  cmd->add_option("--author", o.author,
                  "Who makes the change, on a database without users (default: $USER)");
  cmd->callback([&ctx, &o] {
    const std::string bytes = read_file(o.file);
    auto sheet = exchange::read_function_sheet(bytes, o.file);
    auto f = sheet ? *sheet : exports::parse_function_json(bytes, o.file);
    auto store = ctx.open_store(store::OpenMode::read_write);
    const Acting who = acting(*store);
    store->in_transaction([&] {
      const auto stored =
          compose::FunctionService(*store, who.owner).import(f, who.author, o.replace);
      audit_cli(*store, who, "function.import", stored.id, o.replace ? "replace" : "");
      std::cout << stored.id << "\n";
    });
  });
}

void add_function_delete(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("delete", "Delete a function and its history");
  cmd->add_option("id", o.id, "Function id")->required();
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    const Acting who = acting(*store);
    compose::FunctionService service(*store, who.scope);
    store->in_transaction([&] {
      service.remove(o.id, o.expect_version ? o.expect_version : service.get(o.id).version);
      audit_cli(*store, who, "function.delete", o.id);
    });
  });
}

}  // namespace vakkaart::cli::function_cli
