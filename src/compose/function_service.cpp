#include "compose/function_service.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>
#include <set>
#include <thread>

#include "compose/function_edits.h"
#include "compose/history_event.h"
#include "core/error.h"
#include "exports/function_json.h"
#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::compose {

namespace {

store::StoredFunction to_stored(const model::FunctionProfile& f) {
  return {f.id,
          f.version,
          f.title,
          f.organisation,
          model::to_string(f.status),
          f.updated,
          vakkaart::dump_canonical(exports::function_to_json(f))};
}

model::FunctionProfile from_stored(const store::StoredFunction& s) {
  return exports::parse_function_json(s.body, "function " + s.id);
}

/// A readable id from the title ("Coördinator vrijwilligers" → "coordinator-vrijwilligers"),
/// numbered when taken.
std::string free_id(store::Store& store, const std::string& title) {
  std::string base = text::slugify(title);
  if (base.empty())
    base = "functie";
  if (base.size() > 60)
    base.resize(60);
  while (!base.empty() && base.back() == '-')
    base.pop_back();
  std::string id = base;
  for (int n = 2; store.find_function(id); ++n)
    id = base + "-" + std::to_string(n);
  return id;
}

/// A function's id is what its address holds (/functies/<id>, /api/functions/<id>), so one read
/// from a file must be one the routes can reach: letters, digits, '-' and '_', at most 100.
void check_function_id(const std::string& id) {
  const bool fits =
      !id.empty() && id.size() <= 100 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
      });
  if (!fits)
    throw Error(ErrorCode::parse_error,
                "the id '" + std::string(text::truncate_utf8(id, 120)) +
                    "' is not 1 to 100 letters, digits, '-' or '_' (it becomes the function's "
                    "web address)",
                {"", 0, "$.id"});
}

/// Ids must stay unique and never be handed out again, also in a function read from a file.
void check_ids(const model::FunctionProfile& f) {
  check_function_id(f.id);
  std::set<std::string> seen;
  auto check = [&](const std::string& id, const std::string& field) {
    auto n = part_id_number(id);
    if (!n)
      throw Error(ErrorCode::parse_error, "id '" + id + "' is not b<N> or i<N>", {"", 0, field});
    if (*n >= f.next_id)
      throw Error(ErrorCode::parse_error,
                  "id '" + id + "' is not below next_id " + std::to_string(f.next_id),
                  {"", 0, field});
    if (!seen.insert(id).second)
      throw Error(ErrorCode::parse_error, "id '" + id + "' is used twice", {"", 0, field});
  };
  for (std::size_t b = 0; b < f.blocks.size(); ++b) {
    std::string path = "$.blocks[" + std::to_string(b) + "]";
    check(f.blocks[b].id, path + ".id");
    for (std::size_t i = 0; i < f.blocks[b].items.size(); ++i)
      check(f.blocks[b].items[i].id, path + ".items[" + std::to_string(i) + "].id");
  }
}

/// The edits on a copy of `base`; Error naming the failing edit ("edits[2].items").
/// With `events`, also what each edit did in words a person knows (the history's events).
model::FunctionProfile apply_all(store::Store& store, const model::FunctionProfile& base,
                                 const std::vector<Edit>& edits, std::vector<std::string>& summary,
                                 std::vector<HistoryEvent>* events = nullptr) {
  model::FunctionProfile f = base;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    try {
      std::optional<model::FunctionProfile> before;
      if (events)
        before = f;
      summary.push_back(apply_edit(store, f, edits[i]));
      if (events)
        for (auto& e : describe_edit(edits[i], *before, f))
          events->push_back(std::move(e));
    } catch (const Error& e) {
      std::string field = "edits[" + std::to_string(i) + "]";
      if (!e.where().field.empty())
        field += "." + e.where().field;
      throw Error(e.code(), e.message(), {e.where().file, e.where().line, field});
    }
  }
  return f;
}

std::string conflict_line(const std::string& id, int stored, int base) {
  return "function '" + id + "' is at version " + std::to_string(stored) + ", not version " +
         std::to_string(base) + ": someone else changed it";
}

