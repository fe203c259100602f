// `vakkaart function …`: compose a job profile from blocks of the professions and
// qualifications. Every command that changes a function is one typed edit of
// compose::FunctionService, so the CLI, the API and the composer page share the same rules and
// the same history. The subcommands live in cmd_function_read.cpp (show, export, ...),
// cmd_function_edit.cpp (add, set, weight, ...) and cmd_function_store.cpp (new, import, delete).
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/function_cli.h"
#include "compose/function_service.h"
#include "core/error.h"

namespace vakkaart::cli {

namespace function_cli {

Options& opts() {
  static Options o;
  return o;
}

Acting acting(store::Store& store, auth::Role needed) {
  return acting_as(store, opts().as, opts().author, needed);
}

model::FunctionProfile apply_edits(store::Store& store, const std::string& id,
                                   const std::vector<compose::Edit>& edits) {
  const Acting who = acting(store);
  compose::FunctionService service(store, who.scope);
  compose::EditOutcome outcome;
  // The edit and its audit entry are one transaction (which also serialises CLI writers).
  store.in_transaction([&] {
    if (!opts().expect_version) {
      // Meant for whatever is stored: a race lost to another writer is retried on the fresh
      // version, and fails in one line only when the edit no longer applies there.
      outcome = service.edit_latest(id, edits, who.author);
    } else {
      outcome = service.edit(id, opts().expect_version, edits, who.author);
    }
    if (outcome.saved)
      audit_cli(store, who, "function.edit", id,
                "version " + std::to_string(outcome.current.version) + ": " +
                    std::to_string(edits.size()) + " edit(s)");
  });
  if (!outcome.saved) {
    // One line: the conflict and where to see what is stored now.
    throw Error(ErrorCode::conflict,
                outcome.summary.front() + "; nothing saved (`vakkaart function show " + id +
                    "` shows the stored version)",
                {"", 0, "version"});
  }
  for (const auto& line : outcome.summary)
    std::cerr << line << "\n";
  return outcome.current;
}

void add_expect_version(CLI::App* cmd) {
  cmd->add_option("--expect-version", opts().expect_version,
                  "Fail with a conflict unless the function is at this version")
      ->check(CLI::Range(1, 1'000'000'000));
  cmd->add_option("--as", opts().as, "The user making the change (required once users exist)");
  cmd->add_option("--author", opts().author,
                  "Who makes the change, on a database without users (default: $USER)");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::not_found, "cannot read the file", {path, 0, ""});
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

compose::BlockWeight parse_weight(const std::string& text) {
  if (text == "none")
    return std::nullopt;
  double w = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, w);
  // Strict: no leading blanks or trailing text; "1e999" is out of range. "inf" and "nan" are
  // numbers here and meet the library's 0-100 rule.
  if (text.empty() || ec != std::errc() || stop != end)
    throw Error(ErrorCode::invalid_argument, "weight '" + text + "' is not a number",
                {"", 0, "weight"});
  return w;
}

}  // namespace function_cli

void add_function_command(CLI::App& app, Context& ctx) {
  auto* fn = app.add_subcommand("function", "Compose job profiles out of the professions");
  fn->require_subcommand(1);
  using namespace function_cli;
  add_function_new(*fn, ctx);
  add_function_add(*fn, ctx);
  add_function_show(*fn, ctx);
  add_function_export(*fn, ctx);
  add_function_list(*fn, ctx);
  add_function_coverage(*fn, ctx);
  add_function_set(*fn, ctx);
  add_function_weight(*fn, ctx);
  add_function_reword(*fn, ctx);
  add_function_remove(*fn, ctx);
  add_function_edit(*fn, ctx);
  add_function_history(*fn, ctx);
  add_function_changes(*fn, ctx);
  add_function_decisions(*fn, ctx);
  add_function_import(*fn, ctx);
  add_function_delete(*fn, ctx);
}

}  // namespace vakkaart::cli
