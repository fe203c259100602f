#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/alignment.h"
#include "model/document.h"
#include "model/labels.h"
#include "store/account_store.h"

namespace vakkaart::store {

/// What writing one document did.
enum class PutOutcome {
  created,    // it was not there
  unchanged,  // the same content was already stored: nothing written
  replaced,   // an earlier import of the same id was replaced
};

struct PutResult {
  std::string kind;  // "framework" | "qualification"
  std::string id;
  PutOutcome outcome = PutOutcome::created;
  /// Consequences worth reporting, e.g. "BK-0338-2 is no longer current".
  std::vector<std::string> notes;
};

struct FrameworkSummary {
  std::string id;
  std::string title;
  std::string date;
  int profile_count = 0;
  int cluster_count = 0;
};

struct ProfileSummary {
  std::string id;
  std::string title;
  std::string framework_id;
  int main_activity_count = 0;
  int activity_count = 0;           // every activity, sub-activities too (as the ring counts them)
  model::Labels title_labels = {};  // the title in other languages (issue 18), for lists
};

struct QualificationSummary {
  std::string id;
  std::string code;
  int version = 0;
  bool current = false;
  std::string title;
  model::Level level;
  int competence_count = 0;
  bool withdrawn = false;
};

/// A profile together with the framework it belongs to (layers and clusters; no profiles).
struct ProfileRecord {
  model::Framework framework;
  model::Profile profile;
};

/// One place where a statement occurs, with everything search needs to filter and show it.
struct StatementOccurrence {
  int64_t statement_id = 0;
  std::string text;
  /// activity | sub_activity | main_activity | definition | competence | competence_activity |
  /// knowledge | environment_context | action_context | independent_in | bound_to | relies_on |
  /// responsibility
  std::string kind;
  // Framework side (empty for qualifications).
  std::string framework_id, profile_id, profile_title, layer_id, cluster_id, cluster_title;
  std::optional<std::string> main_activity_title;
  int main_activity_position = 0;  // 1-based within its cluster, 0 if not applicable
  // Qualification side (empty for frameworks).
  std::string qualification_id, qualification_title;
  std::optional<int> vks;
  int competence_number = 0;  // 0 if not applicable
  std::string competence_title;
  /// Also for the descriptor class or knowledge kind of competence lines.
  std::string detail;
  /// The statement's translations in its framework (issue 18), any language; search indexes
  /// them too.
  std::vector<std::string> labels = {};
};

/// A function profile as stored: its canonical JSON and what lists show without parsing it.
struct StoredFunction {
  std::string id;
  int version = 0;
  std::string title;
  std::string organisation;
  std::string status;
  std::string updated;
  std::string body;  // canonical JSON
  /// The slug of the organisation the function belongs to (not part of its JSON: ownership is
  /// the server's business, and an exported function may be imported by another organisation).
  std::string owner = "demo";
};

/// One saved version of a function: who changed it, when, and what.
struct FunctionHistoryEntry {
  int version = 0;
  std::string at;       // ISO 8601 UTC
  std::string author;   // as given by the client; "" when unknown
  std::string summary;  // English, one line per edit joined (for the CLI and logs)
  /// What the change did as a JSON array of {op, params} (compose/history_event.h), so a UI
  /// can say it in its own language; "" for versions saved before events were kept.
  std::string events = "";
};

/// Which alignments (crosswalks) to list; the parts combine with AND, an empty part is any.
struct AlignmentFilter {
  /// Source refs ("BK-0338-3:5") or item ids ("BK-0338-3", "campagnewerker").
  std::vector<std::string> sources;
  std::vector<std::string> targets;
  std::optional<model::AlignmentType> type;
  std::optional<model::AlignmentStatus> status;
};

struct StoreStats {
  long long statements = 0;
  long long frameworks = 0;
  long long profiles = 0;
  long long qualifications = 0;
};

/// Persistence of frameworks and qualifications. Implemented once in SQL (store/sql) over two
/// backends: SQLite (embedded default) and PostgreSQL. Errors are vakkaart::Error with
/// code database_error (or conflict / not_found where that is what happened).
class Store {
 public:
  virtual ~Store() = default;

  /// Writes all documents in one transaction: all are stored, or none and the store is
  /// unchanged. Writing a document identical to the stored one writes nothing.
  virtual std::vector<PutResult> put_documents(const std::vector<model::Document>& docs) = 0;

  virtual std::vector<FrameworkSummary> list_frameworks() = 0;
  virtual std::vector<ProfileSummary> list_profiles() = 0;
  virtual std::vector<QualificationSummary> list_qualifications() = 0;

  virtual std::optional<model::Framework> find_framework(const std::string& id) = 0;
  virtual std::optional<ProfileRecord> find_profile(const std::string& id) = 0;
  /// Accepts a versioned id ("BK-0338-3") or a code ("BK-0338", meaning its current version).
  virtual std::optional<model::Qualification> find_qualification(const std::string& id) = 0;
  /// All stored versions of a qualification code, ascending.
  virtual std::vector<int> qualification_versions(const std::string& code) = 0;

