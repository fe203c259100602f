#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vakkaart::store {

// Accounts as stored: organisations, users, memberships with a role, sessions, API tokens,
// one-time sign-in links and the audit log. Policy (who may do what, timeouts, hashing) lives in
// auth/; this is persistence only. Secrets arrive here already hashed.

struct Organisation {
  std::string slug;
  std::string name;
  std::string created;
};

struct User {
  int64_t id = 0;
  std::string email;  // lower case
  std::string display_name;
  std::string password_hash;  // Argon2id string; empty: no password set
  bool disabled = false;
  bool site_admin = false;
  std::string created;
};

/// A user's role in one organisation: "reader", "editor", "curator" or "admin".
struct Membership {
  int64_t user_id = 0;
  std::string org_slug;
  std::string org_name;
  std::string role;
  bool disabled = false;
};

struct Member {
  User user;
  std::string role;
  bool disabled = false;
};

struct SessionRecord {
  std::string id_hash;
  int64_t user_id = 0;
  std::string org_slug;
  std::string csrf_token;
  std::string created;
  std::string last_seen;
  std::string client;
  std::string user_agent;
};

struct TokenRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string org_slug;  // the organisation the token acts for
  std::string name;
  std::string token_hash;
  bool read_only = true;
  std::string created;
  std::string last_used;
  bool revoked = false;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::string actor;
  std::string org_slug;
  std::string action;
  std::string object;
  std::string detail;
  std::string client;
};

struct AuditFilter {
  std::optional<std::string> org_slug;  // unset: every organisation
  std::string since;                    // ISO 8601 prefix compared as text; "" = all
  int limit = 1000;
};

/// Persistence of accounts. Each method is one statement or one transaction. Errors are
/// vakkaart::Error (conflict for a duplicate email or slug, not_found for a missing row).
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual long long count_users() = 0;

  virtual void add_organisation(const Organisation& org) = 0;
  virtual std::optional<Organisation> find_organisation(const std::string& slug) = 0;
  virtual std::vector<Organisation> list_organisations() = 0;

  /// Returns the new user's id.
  virtual int64_t add_user(const User& user) = 0;
  virtual std::optional<User> find_user(int64_t id) = 0;
  virtual std::optional<User> find_user_by_email(const std::string& email) = 0;
  virtual std::vector<User> list_users() = 0;
  virtual void set_user_disabled(int64_t id, bool disabled) = 0;
  virtual void set_password_hash(int64_t id, const std::string& hash) = 0;

  /// Adds the membership or changes its role (and enables it).
  virtual void set_membership(int64_t user_id, const std::string& org_slug,
                              const std::string& role) = 0;
  virtual void set_membership_disabled(int64_t user_id, const std::string& org_slug,
                                       bool disabled) = 0;
  /// The user's memberships, by organisation name.
  virtual std::vector<Membership> memberships_of(int64_t user_id) = 0;
  /// The organisation's members, by email.
  virtual std::vector<Member> members_of(const std::string& org_slug) = 0;

  virtual void put_session(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& id_hash) = 0;
  virtual void touch_session(const std::string& id_hash, const std::string& last_seen) = 0;
  virtual void set_session_organisation(const std::string& id_hash,
                                        const std::string& org_slug) = 0;
  virtual void delete_session(const std::string& id_hash) = 0;
  /// Ends every session of the user (sign-out everywhere, password change).
  virtual void delete_sessions_of(int64_t user_id) = 0;
  /// Sessions of the user, newest first.
  virtual std::vector<SessionRecord> sessions_of(int64_t user_id) = 0;
  /// Removes sessions last seen before `idle_before` or created before `created_before`.
  virtual void delete_expired_sessions(const std::string& idle_before,
                                       const std::string& created_before) = 0;

  /// Returns the new token's id.
  virtual int64_t add_token(const TokenRecord& token) = 0;
  virtual std::optional<TokenRecord> find_token_by_hash(const std::string& token_hash) = 0;
  virtual std::vector<TokenRecord> tokens_of(int64_t user_id) = 0;
  /// Revokes the user's token `id`; Error(not_found) when the user has no such token.
  virtual void revoke_token(int64_t user_id, int64_t id) = 0;
  virtual void touch_token(int64_t id, const std::string& at) = 0;

  virtual void put_sign_in_link(const std::string& token_hash, int64_t user_id,
                                const std::string& expires) = 0;
  /// Marks the link used and returns its user when it exists, is unused and expires after
  /// `now`; a second call for the same link returns nothing (single use, atomic).
  virtual std::optional<int64_t> consume_sign_in_link(const std::string& token_hash,
                                                      const std::string& now) = 0;

  virtual void append_audit(const AuditEntry& entry) = 0;
  /// Newest first.
  virtual std::vector<AuditEntry> list_audit(const AuditFilter& filter) = 0;
};

}  // namespace vakkaart::store
