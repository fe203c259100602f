// `vakkaart db copy | check | backup`: moving a database between SQLite and PostgreSQL,
// checking one, and a consistent copy of a live SQLite file (docs/operations.md).
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/terminal_bar.h"
#include "core/error.h"
#include "core/json.h"
#include "store/database_tools.h"

namespace vakkaart::cli {

namespace {

struct DbOptions {
  std::string from, to, file;
  bool json = false;
};

DbOptions& dbopts() {
  static DbOptions o;
  return o;
}

void print_tables(const std::vector<std::pair<std::string, long long>>& tables) {
  for (const auto& [table, rows] : tables)
    std::cout << "  " << table << std::string(table.size() < 22 ? 22 - table.size() : 1, ' ')
              << rows << "\n";
}

Json tables_json(const std::vector<std::pair<std::string, long long>>& tables) {
  Json out = Json::object();
  for (const auto& [table, rows] : tables)
    out[table] = rows;
  return out;
}

void add_copy(CLI::App& db, Context& ctx) {
  auto& o = dbopts();
  auto* copy = db.add_subcommand(
      "copy", "Copy everything from one database to a new, empty one (SQLite <-> PostgreSQL)");
  copy->add_option("--from", o.from, "Source: an SQLite path or a PostgreSQL URL")->required();
  copy->add_option("--to", o.to, "Destination (empty): an SQLite path or a PostgreSQL URL")
      ->required();
  copy->add_flag("--json", o.json, "Rows per table as JSON");
  copy->callback([&ctx, &o] {
    store::CopyProgress progress;
    if (ctx.stderr_tty)
      progress = [](const std::string& table, std::size_t i, std::size_t n) {
        std::cerr << "\r\033[Kcopying " << percent_bar(100.0 * i / n, 20) << " " << i << "/" << n
                  << " " << table << std::flush;
        if (i == n)
          std::cerr << "\r\033[K" << std::flush;
      };
    const auto report = store::copy_database(o.from, o.to, progress);
    if (o.json) {
      std::cout << Json{{"from", store::display_location(o.from)},
                        {"to", store::display_location(o.to)},
                        {"tables", tables_json(report.tables)}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << "copied " << store::display_location(o.from) << " to "
              << store::display_location(o.to) << ":\n";
    print_tables(report.tables);
  });
}

void add_check(CLI::App& db, Context& ctx) {
  auto& o = dbopts();
  auto* check = db.add_subcommand(
      "check", "Check the database (--db): engine integrity, references, every function version");
  check->add_flag("--json", o.json, "The report as JSON");
  check->callback([&ctx, &o] {
    const auto report = store::check_database(ctx.db_path);
    if (o.json) {
      std::cout << Json{{"database", store::display_location(ctx.db_path)},
                        {"tables", tables_json(report.tables)},
                        {"problems", report.problems},
                        {"ok", report.problems.empty()}}
                       .dump(2)
                << "\n";
    } else {
      std::cout << store::display_location(ctx.db_path) << ":\n";
      print_tables(report.tables);
      for (const auto& p : report.problems)
        std::cout << "problem: " << p << "\n";
      std::cout << (report.problems.empty() ? "ok" : "NOT OK") << "\n";
    }
    if (!report.problems.empty())
      throw Error(ErrorCode::database_error,
                  std::to_string(report.problems.size()) + " problem(s) found",
                  {store::display_location(ctx.db_path), 0, ""});
  });
}

void add_backup(CLI::App& db, Context& ctx) {
  auto& o = dbopts();
  auto* backup = db.add_subcommand(
      "backup", "Back up the SQLite database (--db) to FILE while servers keep using it");
  backup->add_option("file", o.file, "The backup file to create (must not exist)")->required();
  backup->callback([&ctx, &o] {
    std::function<void(int, int)> progress;
    if (ctx.stderr_tty)
      progress = [](int remaining, int total) {
        const double done = total > 0 ? 100.0 * (total - remaining) / total : 100.0;
        std::cerr << "\r\033[Kbacking up " << percent_bar(done, 20) << std::flush;
        if (remaining == 0)
          std::cerr << "\r\033[K" << std::flush;
      };
    store::backup_sqlite(ctx.db_path, o.file, progress);
    std::cout << o.file << "\n";
  });
}

}  // namespace

void add_db_command(CLI::App& app, Context& ctx) {
  auto* db = app.add_subcommand("db", "Move, check and back up databases");
  db->require_subcommand(1);
  add_copy(*db, ctx);
  add_check(*db, ctx);
  add_backup(*db, ctx);
}

}  // namespace vakkaart::cli
