#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace vakkaart::cli {

// Each subcommand registers its options and its callback on the app. Callbacks throw
// vakkaart::Error; main() turns that into a message on stderr and a non-zero exit.
void add_import_command(CLI::App& app, Context& ctx);
void add_list_command(CLI::App& app, Context& ctx);
void add_show_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
void add_serve_command(CLI::App& app, Context& ctx);
void add_search_command(CLI::App& app, Context& ctx);
void add_ring_command(CLI::App& app, Context& ctx);
void add_function_command(CLI::App& app, Context& ctx);
void add_analyse_command(CLI::App& app, Context& ctx);
void add_crosswalk_command(CLI::App& app, Context& ctx);
/// org, user, token, audit
void add_account_commands(CLI::App& app, Context& ctx);
void add_db_command(CLI::App& app, Context& ctx);

}  // namespace vakkaart::cli