/// Errors of applying edits (what they name is missing, out of range, ...), as opposed to the
/// store failing.
bool is_edit_error(const Error& e) {
  switch (e.code()) {
    case ErrorCode::database_error:
    case ErrorCode::unavailable:
    case ErrorCode::io_error:
    case ErrorCode::internal:
      return false;
    default:
      return true;
  }
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

std::string utc_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

model::FunctionProfile FunctionService::create(const NewFunction& spec, const std::string& author) {
  if (spec.title.empty())
    throw Error(ErrorCode::invalid_argument, "a function needs a title", {"", 0, "title"});
  check_function_text(spec.title, kMaxItemChars, "title");
  check_function_text(spec.organisation, kMaxItemChars, "organisation");

  model::FunctionProfile f;
  f.title = spec.title;
  f.organisation = spec.organisation;
  f.framework_id = spec.framework_id;
  if (f.framework_id.empty()) {
    auto frameworks = store_.list_frameworks();
    if (!frameworks.empty())
      f.framework_id = frameworks.front().id;
  }
  std::optional<model::Framework> framework;
  if (!f.framework_id.empty()) {
    framework = store_.find_framework(f.framework_id);
    if (!framework)
      throw Error(ErrorCode::not_found, "no framework '" + f.framework_id + "'",
                  {"", 0, "framework"});
  }
  std::vector<std::string> summary{"created " + spec.title};
  // "De lerende professional staat in de kern van elk beroep": every function starts with it.
  if (spec.with_core && framework && !framework->profiles.empty() && !framework->layers.empty()) {
    const auto& core_layer = framework->layers.front().id;
    const model::Profile* profile = &framework->profiles.front();
    if (!spec.core_profile_id.empty()) {
      profile = framework->find_profile(spec.core_profile_id);
      if (!profile)
        throw Error(ErrorCode::not_found, "no profile '" + spec.core_profile_id + "'",
                    {"", 0, "core_profile"});
    }
    for (const auto& c : framework->clusters) {
      if (c.layer_id != core_layer)
        continue;
      for (const auto& pc : profile->clusters)
        if (pc.cluster_id == c.id)
          for (std::size_t n = 1; n <= pc.main_activities.size(); ++n) {
            std::string ref = profile->id + ":" + c.id + ":" + std::to_string(n);
            f.blocks.push_back(take_block(store_, f, ref, {}, ""));
            summary.push_back("took " + ref + " (the learning professional)");
          }
    }
  }
  f.id = free_id(store_, f.title);
  f.version = 1;
  f.created = f.updated = utc_now();
  store_.put_function(to_owned(f), 0,
                      {f.version, f.updated, author, join(summary),
                       events_to_text({{"create", {{"title", f.title}}}})});
  return f;
}

std::optional<store::StoredFunction> FunctionService::visible(const std::string& id) {
  auto stored = store_.find_function(id);
  if (stored && owner_ && stored->owner != *owner_)
    return std::nullopt;
  return stored;
}

store::StoredFunction FunctionService::to_owned(const model::FunctionProfile& f) const {
  store::StoredFunction s = to_stored(f);
  s.owner = owner_.value_or("demo");
  return s;
}

std::string FunctionService::owner_of(const std::string& id) {
  auto stored = visible(id);
  if (!stored)
    throw Error(ErrorCode::not_found, "no function '" + id + "'", {"", 0, "id"});
  return stored->owner;
}

model::FunctionProfile FunctionService::get(const std::string& id, std::optional<int> version) {
  auto stored = visible(id);
  if (stored && version)
    stored = store_.find_function(id, version);
  if (!stored)
    throw Error(ErrorCode::not_found,
                version ? "function '" + id + "' has no version " + std::to_string(*version)
                        : "no function '" + id + "'",
                {"", 0, version ? "version" : "id"});
  return from_stored(*stored);
}

std::vector<model::FunctionProfile> FunctionService::list() {
  std::vector<model::FunctionProfile> out;
  for (const auto& s : store_.list_functions(owner_))
    out.push_back(from_stored(s));
  return out;
}

EditOutcome FunctionService::edit(const std::string& id, int base_version,
                                  const std::vector<Edit>& edits, const std::string& author) {
  if (edits.empty())
    throw Error(ErrorCode::invalid_argument, "'edits' must be a non-empty array of edits",
                {"", 0, "edits"});
  if (edits.size() > kMaxEditsPerChange)
    throw Error(ErrorCode::too_large, "more than 500 edits in one change", {"", 0, "edits"});
  EditOutcome out;
  out.current = get(id);
  if (out.current.version != base_version) {
    // Someone saved in between: show them both, write nothing.
    out.summary.push_back(conflict_line(id, out.current.version, base_version));
    auto base = store_.find_function(id, base_version);
    if (base) {
      std::vector<std::string> yours;
      try {
        out.yours = apply_all(store_, from_stored(*base), edits, yours);
        out.summary.insert(out.summary.end(), yours.begin(), yours.end());
      } catch (const Error&) {
        out.yours.reset();  // the edits do not even apply to their own base; still a conflict
      }
    }
    return out;
  }
  std::vector<HistoryEvent> events;
  model::FunctionProfile f = apply_all(store_, out.current, edits, out.summary, &events);
  f.version = base_version + 1;
  f.updated = utc_now();
  try {
    store_.put_function(to_owned(f), base_version,
                        {f.version, f.updated, author, join(out.summary), events_to_text(events)});
  } catch (const Error& e) {
    if (e.code() != ErrorCode::conflict)
      throw;
    // Lost the race inside the store: the same answer as above, the conflict first.
    out.current = get(id);
    out.summary.insert(out.summary.begin(), conflict_line(id, out.current.version, base_version));
    out.yours = std::move(f);
    return out;
  }
  out.saved = true;
  out.current = std::move(f);
  return out;
}

EditOutcome FunctionService::edit_latest(const std::string& id, const std::vector<Edit>& edits,
                                         const std::string& author, const RetryPolicy& policy) {
  thread_local std::minstd_rand rng(std::random_device{}());
  int first_base = 0;
  for (int attempt = 1;; ++attempt) {
    int base = 0;
    EditOutcome out;
    try {
      base = get(id).version;
      if (attempt == 1)
        first_base = base;
      out = edit(id, base, edits, author);
    } catch (const Error& e) {
      if (attempt == 1 || !is_edit_error(e))
        throw;
      // They applied to the version first read, not to what others made of it since.
      if (base == 0)
        throw Error(ErrorCode::conflict,
                    "function '" + id + "' was deleted while this edit was saved", {"", 0, "id"});
      throw Error(ErrorCode::conflict,
                  "function '" + id + "' changed from version " + std::to_string(first_base) +
                      " to " + std::to_string(base) +
                      " while this edit was saved, and the edit no longer applies: " + e.message(),
                  {"", 0, e.where().field.empty() ? "version" : e.where().field});
    }
    if (out.saved)
      return out;
    if (attempt >= policy.attempts)
      throw Error(ErrorCode::conflict,
                  "function '" + id + "' is being changed by others: " + std::to_string(attempt) +
                      " attempts to save this edit each lost to another writer (now version " +
                      std::to_string(out.current.version) + ")",
                  {"", 0, "version"});
    int pause = std::min(policy.max_pause_ms, 2 * attempt);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(0, std::max(pause, 0))(rng)));
  }
}

