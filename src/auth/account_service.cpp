#include "auth/account_service.h"

#include <algorithm>

#include "auth/clock.h"
#include "auth/passwords.h"
#include "auth/secrets.h"
#include "core/error.h"

namespace vakkaart::auth {

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxEmailBytes = 254;
/// A session's last_seen is written at most this often: a page load should not always write.
constexpr std::chrono::seconds kTouchEvery{60};

Error wrong_credentials() {
  return Error(ErrorCode::unauthenticated, "wrong email or password", {"", 0, "email"});
}

void check_name(const std::string& name, const std::string& field) {
  if (name.empty() || name.size() > kMaxNameBytes)
    throw Error(ErrorCode::invalid_argument,
                field + " must have 1 to " + std::to_string(kMaxNameBytes) + " bytes",
                {"", 0, field});
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f)
      throw Error(ErrorCode::invalid_argument, field + " may not hold control characters",
                  {"", 0, field});
}

}  // namespace

std::string normalise_email(const std::string& email) {
  std::string out = email;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : char(c); });
  const auto at = out.find('@');
  const bool plain = std::none_of(out.begin(), out.end(), [](unsigned char c) {
    return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',';
  });
  if (out.empty() || out.size() > kMaxEmailBytes || at == std::string::npos || at == 0 ||
      at + 1 >= out.size() || out.find('@', at + 1) != std::string::npos || !plain)
    throw Error(ErrorCode::invalid_argument, "'" + email + "' is not an email address",
                {"", 0, "email"});
  return out;
}

void check_slug(const std::string& slug) {
  const bool ok = slug.size() >= 2 && slug.size() <= 40 && slug.front() != '-' &&
                  std::all_of(slug.begin(), slug.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                  });
  if (!ok)
    throw Error(ErrorCode::invalid_argument,
                "an organisation slug has 2 to 40 of a-z, 0-9 and '-', not '" + slug + "'",
                {"", 0, "slug"});
}

void AccountService::audit(const Actor& actor, const std::string& org_slug,
                           const std::string& action, const std::string& object,
                           const std::string& detail) {
  accounts_.append_audit(
      {0, iso_now(), actor.email, org_slug, action, object, detail, actor.client});
}

store::Organisation AccountService::add_organisation(const std::string& slug,
                                                     const std::string& name, const Actor& actor) {
  check_slug(slug);
  check_name(name, "name");
  store::Organisation org{slug, name, iso_now()};
  store_.in_transaction([&] {
    accounts_.add_organisation(org);
    audit(actor, slug, "organisation.add", slug, name);
  });
  return org;
}

store::User AccountService::add_user(const std::string& email, const std::string& display_name,
                                     const std::string& password, bool site_admin,
                                     const Actor& actor) {
  store::User user;
  user.email = normalise_email(email);
  user.display_name =
      display_name.empty() ? user.email.substr(0, user.email.find('@')) : display_name;
  check_name(user.display_name, "display_name");
  user.password_hash = password.empty() ? "" : hash_password(password);
  user.site_admin = site_admin;
  user.created = iso_now();
  store_.in_transaction([&] {
    user.id = accounts_.add_user(user);
    audit(actor, "", "user.add", user.email, site_admin ? "site admin" : "");
  });
  return user;
}

store::User AccountService::user_by_email(const std::string& email) {
  auto user = accounts_.find_user_by_email(normalise_email(email));
  if (!user)
    throw Error(ErrorCode::not_found, "no user '" + email + "'", {"", 0, "email"});
  return *user;
}

store::Organisation AccountService::organisation(const std::string& slug) {
  auto org = accounts_.find_organisation(slug);
  if (!org)
    throw Error(ErrorCode::not_found, "no organisation '" + slug + "'", {"", 0, "org"});
  return *org;
}

void AccountService::set_role(const std::string& email, const std::string& org_slug, Role role,
                              const Actor& actor) {
  const auto user = user_by_email(email);
  organisation(org_slug);
  store_.in_transaction([&] {
    if (role != Role::admin)
      keep_an_admin(org_slug, user.id);
    accounts_.set_membership(user.id, org_slug, std::string(role_name(role)));
    audit(actor, org_slug, "member.role", user.email, std::string(role_name(role)));
  });
}

void AccountService::set_member_disabled(const std::string& email, const std::string& org_slug,
                                         bool disabled, const Actor& actor) {
  const auto user = user_by_email(email);
  store_.in_transaction([&] {
    if (disabled)
      keep_an_admin(org_slug, user.id);
    accounts_.set_membership_disabled(user.id, org_slug, disabled);
    audit(actor, org_slug, disabled ? "member.disable" : "member.enable", user.email, "");
  });
}

