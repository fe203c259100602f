#pragma once

#include <memory>
#include <string>

namespace vakkaart::store {

/// Tells a process when its database may have changed, whoever changed it (this process,
/// another server on the same database, the CLI). What a server keeps derived from the
/// database (whole responses, indexes) is valid for one generation only.
class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  /// A token that differs from every earlier one once a commit may have landed since. When the
  /// feed cannot tell (its connection is down) every call returns a new token, so nothing
  /// derived is trusted.
  virtual std::string generation() = 0;
};

/// The feed of the database at `location` (as open_store takes it). SQLite: the file's and its
/// WAL's size and modification time. PostgreSQL: a listener thread on its own connection that
/// counts NOTIFY vakkaart_changes (sent by every write transaction's commit) and reconnects
/// when the server goes away.
std::unique_ptr<ChangeFeed> watch_changes(const std::string& location);

}  // namespace vakkaart::store
