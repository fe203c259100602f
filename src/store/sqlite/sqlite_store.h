#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

namespace vakkaart::store::sqlite {

class Db;

/// The embedded store: one SQLite file in WAL mode with foreign keys on. Not thread-safe: use
/// one SqliteStore per thread (they may share the file).
class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, OpenMode mode);
  ~SqliteStore() override;

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

 private:
  class Writer;

  void migrate();
  void configure();
  std::optional<model::Framework> load_framework(const std::string& id, bool with_profiles);
  void load_profile_content(model::Profile& profile, const model::Framework& framework);
  /// Loads one version as stored; `current` is the document's own claim, not the effective flag.
  std::optional<model::Qualification> load_qualification(const std::string& id);
  std::optional<std::string> current_version_id(const std::string& code);

  std::unique_ptr<Db> db_;
  std::unique_ptr<AccountStore> accounts_;
};

}  // namespace vakkaart::store::sqlite