void AccountService::set_user_disabled(const std::string& email, bool disabled,
                                       const Actor& actor) {
  const auto user = user_by_email(email);
  store_.in_transaction([&] {
    accounts_.set_user_disabled(user.id, disabled);
    if (disabled) {
      accounts_.delete_sessions_of(user.id);
      for (const auto& t : accounts_.tokens_of(user.id))
        if (!t.revoked)
          accounts_.revoke_token(user.id, t.id);
    }
    audit(actor, "", disabled ? "user.disable" : "user.enable", user.email, "");
  });
}

void AccountService::keep_an_admin(const std::string& org_slug, int64_t user_id) {
  const auto active_admin = [](const store::Member& m) {
    return m.role == role_name(Role::admin) && !m.disabled && !m.user.disabled;
  };
  bool was_admin = false, another = false;
  for (const auto& m : accounts_.members_of(org_slug)) {
    if (!active_admin(m))
      continue;
    (m.user.id == user_id ? was_admin : another) = true;
  }
  if (was_admin && !another)
    throw Error(ErrorCode::conflict,
                "this is the last active admin of '" + org_slug +
                    "': make another member admin first, so someone can still manage its members",
                {"", 0, "role"});
}

store::User AccountService::check_password(const std::string& email, const std::string& password) {
  // An empty field names no account and no password, so answering at once reveals nothing; it
  // spares an Argon2 hash (~0.2 s of a core) for every empty or malformed form a client sends.
  if (email.empty() || password.empty())
    throw wrong_credentials();
  std::optional<store::User> user;
  try {
    user = accounts_.find_user_by_email(normalise_email(email));
  } catch (const Error&) {
    // Not an address: still hash, so the answer takes as long as for a real account.
  }
  const bool match = verify_password(password, user ? user->password_hash : std::string());
  if (!user || !match || user->disabled)
    throw wrong_credentials();
  return *user;
}

Identity AccountService::identity_of(const store::User& user, const std::string& org_slug) {
  Identity id;
  id.user = user;
  for (auto& m : accounts_.memberships_of(user.id))
    if (!m.disabled)
      id.memberships.push_back(std::move(m));
  const store::Membership* acting = nullptr;
  for (const auto& m : id.memberships)
    if (m.org_slug == org_slug || (org_slug.empty() && !acting))
      acting = &m;
  if (acting) {
    id.org_slug = acting->org_slug;
    id.org_name = acting->org_name;
    id.role = role_from_name(acting->role);
  } else if (user.site_admin && !org_slug.empty()) {
    // A site admin may act for any organisation, as its admin.
    if (auto org = accounts_.find_organisation(org_slug)) {
      id.org_slug = org->slug;
      id.org_name = org->name;
      id.role = Role::admin;
    }
  }
  return id;
}

NewSession AccountService::start_session(const store::User& user, const std::string& client,
                                         const std::string& user_agent,
                                         const std::string& org_slug) {
  NewSession out;
  out.secret = random_secret();
  out.identity = identity_of(user, org_slug);
  store::SessionRecord record{hash_secret(out.secret),
                              user.id,
                              out.identity.org_slug,
                              random_secret(),
                              iso_now(),
                              iso_now(),
                              client,
                              user_agent.substr(0, 200)};
  store_.in_transaction([&] {
    // Expired sessions of everyone go when anyone signs in: the table stays small without a job.
    accounts_.delete_expired_sessions(iso_from_now(-policy_.idle), iso_from_now(-policy_.lifetime));
    accounts_.put_session(record);
    audit({user.email, client}, out.identity.org_slug, "session.start", user.email, "");
  });
  out.identity.via = Identity::Via::session;
  out.identity.csrf_token = record.csrf_token;
  out.identity.session_hash = record.id_hash;
  return out;
}

Identity AccountService::resolve_session(const std::string& secret) {
  if (!well_formed_secret(secret))
    return {};
  const std::string hash = hash_secret(secret);
  auto session = accounts_.find_session(hash);
  if (!session)
    return {};
  const bool expired = session->last_seen < iso_from_now(-policy_.idle) ||
                       session->created < iso_from_now(-policy_.lifetime);
  auto user = accounts_.find_user(session->user_id);
  if (expired || !user || user->disabled) {
    accounts_.delete_session(hash);
    return {};
  }
  if (session->last_seen < iso_from_now(-kTouchEvery))
    accounts_.touch_session(hash, iso_now());
  Identity id = identity_of(*user, session->org_slug);
  id.via = Identity::Via::session;
  id.csrf_token = session->csrf_token;
  id.session_hash = hash;
  return id;
}

