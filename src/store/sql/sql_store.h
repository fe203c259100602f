#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "store/migrations.h"
#include "store/store.h"

namespace vakkaart::store::sql {

class Db;

/// The store in SQL, on one connection of either backend (SQLite, PostgreSQL): the schema is
/// brought up to `migrations` on opening. Not thread-safe: use one SqlStore per thread (they
/// may share the database).
class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<Db> db, const std::vector<Migration>& migrations);
  ~SqlStore() override;

  std::vector<PutResult> put_documents(const std::vector<model::Document>& docs) override;
  std::vector<FrameworkSummary> list_frameworks() override;
  std::vector<ProfileSummary> list_profiles() override;
  std::vector<QualificationSummary> list_qualifications() override;
  std::optional<model::Framework> find_framework(const std::string& id) override;
  std::optional<ProfileRecord> find_profile(const std::string& id) override;
  std::optional<model::Qualification> find_qualification(const std::string& id) override;
  std::vector<int> qualification_versions(const std::string& code) override;
  StoreStats stats() override;
  std::vector<StatementOccurrence> statement_occurrences() override;
  std::string content_version() override;
  std::vector<StoredFunction> list_functions(const std::optional<std::string>& owner) override;
  std::optional<StoredFunction> find_function(const std::string& id,
                                              std::optional<int> version) override;
  void put_function(const StoredFunction& function, int base_version,
                    const FunctionHistoryEntry& entry) override;
  void delete_function(const std::string& id, int base_version) override;
  std::vector<FunctionHistoryEntry> function_history(const std::string& id) override;
  std::string crosswalk_version() override;
  bool replace_alignments(const std::vector<model::Alignment>& computed,
                          const std::string& content_version,
                          const std::string& crosswalk_version) override;
  std::vector<model::Alignment> list_alignments(const AlignmentFilter& filter) override;
  std::optional<model::Alignment> find_alignment(const std::string& source_ref,
                                                 const std::string& target_ref) override;
  model::Alignment decide_alignment(const std::string& source_ref, const std::string& target_ref,
                                    model::AlignmentStatus decision, const std::string& author,
                                    const std::string& at) override;
  model::Alignment undo_alignment_decision(const std::string& source_ref,
                                           const std::string& target_ref) override;
  AccountStore& accounts() override;
  void in_transaction(const std::function<void()>& body) override;
  bool usable() const override;
  /// The connection, for what works on tables as such (db copy, db check).
  Db& db() { return *db_; }

 private:
  class Writer;

  void migrate(const std::vector<Migration>& migrations);
  int applied_migration();
  std::optional<model::Framework> load_framework(const std::string& id, bool with_profiles);
  void load_profile_content(model::Profile& profile, const model::Framework& framework);
  /// Loads one version as stored; `current` is the document's own claim, not the effective flag.
  std::optional<model::Qualification> load_qualification(const std::string& id);
  std::optional<std::string> current_version_id(const std::string& code);

  std::unique_ptr<Db> db_;
  std::unique_ptr<AccountStore> accounts_;
};

}  // namespace vakkaart::store::sql
