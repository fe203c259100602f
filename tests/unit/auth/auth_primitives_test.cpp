// Passwords, secrets, the rate limiter and audit time bounds: the parts of auth/ that need no
// store.
#include <chrono>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "auth/clock.h"
#include "auth/passwords.h"
#include "auth/rate_limiter.h"
#include "auth/secrets.h"
#include "core/error.h"

namespace vakkaart::auth {
namespace {

TEST(Passwords, AHashVerifiesItsPasswordOnly) {
  const std::string hash = hash_password("correct horse battery");
  EXPECT_TRUE(hash.rfind("$argon2id$", 0) == 0) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse batterY", hash));
  EXPECT_FALSE(verify_password("", hash));
  // Two hashes of one password differ (random salt).
  EXPECT_NE(hash, hash_password("correct horse battery"));
}

TEST(Passwords, AnEmptyOrBrokenHashMatchesNothing) {
  EXPECT_FALSE(verify_password("anything at all", ""));
  EXPECT_FALSE(verify_password("anything at all", "$argon2id$not-a-hash"));
  EXPECT_FALSE(verify_password(std::string(5000, 'x'), hash_password("0123456789")));
}

TEST(Passwords, TooShortOrTooLongIsRefusedNamingTheField) {
  try {
    hash_password("short");
    FAIL() << "a 5-byte password was hashed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(e.where().field, "password");
  }
  EXPECT_THROW(hash_password(std::string(kMaxPasswordBytes + 1, 'a')), Error);
}

TEST(Secrets, AreRandom256BitBase64UrlAndHashedStably) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string s = random_secret();
    EXPECT_TRUE(well_formed_secret(s)) << s;
    EXPECT_TRUE(seen.insert(s).second);
  }
  const std::string s = random_secret();
  EXPECT_EQ(hash_secret(s), hash_secret(s));
  EXPECT_EQ(hash_secret(s).size(), 64u);
  EXPECT_NE(hash_secret(s), hash_secret(s + "x"));
  EXPECT_FALSE(well_formed_secret(s + "x"));
  EXPECT_FALSE(well_formed_secret(std::string(43, '/')));
  EXPECT_FALSE(well_formed_secret(""));
}

TEST(Secrets, ConstantTimeComparisonComparesWholeStrings) {
  EXPECT_TRUE(equal_in_constant_time("abcdef", "abcdef"));
  EXPECT_FALSE(equal_in_constant_time("abcdef", "abcdeg"));
  EXPECT_FALSE(equal_in_constant_time("abcdef", "abcde"));
  EXPECT_FALSE(equal_in_constant_time("", ""));  // an empty token never matches
}

TEST(SinceBound, ADateOrTimeIsThePrefixOfStoredTimesItMeans) {
  EXPECT_EQ(since_bound("", "since"), "");
  EXPECT_EQ(since_bound("2026-12-01", "since"), "2026-12-01");
  EXPECT_EQ(since_bound("2026-12-01T07:30", "since"), "2026-12-01T07:30");
  EXPECT_EQ(since_bound("2026-12-01 07:30:15", "since"), "2026-12-01T07:30:15");
  // Without the Z: compared as text, "07:30Z" would leave out what happened at 07:30:00Z.
  EXPECT_EQ(since_bound("2026-12-01T07:30Z", "since"), "2026-12-01T07:30");
  EXPECT_EQ(since_bound("2026-12-01T07:30:00Z", "since"), "2026-12-01T07:30:00");
  EXPECT_LE(since_bound("2026-12-01T07:30Z", "since"), std::string("2026-12-01T07:30:00Z"));
  EXPECT_EQ(since_bound("2024-02-29", "since"), "2024-02-29");
}

TEST(SinceBound, AnythingElseIsRefusedNamingTheParameter) {
  for (const char* bad :
       {"garbage", "2026", "2026-12", "2026-13-01", "2026-02-30", "2025-02-29", "2026-12-01T",
        "2026-12-01T24:00", "2026-12-01T07:60", "2026-12-01T7:30", "2026-12-01T07:30:00+02:00",
        "2026-12-01X07:30", "26-12-01", "2026-12-01T07:30:00.5Z", "Z"}) {
    try {
      since_bound(bad, "--since");
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << bad;
      EXPECT_EQ(e.where().field, "--since") << bad;
      EXPECT_NE(e.message().find("2026-12-01"), std::string::npos) << e.message();
    }
  }
}

TEST(RateLimiter, AllowsTheLimitPerWindowThenSaysHowLongToWait) {
  RateLimiter limiter(3, std::chrono::seconds(60));
  const auto t0 = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(limiter.acquire("a", t0 + std::chrono::seconds(i)), 0);
  const long long wait = limiter.acquire("a", t0 + std::chrono::seconds(10));
  EXPECT_EQ(wait, 50);
  EXPECT_EQ(limiter.retry_after("a", t0 + std::chrono::seconds(10)), 50);
  EXPECT_EQ(limiter.acquire("b", t0 + std::chrono::seconds(10)), 0) << "keys are apart";
  EXPECT_EQ(limiter.acquire("a", t0 + std::chrono::seconds(61)), 0) << "the window slid";
  limiter.reset("a");
  EXPECT_EQ(limiter.retry_after("a", t0 + std::chrono::seconds(62)), 0);
}

TEST(RateLimiter, ForgetsTheLeastRecentKeyBeyondItsBound) {
  RateLimiter limiter(1, std::chrono::seconds(60), 2);
  const auto t0 = RateLimiter::Clock::now();
  limiter.acquire("a", t0);
  limiter.acquire("b", t0);
  limiter.acquire("c", t0);  // "a" is forgotten: memory stays at two keys
  EXPECT_EQ(limiter.retry_after("a", t0), 0);
  EXPECT_GT(limiter.retry_after("b", t0), 0);
  EXPECT_GT(limiter.retry_after("c", t0), 0);
}

TEST(RateLimiter, ALimitOfZeroAllowsEverything) {
  RateLimiter limiter(0, std::chrono::seconds(60));
  for (int i = 0; i < 1000; ++i)
    EXPECT_EQ(limiter.acquire("a"), 0);
}

}  // namespace
}  // namespace vakkaart::auth
