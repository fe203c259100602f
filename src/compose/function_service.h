#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/edit.h"
#include "compose/validation.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// Every saved change of a function is kept; a change of more edits than this is no user's.
constexpr std::size_t kMaxEditsPerChange = 500;

/// What a new function starts from.
struct NewFunction {
  std::string title;
  std::string organisation;
  /// The framework whose ring model groups the blocks; empty: the first stored framework.
  std::string framework_id;
  /// The profile whose learning-professional core the function starts with; empty: the
  /// framework's first profile. The user may remove that block.
  std::string core_profile_id;
  bool with_core = true;
};

/// What one saved change did.
struct EditOutcome {
  /// False when the function changed since the version the edits were made on: nothing was
  /// written; `current` is the stored function and `yours` what the edits would have given.
  bool saved = false;
  model::FunctionProfile current;
  std::optional<model::FunctionProfile> yours;
  std::vector<std::string> summary;  // one line per edit
};

/// How edits meant for whatever version is stored retry when another writer saves first.
struct RetryPolicy {
  /// Attempts in all. Each lost attempt means another edit was saved in between, so 20 carry
  /// an edit through 19 concurrent writers of the same function.
  int attempts = 20;
  /// The pause before attempt n is random in [0, min(n × 2 ms, this)], so writers that lost
  /// together do not collide again in step.
  int max_pause_ms = 20;
};

/// Function profiles of organisations: create, edit (each change one transaction with a
/// history entry), import, delete. Errors are vakkaart::Error.
///
/// A service scoped to an organisation (`owner`) sees only that organisation's functions: any
/// other is "not found", so its existence is not revealed, and what it creates or imports
/// belongs to it. Unscoped (the CLI's operator, a site admin) it sees every function and creates
/// in the demo organisation.
class FunctionService {
 public:
  explicit FunctionService(store::Store& store, std::optional<std::string> owner = std::nullopt)
      : store_(store), owner_(std::move(owner)) {}

  model::FunctionProfile create(const NewFunction& spec, const std::string& author);
  /// The function now, or one earlier version of it; Error(not_found) otherwise.
  model::FunctionProfile get(const std::string& id, std::optional<int> version = {});
  std::vector<model::FunctionProfile> list();
  /// Applies the edits, in order, all or nothing, on top of `base_version`. An Error names the
  /// failing edit and its field ("edits[2].items").
  EditOutcome edit(const std::string& id, int base_version, const std::vector<Edit>& edits,
                   const std::string& author);
  /// Applies the edits on the version stored now; when another writer saves in between, applies
  /// them again on the fresh version (see RetryPolicy). The outcome is saved, or an Error:
  /// Error(conflict) in one line naming the conflict when the edits no longer apply to the fresh
  /// version or every attempt lost its race; an edit that does not apply at all fails as in edit().
  EditOutcome edit_latest(const std::string& id, const std::vector<Edit>& edits,
                          const std::string& author, const RetryPolicy& policy = {});
  std::vector<store::FunctionHistoryEntry> history(const std::string& id);
  /// Stores a function read from canonical JSON exactly as it is (its id, version and dates),
  /// with a history entry; Error(conflict) when that id exists unless `replace`.
  model::FunctionProfile import(const model::FunctionProfile& function, const std::string& author,
                                bool replace);
  void remove(const std::string& id, int base_version);
  /// A copy of function `id` as it is now, under a new id and `title` (empty: the same title),
  /// for the same organisation, as version 1 with a history of its own.
  model::FunctionProfile duplicate(const std::string& id, const std::string& title,
                                   const std::string& author);
  /// The organisation that owns function `id` (not_found as get()).
  std::string owner_of(const std::string& id);

 private:
  /// The stored current function, when this service may see it.
  std::optional<store::StoredFunction> visible(const std::string& id);
  store::StoredFunction to_owned(const model::FunctionProfile& f) const;

  store::Store& store_;
  std::optional<std::string> owner_;
};

/// Now as ISO 8601 UTC, seconds precision ("2026-11-26T03:40:00Z").
std::string utc_now();

}  // namespace vakkaart::compose
