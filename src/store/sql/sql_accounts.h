#pragma once

#include "store/account_store.h"

namespace vakkaart::store::sql {

class Db;

/// Accounts in the SQL store (migration 0005_accounts.sql), on the store's connection.
class SqlAccounts final : public AccountStore {
 public:
  explicit SqlAccounts(Db& db) : db_(db) {}

  long long count_users() override;
  void add_organisation(const Organisation& org) override;
  std::optional<Organisation> find_organisation(const std::string& slug) override;
  std::vector<Organisation> list_organisations() override;
  int64_t add_user(const User& user) override;
  std::optional<User> find_user(int64_t id) override;
  std::optional<User> find_user_by_email(const std::string& email) override;
  std::vector<User> list_users() override;
  void set_user_disabled(int64_t id, bool disabled) override;
  void set_password_hash(int64_t id, const std::string& hash) override;
  void set_membership(int64_t user_id, const std::string& org_slug,
                      const std::string& role) override;
  void set_membership_disabled(int64_t user_id, const std::string& org_slug,
                               bool disabled) override;
  std::vector<Membership> memberships_of(int64_t user_id) override;
  std::vector<Member> members_of(const std::string& org_slug) override;
  void put_session(const SessionRecord& session) override;
  std::optional<SessionRecord> find_session(const std::string& id_hash) override;
  void touch_session(const std::string& id_hash, const std::string& last_seen) override;
  void set_session_organisation(const std::string& id_hash, const std::string& org_slug) override;
  void delete_session(const std::string& id_hash) override;
  void delete_sessions_of(int64_t user_id) override;
  std::vector<SessionRecord> sessions_of(int64_t user_id) override;
  void delete_expired_sessions(const std::string& idle_before,
                               const std::string& created_before) override;
  int64_t add_token(const TokenRecord& token) override;
  std::optional<TokenRecord> find_token_by_hash(const std::string& token_hash) override;
  std::vector<TokenRecord> tokens_of(int64_t user_id) override;
  void revoke_token(int64_t user_id, int64_t id) override;
  void touch_token(int64_t id, const std::string& at) override;
  void put_sign_in_link(const std::string& token_hash, int64_t user_id,
                        const std::string& expires) override;
  std::optional<int64_t> consume_sign_in_link(const std::string& token_hash,
                                              const std::string& now) override;
  void append_audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> list_audit(const AuditFilter& filter) override;

 private:
  /// Rows the last statement changed.
  int changes() const;

  Db& db_;
};

}  // namespace vakkaart::store::sql