void AccountService::switch_organisation(const Identity& who, const std::string& org_slug) {
  Identity next = identity_of(*who.user, org_slug);
  if (next.org_slug != org_slug)
    throw Error(ErrorCode::not_found, "you are not a member of '" + org_slug + "'", {"", 0, "org"});
  accounts_.set_session_organisation(who.session_hash, org_slug);
}

void AccountService::end_session(const std::string& session_hash) {
  accounts_.delete_session(session_hash);
}

std::vector<store::SessionRecord> AccountService::sessions_of(int64_t user_id) {
  return accounts_.sessions_of(user_id);
}

void AccountService::end_own_session(const Identity& who, const std::string& session_hash) {
  for (const auto& s : accounts_.sessions_of(who.user->id))
    if (s.id_hash == session_hash) {
      accounts_.delete_session(session_hash);
      return;
    }
  throw Error(ErrorCode::not_found, "no such session of yours", {"", 0, "session"});
}

void AccountService::change_password(const Identity& who, const std::string& old_password,
                                     const std::string& new_password, const Actor& actor) {
  const store::User& user = *who.user;
  if (!user.password_hash.empty() && !verify_password(old_password, user.password_hash))
    throw Error(ErrorCode::forbidden, "the current password is wrong", {"", 0, "old_password"});
  const std::string hash = hash_password(new_password);
  store_.in_transaction([&] {
    accounts_.set_password_hash(user.id, hash);
    accounts_.delete_sessions_of(user.id);
    audit(actor, "", "user.password", user.email, "every session ended");
  });
}

std::string AccountService::create_token(const store::User& user, const std::string& name,
                                         bool read_only, const std::string& org_slug,
                                         const Actor& actor) {
  check_name(name, "name");
  const Identity id = identity_of(user, org_slug);
  if (!org_slug.empty() && id.org_slug != org_slug)
    throw Error(ErrorCode::not_found, user.email + " is not a member of '" + org_slug + "'",
                {"", 0, "org"});
  const std::string secret = random_secret();
  store::TokenRecord record;
  record.user_id = user.id;
  record.org_slug = id.org_slug;
  record.name = name;
  record.token_hash = hash_secret(secret);
  record.read_only = read_only;
  record.created = iso_now();
  store_.in_transaction([&] {
    record.id = accounts_.add_token(record);
    audit(actor, id.org_slug, "token.create", user.email,
          name + (read_only ? " (read-only)" : " (read-write)"));
  });
  return secret;
}

Identity AccountService::resolve_token(const std::string& secret) {
  if (!well_formed_secret(secret))
    return {};
  auto token = accounts_.find_token_by_hash(hash_secret(secret));
  if (!token || token->revoked)
    return {};
  auto user = accounts_.find_user(token->user_id);
  if (!user || user->disabled)
    return {};
  if (token->last_used < iso_from_now(-kTouchEvery))
    accounts_.touch_token(token->id, iso_now());
  Identity id = identity_of(*user, token->org_slug);
  id.via = Identity::Via::token;
  id.read_only = token->read_only;
  return id;
}

void AccountService::revoke_token(const Identity& who, int64_t token_id, const Actor& actor) {
  store_.in_transaction([&] {
    accounts_.revoke_token(who.user->id, token_id);
    audit(actor, who.org_slug, "token.revoke", who.user->email, std::to_string(token_id));
  });
}

std::string AccountService::create_sign_in_link(const store::User& user) {
  const std::string secret = random_secret();
  accounts_.put_sign_in_link(hash_secret(secret), user.id, iso_from_now(policy_.sign_in_link));
  return secret;
}

store::User AccountService::consume_sign_in_link(const std::string& secret) {
  const Error spent(ErrorCode::unauthenticated,
                    "this sign-in link is unknown, used or expired: ask for a new one",
                    {"", 0, "link"});
  if (!well_formed_secret(secret))
    throw spent;
  auto user_id = accounts_.consume_sign_in_link(hash_secret(secret), iso_now());
  if (!user_id)
    throw spent;
  auto user = accounts_.find_user(*user_id);
  if (!user || user->disabled)
    throw spent;
  return *user;
}

}  // namespace vakkaart::auth
