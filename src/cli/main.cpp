#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "core/error.h"

namespace vakkaart::cli {

std::unique_ptr<store::Store> Context::open_store(store::OpenMode mode) const {
  return store::open_store(db_path, mode);
}

namespace {

/// A usage error as one line: what CLI11 says (it names the option or argument) and where to
/// look; CLI11's own format adds a second line.
std::string usage_error_line(const CLI::App*, const CLI::Error& e) {
  std::string what = e.what();
  for (char& c : what)
    if (c == '\n')
      c = ' ';
  return "vakkaart: error: " + what + " (see --help)\n";
}

int run(int argc, char** argv) {
  CLI::App app{"vakkaart: occupational structures and professional qualifications, searchable"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(VAKKAART_VERSION));
  app.failure_message(usage_error_line);
  Context ctx;
  const char* env_db = std::getenv("VAKKAART_DB");
  ctx.db_path = env_db && *env_db ? env_db : "vakkaart.db";
  app.add_option("--db", ctx.db_path,
                 "The database: an SQLite file (a path or sqlite:PATH) or a PostgreSQL URL "
                 "(postgresql://user@host/db); default: $VAKKAART_DB or ./vakkaart.db");
  ctx.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  ctx.stderr_tty = isatty(STDERR_FILENO);

  add_import_command(app, ctx);
  add_list_command(app, ctx);
  add_show_command(app, ctx);
  add_export_command(app, ctx);
  add_search_command(app, ctx);
  add_ring_command(app, ctx);
  add_function_command(app, ctx);
  add_analyse_command(app, ctx);
  add_crosswalk_command(app, ctx);
  add_account_commands(app, ctx);
  add_db_command(app, ctx);
  add_serve_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  return 0;
}

}  // namespace
}  // namespace vakkaart::cli

int main(int argc, char** argv) {
  try {
    return vakkaart::cli::run(argc, argv);
  } catch (const vakkaart::Error& e) {
    std::cerr << "vakkaart: error: " << e.what() << "\n";
    return e.code() == vakkaart::ErrorCode::invalid_argument ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "vakkaart: internal error: " << e.what() << "\n";
    return 3;
  }
}
