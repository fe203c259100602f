#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/acting_user.h"
#include "cli/context.h"
#include "compose/edit.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::cli::function_cli {

// What the `vakkaart function …` subcommands share; cmd_function.cpp wires them up, one
// registration function per subcommand.

/// Options of the function subcommands; CLI11 binds to storage that outlives parsing.
struct Options {
  std::string id, title, org, framework, core_profile, source, items, cluster, format, output,
      lang = "nl", file, target, text, key, author, as;
  std::string set_title, set_purpose, set_context, set_org, set_status;
  bool no_core = false, json = false, original = false, replace = false;
  int expect_version = 0;  // 0: whatever version is stored
  std::optional<int> version;
};

Options& opts();

/// Who the change is made as (--as / --author; cli/acting_user.h), needing `needed`.
Acting acting(store::Store& store, auth::Role needed = auth::Role::editor);

/// Applies typed edits to a function and prints one line per edit on stderr. Without
/// --expect-version a race lost to another writer is retried on the fresh version; a conflict
/// that remains is Error(conflict) in one line.
model::FunctionProfile apply_edits(store::Store& store, const std::string& id,
                                   const std::vector<compose::Edit>& edits);

/// --expect-version, --as and --author, for every subcommand that changes a function.
void add_expect_version(CLI::App* cmd);

/// The whole file; Error(not_found) naming it when it cannot be read.
std::string read_file(const std::string& path);

/// "25", "12.5" or "none" as a weight in percent; Error(invalid_argument, field "weight") for
/// anything that is not a number (range is the library's rule).
compose::BlockWeight parse_weight(const std::string& text);

// Read-only subcommands (cmd_function_read.cpp).
void add_function_show(CLI::App& fn, Context& ctx);
void add_function_export(CLI::App& fn, Context& ctx);
void add_function_list(CLI::App& fn, Context& ctx);
void add_function_coverage(CLI::App& fn, Context& ctx);
void add_function_history(CLI::App& fn, Context& ctx);
void add_function_changes(CLI::App& fn, Context& ctx);

// Subcommands that change a function (cmd_function_edit.cpp).
void add_function_add(CLI::App& fn, Context& ctx);
void add_function_set(CLI::App& fn, Context& ctx);
void add_function_weight(CLI::App& fn, Context& ctx);
void add_function_reword(CLI::App& fn, Context& ctx);
void add_function_remove(CLI::App& fn, Context& ctx);
void add_function_edit(CLI::App& fn, Context& ctx);
void add_function_decisions(CLI::App& fn, Context& ctx);

// Subcommands that create or delete whole functions (cmd_function_store.cpp).
void add_function_new(CLI::App& fn, Context& ctx);
void add_function_import(CLI::App& fn, Context& ctx);
void add_function_delete(CLI::App& fn, Context& ctx);

}  // namespace vakkaart::cli::function_cli
