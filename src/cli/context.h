#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace vakkaart::cli {

/// What every subcommand shares: where the database is and how to write to the terminal.
struct Context {
  /// --db, else $VAKKAART_DB, else ./vakkaart.db: an SQLite path or a PostgreSQL URL.
  std::string db_path;
  bool color = false;  // stdout is a terminal and NO_COLOR is unset
  bool stderr_tty = false;

  std::unique_ptr<store::Store> open_store(store::OpenMode mode) const;
};

/// ANSI styling that disappears when colour is off.
struct Style {
  bool on;
  std::string bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
  std::string dim(const std::string& s) const { return on ? "\033[2m" + s + "\033[0m" : s; }
  std::string accent(const std::string& s) const { return on ? "\033[36m" + s + "\033[0m" : s; }
  std::string warn(const std::string& s) const { return on ? "\033[33m" + s + "\033[0m" : s; }
  std::string good(const std::string& s) const { return on ? "\033[32m" + s + "\033[0m" : s; }
};

}  // namespace vakkaart::cli
