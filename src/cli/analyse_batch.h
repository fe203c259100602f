#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace vakkaart::cli {

/// Registers the bulk options of `vakkaart analyse`: --batch INPUT.jsonl|DIR, --out REPORT_DIR,
/// --threads N, --restart, --checkpoint-every N.
void add_analyse_batch_options(CLI::App* cmd, Context& ctx);

/// Runs the bulk analysis when --batch was given and returns true; false otherwise.
bool run_analyse_batch_if_asked(Context& ctx);

}  // namespace vakkaart::cli
