// The account service on a real SQLite store: organisations, members, roles, sessions (expiry,
// rotation, ending), tokens, one-time links and the audit entry of every change.
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "auth/account_service.h"
#include "auth/secrets.h"
#include "core/error.h"
#include "store/store.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::auth {
namespace {

const Actor kOp{"operator", "test"};

class AccountServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::open_test_store(dir_.file("accounts.db"));
    accounts().add_organisation("vg-gent", "Vormingplus Gent", kOp);
    user_ = accounts().add_user("An@Example.org", "An", "wachtwoord-123", false, kOp);
    accounts().set_role("an@example.org", "vg-gent", Role::editor, kOp);
  }
  AccountService accounts(SessionPolicy policy = {}) { return AccountService(*store_, policy); }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  store::User user_;
};

TEST_F(AccountServiceTest, EmailsAreLowerCaseAndUniqueSlugsChecked) {
  EXPECT_EQ(user_.email, "an@example.org");
  try {
    accounts().add_user("AN@example.org", "", "", false, kOp);
    FAIL() << "a second user with the same email";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
  }
  EXPECT_THROW(accounts().add_user("not an email", "", "", false, kOp), Error);
  EXPECT_THROW(accounts().add_organisation("Bad Slug", "x", kOp), Error);
  EXPECT_THROW(accounts().add_organisation("vg-gent", "again", kOp), Error);
}

TEST_F(AccountServiceTest, WrongPasswordAndUnknownEmailAnswerAlike) {
  auto expect_refused = [&](const std::string& email, const std::string& password) {
    try {
      accounts().check_password(email, password);
      FAIL() << email;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::unauthenticated);
      EXPECT_EQ(e.message(), "wrong email or password");
    }
  };
  expect_refused("an@example.org", "wrong-password");
  expect_refused("nobody@example.org", "wachtwoord-123");
  expect_refused("not-an-email", "wachtwoord-123");
  expect_refused("", "wachtwoord-123");
  expect_refused("an@example.org", "");
  EXPECT_EQ(accounts().check_password("AN@example.org", "wachtwoord-123").id, user_.id);
  accounts().set_user_disabled("an@example.org", true, kOp);
  expect_refused("an@example.org", "wachtwoord-123");
}

TEST_F(AccountServiceTest, ASessionResolvesToItsUserOrganisationAndRole) {
  auto session = accounts().start_session(user_, "10.0.0.1", "test");
  EXPECT_TRUE(well_formed_secret(session.secret));
  const Identity who = accounts().resolve_session(session.secret);
  ASSERT_TRUE(who.signed_in());
  EXPECT_EQ(who.org_slug, "vg-gent");
  EXPECT_EQ(who.role, Role::editor);
  EXPECT_EQ(who.via, Identity::Via::session);
  EXPECT_FALSE(who.csrf_token.empty());
  // The store holds only the hash of the id.
  EXPECT_FALSE(store_->accounts().find_session(session.secret));
  EXPECT_TRUE(store_->accounts().find_session(hash_secret(session.secret)));
  EXPECT_FALSE(accounts().resolve_session("not-a-session").signed_in());
  EXPECT_FALSE(accounts().resolve_session(random_secret()).signed_in());
}

TEST_F(AccountServiceTest, SessionsExpireWhenIdleAndEndWithThePassword) {
  SessionPolicy instant;
  instant.idle = std::chrono::seconds(-1);  // every session is already idle too long
  auto stale = accounts().start_session(user_, "10.0.0.1", "test");
  EXPECT_FALSE(accounts(instant).resolve_session(stale.secret).signed_in());
  EXPECT_FALSE(store_->accounts().find_session(hash_secret(stale.secret))) << "removed";

  auto a = accounts().start_session(user_, "10.0.0.1", "a");
  auto b = accounts().start_session(user_, "10.0.0.2", "b");
  EXPECT_NE(a.secret, b.secret);
  const Identity who = accounts().resolve_session(a.secret);
  EXPECT_THROW(accounts().change_password(who, "wrong", "nieuw-wachtwoord-1", kOp), Error);
  accounts().change_password(who, "wachtwoord-123", "nieuw-wachtwoord-1", kOp);
  EXPECT_FALSE(accounts().resolve_session(a.secret).signed_in());
  EXPECT_FALSE(accounts().resolve_session(b.secret).signed_in());
  EXPECT_NO_THROW(accounts().check_password("an@example.org", "nieuw-wachtwoord-1"));
}

