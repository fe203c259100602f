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
  std::vector<store::FunctionHistoryEntry> history(const std::string& id);
  /// Stores a function read from canonical JSON exactly as it is (its id, version and dates),
  /// with a history entry; Error(conflict) when that id exists unless `replace`.
  model::FunctionProfile import(const model::FunctionProfile& function, const std::string& author,
                                bool replace);
  void remove(const std::string& id, int base_version);
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