std::vector<store::FunctionHistoryEntry> FunctionService::history(const std::string& id) {
  get(id);  // not_found for an unknown id rather than an empty history
  return store_.function_history(id);
}

model::FunctionProfile FunctionService::import(const model::FunctionProfile& function,
                                               const std::string& author, bool replace) {
  check_ids(function);
  check_function_texts(function);
  auto existing = store_.find_function(function.id);
  if (existing && owner_ && existing->owner != *owner_)
    throw Error(ErrorCode::conflict,
                "the id '" + function.id + "' is taken: give the imported function another id",
                {"", 0, "id"});
  if (existing && !replace)
    throw Error(ErrorCode::conflict,
                "function '" + function.id + "' exists already (use replace to overwrite it)",
                {"", 0, "id"});
  model::FunctionProfile f = function;
  int base = 0;
  if (existing) {
    // The history goes on: the imported content becomes the next version.
    base = existing->version;
    f.version = existing->version + 1;
    f.updated = utc_now();
  }
  store_.put_function(to_owned(f), base,
                      {f.version, utc_now(), author,
                       existing ? "replaced by an import" : "imported from canonical JSON",
                       events_to_text({{existing ? "replace" : "import", {{"title", f.title}}}})});
  return f;
}

model::FunctionProfile FunctionService::duplicate(const std::string& id, const std::string& title,
                                                  const std::string& author) {
  check_function_text(title, kMaxItemChars, "title");
  const std::string owner = owner_of(id);
  model::FunctionProfile original = get(id);
  model::FunctionProfile f = original;
  if (!title.empty())
    f.title = title;
  f.id = free_id(store_, f.title);
  f.version = 1;
  f.created = f.updated = utc_now();
  store::StoredFunction stored = to_stored(f);
  stored.owner = owner;  // a site admin's copy stays with the organisation of the original
  store_.put_function(stored, 0,
                      {f.version, f.updated, author, "duplicated from " + original.id,
                       events_to_text({{"duplicate", {{"title", original.title}}}})});
  return f;
}

void FunctionService::remove(const std::string& id, int base_version) {
  get(id);
  store_.delete_function(id, base_version);
}

}  // namespace vakkaart::compose