  virtual StoreStats stats() = 0;

  /// Every occurrence of every statement (frameworks and qualifications), ordered by statement
  /// id: the input of the search index, which is derived data rebuilt from here.
  virtual std::vector<StatementOccurrence> statement_occurrences() = 0;
  /// Changes whenever stored content changes; the search index records it to detect staleness.
  virtual std::string content_version() = 0;

  // Function profiles. Writes are optimistic: each names the version it was made on, and a
  // write on top of another version fails with Error(conflict) and changes nothing.

  /// Every function, ordered by title; only `owner`'s when given.
  virtual std::vector<StoredFunction> list_functions(
      const std::optional<std::string>& owner = std::nullopt) = 0;
  /// The function now, or one saved version of it.
  virtual std::optional<StoredFunction> find_function(const std::string& id,
                                                      std::optional<int> version = {}) = 0;
  /// Stores `function` (its version must be above `base_version`; its owner is kept from the
  /// stored function when there is one) with a history entry, in one
  /// transaction; `base_version` 0 means the id must be new.
  virtual void put_function(const StoredFunction& function, int base_version,
                            const FunctionHistoryEntry& entry) = 0;
  /// Deletes a function and its history; Error(conflict) unless it is at `base_version`.
  virtual void delete_function(const std::string& id, int base_version) = 0;
  /// Saved versions, newest first.
  virtual std::vector<FunctionHistoryEntry> function_history(const std::string& id) = 0;

  // Crosswalks: alignments computed by analysis/crosswalk, confirmed or rejected by people.
  // A decision is kept by its (source_ref, target_ref) pair across recomputations.

  /// What the stored computed alignments were made from, as given to replace_alignments; ""
  /// when they were never computed.
  virtual std::string crosswalk_version() = 0;
  /// In one transaction: when the content version is still `content_version`, replaces every
  /// undecided alignment by `computed`, refreshes the score, type and titles of decided ones
  /// (a decided pair no longer computed is kept with its last score, marked not computed),
  /// records `crosswalk_version` and returns true. When the content changed since the
  /// computation read it, writes nothing and returns false.
  virtual bool replace_alignments(const std::vector<model::Alignment>& computed,
                                  const std::string& content_version,
                                  const std::string& crosswalk_version) = 0;
  /// Alignments in model order of their sources, best first per source.
  virtual std::vector<model::Alignment> list_alignments(const AlignmentFilter& filter) = 0;
  virtual std::optional<model::Alignment> find_alignment(const std::string& source_ref,
                                                         const std::string& target_ref) = 0;
  /// Confirms or rejects a stored alignment (`decision` confirmed or rejected), noting who and
  /// when; Error(not_found) when the pair is not stored.
  virtual model::Alignment decide_alignment(const std::string& source_ref,
                                            const std::string& target_ref,
                                            model::AlignmentStatus decision,
                                            const std::string& author, const std::string& at) = 0;
  /// Takes a decision back: the alignment is computed again, or is removed when the last
  /// computation no longer produced it (the result then says computed = false).
  /// Error(not_found) when the pair is not stored.
  virtual model::Alignment undo_alignment_decision(const std::string& source_ref,
                                                   const std::string& target_ref) = 0;

  /// Organisations, users, sessions, tokens and the audit log, on the same connection (so an
  /// audit entry can share a transaction with the write it records).
  virtual AccountStore& accounts() = 0;
  /// Runs `body` in one write transaction: the write and its audit entry land together.
  virtual void in_transaction(const std::function<void()>& body) = 0;
  /// False once the store's connection is lost (a database server restarted): a pool drops
  /// such a store instead of lending it again.
  virtual bool usable() const { return true; }
};

enum class OpenMode { read_write, read_only };

/// Opens (creating if needed, in read_write mode) an SQLite database in WAL mode with foreign
/// keys on, and brings its schema up to date.
std::unique_ptr<Store> open_sqlite_store(const std::string& path,
                                         OpenMode mode = OpenMode::read_write);

/// How to reach a PostgreSQL database.
struct PgOptions {
  /// Every statement is cancelled after this long (0: no limit): no request waits forever.
  int statement_timeout_ms = 10000;
};

/// Opens a PostgreSQL database by its libpq URL ("postgresql://user@host:port/db") and brings
/// its schema up to date. Error(unavailable) when the server cannot be reached.
std::unique_ptr<Store> open_pg_store(const std::string& url, OpenMode mode = OpenMode::read_write,
                                     const PgOptions& options = {});

/// True for a PostgreSQL URL (postgresql:// or postgres://); anything else is SQLite.
bool is_pg_url(const std::string& location);
/// An SQLite path from a location: "sqlite:PATH" or a plain path.
std::string sqlite_path(const std::string& location);
/// The location for messages: a URL loses its password.
std::string display_location(const std::string& location);

/// Opens the store at `location`: a PostgreSQL URL, "sqlite:PATH" or a path (SQLite).
std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode = OpenMode::read_write,
                                  const PgOptions& options = {});

}  // namespace vakkaart::store
