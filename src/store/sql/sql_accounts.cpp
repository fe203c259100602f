// Accounts in the SQL store (SQLite or PostgreSQL). Uniqueness (email, slug) is the schema's;
// its constraint error arrives as Error(conflict) and is given a readable message here.
#include "store/sql/sql_accounts.h"

#include "core/error.h"
#include "store/sql/db.h"

namespace vakkaart::store::sql {

namespace {

constexpr const char* kUserColumns =
    "id, email, display_name, password_hash, disabled, site_admin, created";

User user_from(const Stmt& q, int first = 0) {
  return {q.int64(first),    q.text(first + 1),         q.text(first + 2),
          q.text(first + 3), q.integer(first + 4) != 0, q.integer(first + 5) != 0,
          q.text(first + 6)};
}

constexpr const char* kSessionColumns =
    "id_hash, user_id, org_slug, csrf_token, created, last_seen, client, user_agent";

SessionRecord session_from(const Stmt& q) {
  return {q.text(0), q.int64(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.text(7)};
}

constexpr const char* kTokenColumns =
    "id, user_id, org_slug, name, token_hash, read_only, created, last_used, revoked";

TokenRecord token_from(const Stmt& q) {
  return {q.int64(0),        q.int64(1), q.text(2), q.text(3),        q.text(4),
          q.integer(5) != 0, q.text(6),  q.text(7), q.integer(8) != 0};
}

/// Runs an INSERT (with RETURNING id, or none); returns the id, or 0. A UNIQUE or PRIMARY KEY
/// violation becomes Error(conflict) saying that `what` already exists.
int64_t insert_unique(Stmt& q, const std::string& what, const std::string& field) {
  try {
    int64_t id = q.step() && q.column_count() > 0 ? q.int64(0) : 0;
    q.reset();
    return id;
  } catch (const Error& e) {
    if (e.code() == ErrorCode::conflict)
      throw Error(ErrorCode::conflict, what + " already exists", {"", 0, field});
    throw;
  }
}

}  // namespace

int SqlAccounts::changes() const {
  return static_cast<int>(db_.changes());
}

long long SqlAccounts::count_users() {
  auto q = db_.prepare("SELECT COUNT(*) FROM users");
  q.step();
  return q.int64(0);
}

void SqlAccounts::add_organisation(const Organisation& org) {
  auto q = db_.prepare("INSERT INTO organisations(slug, name, created) VALUES (?, ?, ?)");
  q.bind(1, org.slug).bind(2, org.name).bind(3, org.created);
  insert_unique(q, "organisation '" + org.slug + "'", "slug");
}

std::optional<Organisation> SqlAccounts::find_organisation(const std::string& slug) {
  auto q = db_.prepare("SELECT slug, name, created FROM organisations WHERE slug = ?");
  q.bind(1, slug);
  if (!q.step())
    return std::nullopt;
  return Organisation{q.text(0), q.text(1), q.text(2)};
}

std::vector<Organisation> SqlAccounts::list_organisations() {
  auto q = db_.prepare("SELECT slug, name, created FROM organisations ORDER BY name, slug");
  std::vector<Organisation> out;
  while (q.step())
    out.push_back({q.text(0), q.text(1), q.text(2)});
  return out;
}

int64_t SqlAccounts::add_user(const User& user) {
  auto q = db_.prepare(
      "INSERT INTO users(email, display_name, password_hash, disabled, site_admin, created) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  q.bind(1, user.email)
      .bind(2, user.display_name)
      .bind(3, user.password_hash)
      .bind(4, user.disabled ? 1 : 0)
      .bind(5, user.site_admin ? 1 : 0)
      .bind(6, user.created);
  return insert_unique(q, "a user with email '" + user.email + "'", "email");
}

std::optional<User> SqlAccounts::find_user(int64_t id) {
  auto q = db_.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?");
  q.bind(1, id);
  if (!q.step())
    return std::nullopt;
  return user_from(q);
}

std::optional<User> SqlAccounts::find_user_by_email(const std::string& email) {
  auto q = db_.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?");
  q.bind(1, email);
  if (!q.step())
    return std::nullopt;
  return user_from(q);
}

std::vector<User> SqlAccounts::list_users() {
  auto q = db_.prepare(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY email");
  std::vector<User> out;
  while (q.step())
    out.push_back(user_from(q));
  return out;
}

void SqlAccounts::set_user_disabled(int64_t id, bool disabled) {
  db_.prepare("UPDATE users SET disabled = ? WHERE id = ?")
      .bind(1, disabled ? 1 : 0)
      .bind(2, id)
      .run();
  if (changes() == 0)
    throw Error(ErrorCode::not_found, "no such user", {"", 0, "user"});
}

void SqlAccounts::set_password_hash(int64_t id, const std::string& hash) {
  db_.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bind(1, hash).bind(2, id).run();
  if (changes() == 0)
    throw Error(ErrorCode::not_found, "no such user", {"", 0, "user"});
}

void SqlAccounts::set_membership(int64_t user_id, const std::string& org_slug,
                                 const std::string& role) {
  db_.prepare(
         "INSERT INTO memberships(user_id, org_slug, role, disabled) VALUES (?, ?, ?, 0) "
         "ON CONFLICT(user_id, org_slug) DO UPDATE SET role = excluded.role, disabled = 0")
      .bind(1, user_id)
      .bind(2, org_slug)
      .bind(3, role)
      .run();
}

void SqlAccounts::set_membership_disabled(int64_t user_id, const std::string& org_slug,
                                          bool disabled) {
  db_.prepare("UPDATE memberships SET disabled = ? WHERE user_id = ? AND org_slug = ?")
      .bind(1, disabled ? 1 : 0)
      .bind(2, user_id)
      .bind(3, org_slug)
      .run();
  if (changes() == 0)
    throw Error(ErrorCode::not_found, "no such member of '" + org_slug + "'", {"", 0, "member"});
}

std::vector<Membership> SqlAccounts::memberships_of(int64_t user_id) {
  auto q = db_.prepare(
      "SELECT m.user_id, m.org_slug, o.name, m.role, m.disabled FROM memberships m "
      "JOIN organisations o ON o.slug = m.org_slug WHERE m.user_id = ? ORDER BY o.name, o.slug");
  q.bind(1, user_id);
  std::vector<Membership> out;
  while (q.step())
    out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3), q.integer(4) != 0});
  return out;
}

std::vector<Member> SqlAccounts::members_of(const std::string& org_slug) {
  auto q = db_.prepare(
      "SELECT u.id, u.email, u.display_name, u.password_hash, u.disabled, u.site_admin, "
      "u.created, m.role, m.disabled FROM memberships m JOIN users u ON u.id = m.user_id "
      "WHERE m.org_slug = ? ORDER BY u.email");
  q.bind(1, org_slug);
  std::vector<Member> out;
  while (q.step())
    out.push_back({user_from(q), q.text(7), q.integer(8) != 0});
  return out;
}

void SqlAccounts::put_session(const SessionRecord& s) {
  auto q = db_.prepare(std::string("INSERT INTO sessions(") + kSessionColumns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, s.id_hash)
      .bind(2, s.user_id)
      .bind(3, s.org_slug)
      .bind(4, s.csrf_token)
      .bind(5, s.created)
      .bind(6, s.last_seen)
      .bind(7, s.client)
      .bind(8, s.user_agent);
  insert_unique(q, "session", "session");
}

std::optional<SessionRecord> SqlAccounts::find_session(const std::string& id_hash) {
  auto q =
      db_.prepare(std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE id_hash = ?");
  q.bind(1, id_hash);
  if (!q.step())
    return std::nullopt;
  return session_from(q);
}

void SqlAccounts::touch_session(const std::string& id_hash, const std::string& last_seen) {
  db_.prepare("UPDATE sessions SET last_seen = ? WHERE id_hash = ?")
      .bind(1, last_seen)
      .bind(2, id_hash)
      .run();
}

void SqlAccounts::set_session_organisation(const std::string& id_hash,
                                           const std::string& org_slug) {
  db_.prepare("UPDATE sessions SET org_slug = ? WHERE id_hash = ?")
      .bind(1, org_slug)
      .bind(2, id_hash)
      .run();
}

void SqlAccounts::delete_session(const std::string& id_hash) {
  db_.prepare("DELETE FROM sessions WHERE id_hash = ?").bind(1, id_hash).run();
}

void SqlAccounts::delete_sessions_of(int64_t user_id) {
  db_.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
}

std::vector<SessionRecord> SqlAccounts::sessions_of(int64_t user_id) {
  auto q = db_.prepare(std::string("SELECT ") + kSessionColumns +
                       " FROM sessions WHERE user_id = ? ORDER BY created DESC");
  q.bind(1, user_id);
  std::vector<SessionRecord> out;
  while (q.step())
    out.push_back(session_from(q));
  return out;
}

void SqlAccounts::delete_expired_sessions(const std::string& idle_before,
                                          const std::string& created_before) {
  db_.prepare("DELETE FROM sessions WHERE last_seen < ? OR created < ?")
      .bind(1, idle_before)
      .bind(2, created_before)
      .run();
}

int64_t SqlAccounts::add_token(const TokenRecord& t) {
  auto q = db_.prepare(
      "INSERT INTO api_tokens(user_id, org_slug, name, token_hash, read_only, created) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  q.bind(1, t.user_id)
      .bind(2, t.org_slug)
      .bind(3, t.name)
      .bind(4, t.token_hash)
      .bind(5, t.read_only ? 1 : 0)
      .bind(6, t.created);
  return insert_unique(q, "token", "token");
}

std::optional<TokenRecord> SqlAccounts::find_token_by_hash(const std::string& token_hash) {
  auto q =
      db_.prepare(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.step())
    return std::nullopt;
  return token_from(q);
}

std::vector<TokenRecord> SqlAccounts::tokens_of(int64_t user_id) {
  auto q = db_.prepare(std::string("SELECT ") + kTokenColumns +
                       " FROM api_tokens WHERE user_id = ? ORDER BY id DESC");
  q.bind(1, user_id);
  std::vector<TokenRecord> out;
  while (q.step())
    out.push_back(token_from(q));
  return out;
}

void SqlAccounts::revoke_token(int64_t user_id, int64_t id) {
  db_.prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ? AND user_id = ?")
      .bind(1, id)
      .bind(2, user_id)
      .run();
  if (changes() == 0)
    throw Error(ErrorCode::not_found, "no token " + std::to_string(id), {"", 0, "token"});
}

void SqlAccounts::touch_token(int64_t id, const std::string& at) {
  db_.prepare("UPDATE api_tokens SET last_used = ? WHERE id = ?").bind(1, at).bind(2, id).run();
}

void SqlAccounts::put_sign_in_link(const std::string& token_hash, int64_t user_id,
                                   const std::string& expires) {
  db_.prepare("INSERT INTO sign_in_links(token_hash, user_id, expires) VALUES (?, ?, ?)")
      .bind(1, token_hash)
      .bind(2, user_id)
      .bind(3, expires)
      .run();
}

std::optional<int64_t> SqlAccounts::consume_sign_in_link(const std::string& token_hash,
                                                         const std::string& now) {
  // One statement: two clicks racing cannot both see it unused.
  db_.prepare("UPDATE sign_in_links SET used = 1 WHERE token_hash = ? AND used = 0 AND expires > ?")
      .bind(1, token_hash)
      .bind(2, now)
      .run();
  if (changes() == 0)
    return std::nullopt;
  auto q = db_.prepare("SELECT user_id FROM sign_in_links WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.step())
    return std::nullopt;
  return q.int64(0);
}

void SqlAccounts::append_audit(const AuditEntry& e) {
  db_.prepare(
         "INSERT INTO audit_log(at, actor, org_slug, action, object, detail, client) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, e.at)
      .bind(2, e.actor)
      .bind(3, e.org_slug)
      .bind(4, e.action)
      .bind(5, e.object)
      .bind(6, e.detail)
      .bind(7, e.client)
      .run();
}

std::vector<AuditEntry> SqlAccounts::list_audit(const AuditFilter& filter) {
  std::string sql =
      "SELECT id, at, actor, org_slug, action, object, detail, client FROM audit_log WHERE at >= ?";
  if (filter.org_slug)
    sql += " AND org_slug = ?";
  sql += " ORDER BY id DESC LIMIT ?";
  auto q = db_.prepare(sql);
  int i = 1;
  q.bind(i++, filter.since);
  if (filter.org_slug)
    q.bind(i++, *filter.org_slug);
  q.bind(i, filter.limit);
  std::vector<AuditEntry> out;
  while (q.step())
    out.push_back(
        {q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.text(7)});
  return out;
}

}  // namespace vakkaart::store::sql