TEST_F(AccountServiceTest, TokensAreShownOnceReadOnlyOrNotAndRevocable) {
  const std::string ro = accounts().create_token(user_, "script", true, "", kOp);
  const std::string rw = accounts().create_token(user_, "script", false, "vg-gent", kOp);
  EXPECT_TRUE(accounts().resolve_token(ro).read_only);
  const Identity who = accounts().resolve_token(rw);
  EXPECT_FALSE(who.read_only);
  EXPECT_EQ(who.org_slug, "vg-gent");
  EXPECT_EQ(who.via, Identity::Via::token);
  EXPECT_THROW(accounts().create_token(user_, "x", false, "other-org", kOp), Error);
  const auto tokens = store_->accounts().tokens_of(user_.id);
  ASSERT_EQ(tokens.size(), 2u);
  for (const auto& t : tokens)
    EXPECT_TRUE(t.token_hash != ro && t.token_hash != rw) << "only hashes are stored";
  accounts().revoke_token(who, tokens.front().id, kOp);
  EXPECT_FALSE(accounts().resolve_token(rw).signed_in());
  EXPECT_TRUE(accounts().resolve_token(ro).signed_in());
}

TEST_F(AccountServiceTest, ASignInLinkWorksOnce) {
  const std::string link = accounts().create_sign_in_link(user_);
  EXPECT_EQ(accounts().consume_sign_in_link(link).id, user_.id);
  EXPECT_THROW(accounts().consume_sign_in_link(link), Error);
  EXPECT_THROW(accounts().consume_sign_in_link("garbage"), Error);
}

TEST_F(AccountServiceTest, EveryChangeIsAuditedAndTheLogIsAppendOnly) {
  accounts().set_role("an@example.org", "vg-gent", Role::admin, {"boss@example.org", "10.1.1.1"});
  store::AuditFilter filter;
  filter.org_slug = "vg-gent";
  const auto entries = store_->accounts().list_audit(filter);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "member.role");
  EXPECT_EQ(entries.front().object, "an@example.org");
  EXPECT_EQ(entries.front().detail, "admin");
  EXPECT_EQ(entries.front().actor, "boss@example.org");
  EXPECT_EQ(entries.front().client, "10.1.1.1");
  // An entry rolls back with the write it records (the triggers that refuse UPDATE and DELETE
  // are tested through SQLite itself in tests/integration/test_accounts.py).
  EXPECT_THROW(store_->in_transaction([&] {
    store_->accounts().append_audit({0, "x", "x", "x", "x", "x", "x", "x"});
    throw Error(ErrorCode::internal, "roll back");
  }),
               Error);
  EXPECT_EQ(store_->accounts().list_audit(filter).size(), entries.size()) << "rolled back with it";
}

TEST_F(AccountServiceTest, AUserInTwoOrganisationsPicksOne) {
  accounts().add_organisation("org-b", "B", kOp);
  accounts().set_role("an@example.org", "org-b", Role::reader, kOp);
  auto session = accounts().start_session(user_, "10.0.0.1", "t");
  Identity who = accounts().resolve_session(session.secret);
  EXPECT_EQ(who.memberships.size(), 2u);
  accounts().switch_organisation(who, "vg-gent");
  who = accounts().resolve_session(session.secret);
  EXPECT_EQ(who.org_slug, "vg-gent");
  EXPECT_EQ(who.role, Role::editor);
  EXPECT_THROW(accounts().switch_organisation(who, "demo"), Error) << "not a member of demo";
}

TEST_F(AccountServiceTest, AnOrganisationKeepsAnActiveAdmin) {
  accounts().set_role("an@example.org", "vg-gent", Role::admin, kOp);
  auto code_of = [](auto&& change) {
    try {
      change();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::internal;  // no error: the test below says which was expected
  };
  EXPECT_EQ(code_of([&] { accounts().set_role("an@example.org", "vg-gent", Role::reader, kOp); }),
            ErrorCode::conflict)
      << "the only admin may not demote themselves";
  EXPECT_EQ(
      code_of([&] { accounts().set_member_disabled("an@example.org", "vg-gent", true, kOp); }),
      ErrorCode::conflict)
      << "nor be disabled in the organisation";
  EXPECT_EQ(accounts().identity_of(user_, "vg-gent").role, Role::admin) << "nothing changed";

  // A second admin, disabled, does not count; enabled, it does.
  accounts().add_user("bo@example.org", "Bo", "wachtwoord-456", false, kOp);
  accounts().set_role("bo@example.org", "vg-gent", Role::admin, kOp);
  accounts().set_member_disabled("bo@example.org", "vg-gent", true, kOp);
  EXPECT_EQ(code_of([&] { accounts().set_role("an@example.org", "vg-gent", Role::editor, kOp); }),
            ErrorCode::conflict);
  accounts().set_member_disabled("bo@example.org", "vg-gent", false, kOp);
  accounts().set_role("an@example.org", "vg-gent", Role::editor, kOp);
  EXPECT_EQ(accounts().identity_of(user_, "vg-gent").role, Role::editor);
  // The operator can still cut off a user everywhere.
  accounts().set_user_disabled("bo@example.org", true, kOp);
}

}  // namespace
}  // namespace vakkaart::auth
