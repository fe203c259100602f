// The transport's checks before and around routing, without a server: the Host check, the
// back= redirect, JSON embedded in HTML, the methods a path takes, and the response cache's
// keys, byte bound (LRU), generations and callers.
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/response_cache.h"
#include "server/routes/routes.h"
#include "server/transport/cache_key.h"
#include "server/transport/host_check.h"
#include "server/transport/html_json.h"
#include "server/transport/local_redirect.h"
#include "server/transport/method_fallbacks.h"
#include "server/transport/rdf_accept.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::server::transport {
namespace {

TEST(HostCheck, AnswersToLocalNamesTheBoundHostThePublicUrlAndExtras) {
  const HostCheck check("127.0.0.1", 8080, "https://vakkaart.example.org",
                        {"intranet.local", "10.0.0.5:9000"});
  for (const char* ok :
       {"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "localhost.:8080",
        "vakkaart.example.org", "vakkaart.example.org:443", "intranet.local:8080", "10.0.0.5:9000"})
    EXPECT_TRUE(check.allows(ok)) << ok;
  for (const char* refused :
       {"evil.example", "evil.example:8080", "localhost:8081", "localhost", "127.0.0.1",
        "10.0.0.5:8080", "127.0.0.2:8080", "", "local host:8080", "localhost:0", "localhost:99999",
        "[::1", "::1:8080", "example.org@localhost:8080"})
    EXPECT_FALSE(check.allows(refused)) << refused;
}

TEST(HostCheck, OnEveryAddressAnswersToAnyIpLiteralButNotToOtherNames) {
  const HostCheck check("0.0.0.0", 8080, "", {});
  EXPECT_TRUE(check.allows("192.168.1.20:8080"));
  EXPECT_TRUE(check.allows("[fe80::1]:8080"));
  EXPECT_TRUE(check.allows("localhost:8080"));
  EXPECT_FALSE(check.allows("192.168.1.20:8081"));
  EXPECT_FALSE(check.allows("rebound.example:8080"));
  const HostCheck v6("::1", 8080, "", {});
  EXPECT_TRUE(v6.allows("[::1]:8080"));
  EXPECT_FALSE(v6.allows("192.168.1.20:8080"));
}

TEST(HostCheck, ReadsPublicUrls) {
  EXPECT_EQ(public_url_host("https://vakkaart.example.org")->host, "vakkaart.example.org");
  EXPECT_EQ(public_url_host("http://10.0.0.5:8080/vakkaart/")->port, 8080);
  EXPECT_EQ(public_url_host("https://[2001:db8::1]/")->host, "[2001:db8::1]");
  for (const char* bad : {"", "vakkaart.example.org", "ftp://x.org", "https://", "https://a b",
                          "https://user@x.org", "https://x.org/a b"})
    EXPECT_FALSE(public_url_host(bad)) << bad;
}

TEST(LocalRedirect, FollowsOnlyPathsOfThisSite) {
  for (const char* ok : {"/", "/qualifications/BK-0338-3?tab=crosswalks#c-2",
                         "/compare?item=a&item=b#crosswalk", "/search?q=%C3%A9%20x"})
    EXPECT_EQ(local_redirect_target(ok, "/home"), ok);
  for (const std::string& bad : std::vector<std::string>{
           "", "//evil.example", "/\t/evil.example", "/\\evil.example", "\\/evil.example",
           "https://evil.example/", "evil.example", "/a//b", "/\r\nSet-Cookie: x=1", "/ /x",
           std::string("/\0/evil", 7), "/\x7f", "/caf\xc3\xa9", "/" + std::string(3000, 'a'),
           "javascript:alert(1)"})
    EXPECT_EQ(local_redirect_target(bad, "/home"), "/home") << bad;
}

TEST(JsonForHtml, NoStoredTextCanEndTheScriptElement) {
  const nlohmann::json value = {{"title", "<!--<script></script>&amp; \u2028 \u2029 é"}, {"n", 1}};
  const std::string text = json_for_html(value);
  for (const char* forbidden : {"<", ">", "&", "\u2028", "\u2029"})
    EXPECT_EQ(text.find(forbidden), std::string::npos) << forbidden;
  EXPECT_NE(text.find("\\u003c!--\\u003cscript\\u003e"), std::string::npos);
  EXPECT_NE(text.find("é"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(text), value);  // still the same JSON
  // Invalid UTF-8 in stored text is replaced, never a failed page.
  EXPECT_NO_THROW(json_for_html(nlohmann::json("a\xff")));
}

TEST(MethodTable, ListsTheMethodsOfAPathFromTheRouteTable) {
  const MethodTable table(all_routes().specs());
  EXPECT_EQ(table.allow("/api/profiles"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(table.allow("/api/functions"), "GET, HEAD, POST, OPTIONS");
  EXPECT_EQ(table.allow("/crosswalks/decide"), "POST, OPTIONS");
  EXPECT_EQ(table.allow("/no/such/path"), "");
}

TEST(CacheKeys, EveryCacheableRouteDeclaresItsParameters) {
  const CacheKeys keys(all_routes().specs());
  EXPECT_TRUE(keys.undeclared().empty()) << keys.undeclared().front();
}

TEST(CacheKeys, KeepOnlyTheRoutesKnownParametersInOneOrder) {
  const CacheKeys keys(all_routes().specs());
  const auto plain = keys.key("/search", {{"q", "zorg"}, {"limit", "5"}});
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->exact);
  const auto noisy = keys.key("/search", {{"utm_source", "x"}, {"q", "zorg"}, {"limit", "5"}});
  ASSERT_TRUE(noisy);
  EXPECT_FALSE(noisy->exact);
  EXPECT_EQ(noisy->text, plain->text);
  // `lang` is every page's; a parameter another route reads is not this one's.
  EXPECT_NE(keys.key("/", {{"lang", "en"}})->text, keys.key("/", {})->text);
  EXPECT_EQ(keys.key("/", {{"q", "x"}})->text, keys.key("/", {})->text);
  // The order of one parameter's values is kept: it is the order of the columns compared.
  httplib::Params ab, ba;
  ab.emplace("item", "a");
  ab.emplace("item", "b");
  ba.emplace("item", "b");
  ba.emplace("item", "a");
  EXPECT_NE(keys.key("/compare", ab)->text, keys.key("/compare", ba)->text);
  // Separators inside values cannot make two requests one key.
  EXPECT_NE(keys.key("/search", {{"q", "a&limit=5"}})->text,
            keys.key("/search", {{"q", "a"}, {"limit", "5"}})->text);
  EXPECT_NE(keys.key("/profiles/a%3Fcluster=b", {})->text,
            keys.key("/profiles/a", {{"cluster", "b"}})->text);
}

TEST(CacheKeys, LeaveOutWhatIsNotCachedOrNotText) {
  const CacheKeys keys(all_routes().specs());
  EXPECT_FALSE(keys.key("/api/functions", {}));  // not cacheable
  EXPECT_FALSE(keys.key("/static/css/app.css", {}));
  EXPECT_FALSE(keys.key("/no/such/path", {}));
  EXPECT_FALSE(keys.key("/search", {{"q", "\xff"}}));
  EXPECT_FALSE(keys.key("/search", {{"junk", "\xff"}}));
  EXPECT_TRUE(keys.key("/profiles/x/print", {}));
}

httplib::Request get_request(const std::string& path, const httplib::Params& params = {}) {
  httplib::Request req;
  req.method = "GET";
  req.path = path;
  req.params = params;
  req.target = httplib::append_query_params(path, params);
  return req;
}

httplib::Response ok(const std::string& body) {
  httplib::Response res;
  res.status = 200;
  res.set_content(body, "text/html; charset=utf-8");
  return res;
}

class ResponseCacheTest : public ::testing::Test {
 protected:
  ResponseCacheTest() { std::ofstream(db_) << "v1"; }

  // Answers `req` as the pipeline does: a lookup, then on a miss the response is stored.
  bool hit(ResponseCache& cache, const httplib::Request& req, const std::string& body = "page") {
    if (cache.lookup(req))
      return true;
    cache.store(req, ok(body));
    return false;
  }

  testing::TempDir dir_;
  std::string db_ = dir_.file("db.sqlite");
  std::unique_ptr<store::ChangeFeed> feed_ = store::watch_changes(db_);
};

TEST_F(ResponseCacheTest, ServesTheSameEntryForUnknownParametersButKeepsOnlyExactOnes) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  EXPECT_FALSE(hit(cache, get_request("/search", {{"q", "zorg"}, {"utm", "1"}})));
  EXPECT_EQ(cache.size(), 0u);  // its page echoes utm=1 in its links: not kept
  EXPECT_FALSE(hit(cache, get_request("/search", {{"q", "zorg"}})));
  EXPECT_TRUE(hit(cache, get_request("/search", {{"q", "zorg"}, {"utm", "2"}})));
  EXPECT_TRUE(hit(cache, get_request("/search", {{"q", "zorg"}})));
  EXPECT_EQ(cache.size(), 1u);
}

TEST_F(ResponseCacheTest, IsBoundedByBytesAndDropsTheLeastRecentlyUsed) {
  const std::string body(10000, 'x');  // about 10.3 kB with its key: 9 fit in 100 kB
  ResponseCache cache(*feed_, 100000, all_routes().specs());
  const auto profile = [](int i) { return get_request("/profiles/p" + std::to_string(i)); };
  for (int i = 0; i < 8; ++i)
    hit(cache, profile(i), body);
  EXPECT_EQ(cache.size(), 8u);
  EXPECT_TRUE(cache.lookup(profile(0)));  // p0 is now the most recently used
  hit(cache, profile(8), body);
  hit(cache, profile(9), body);
  EXPECT_TRUE(cache.lookup(profile(0)));
  EXPECT_FALSE(cache.lookup(profile(1)));  // the least recently used made room
  EXPECT_TRUE(cache.lookup(profile(2)));
  for (int i = 10; i < 40; ++i)
    hit(cache, profile(i), body);
  EXPECT_LE(cache.bytes(), 100000u);
  EXPECT_GE(cache.size(), 8u);  // room is made one entry at a time, never all at once
  EXPECT_TRUE(cache.lookup(profile(39)));
  // One response may not push out most of the others.
  hit(cache, get_request("/profiles/huge"), std::string(30000, 'x'));
  EXPECT_FALSE(cache.lookup(get_request("/profiles/huge")));
}

TEST_F(ResponseCacheTest, KeysOnTheRdfFormTheAcceptHeaderNegotiatesAndKeepsVary) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  auto html = get_request("/profiles/a");
  html.set_header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
  auto turtle = get_request("/profiles/a");
  turtle.set_header("Accept", "text/turtle");
  auto jsonld = get_request("/profiles/a");
  jsonld.set_header("Accept", "application/ld+json;q=0.9, text/html;q=0.5");
  auto page = ok("<html>");
  page.set_header("Vary", "Accept");
  EXPECT_FALSE(cache.lookup(html));
  cache.store(html, page);
  EXPECT_FALSE(cache.lookup(turtle));  // not the page kept for the same URL
  auto ttl = ok("<a> a <b> .");
  ttl.set_header("Vary", "Accept");
  cache.store(turtle, ttl);
  EXPECT_FALSE(cache.lookup(jsonld));
  EXPECT_EQ(cache.size(), 2u);
  auto again = cache.lookup(turtle);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, "<a> a <b> .");
  EXPECT_EQ(again->vary, "Accept");
  EXPECT_EQ(cache.lookup(get_request("/profiles/a"))->body, "<html>");  // no Accept: the page
}

TEST_F(ResponseCacheTest, KeysAPageWithoutLangByTheLanguageItsHeadersChoose) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  auto with = [](const char* header, const char* value) {
    auto req = get_request("/search", {{"q", "zorg"}});
    req.set_header(header, value);
    return req;
  };
  EXPECT_FALSE(hit(cache, with("Accept-Language", "nl-BE,nl;q=0.9"), "nl"));
  EXPECT_TRUE(hit(cache, get_request("/search", {{"q", "zorg"}})));  // Dutch by default too
  EXPECT_FALSE(hit(cache, with("Accept-Language", "en-GB,en;q=0.8"), "en"));
  EXPECT_FALSE(hit(cache, with("Accept-Language", "fr"), "fr"));
  EXPECT_EQ(cache.lookup(with("Accept-Language", "en"))->body, "en");
  EXPECT_EQ(cache.lookup(with("Cookie", "vakkaart_lang=en"))->body, "en");
  EXPECT_EQ(cache.lookup(with("Accept-Language", "de, fr;q=0.1"))->body, "fr");
  EXPECT_EQ(cache.lookup(with("Accept-Language", "de"))->body, "nl");
  // A language in the URL is its own key, whatever the headers say.
  auto named = get_request("/search", {{"q", "zorg"}, {"lang", "en"}});
  named.set_header("Accept-Language", "nl");
  EXPECT_FALSE(hit(cache, named, "en by url"));
  // The API answers the same in every language: one entry.
  auto api = get_request("/api/search", {{"q", "zorg"}});
  EXPECT_FALSE(hit(cache, api));
  api.set_header("Accept-Language", "en");
  EXPECT_TRUE(hit(cache, api));
}

TEST(RdfAccept, PicksTurtleOrJsonLdOnlyWhenTheyAreTheBestListed) {
  EXPECT_EQ(rdf_form_for(""), RdfForm::none);
  EXPECT_EQ(rdf_form_for("*/*"), RdfForm::none);
  EXPECT_EQ(rdf_form_for("text/html,application/xhtml+xml,*/*;q=0.8"), RdfForm::none);
  EXPECT_EQ(rdf_form_for("application/json"), RdfForm::none);
  EXPECT_EQ(rdf_form_for("text/turtle"), RdfForm::turtle);
  EXPECT_EQ(rdf_form_for("TEXT/Turtle; charset=utf-8"), RdfForm::turtle);
  EXPECT_EQ(rdf_form_for("application/ld+json"), RdfForm::jsonld);
  EXPECT_EQ(rdf_form_for("text/turtle;q=0.5, application/ld+json"), RdfForm::jsonld);
  EXPECT_EQ(rdf_form_for("application/ld+json;q=0.2, text/html"), RdfForm::none);
  EXPECT_EQ(rdf_form_for("text/turtle;q=0, */*"), RdfForm::none);
  EXPECT_EQ(rdf_form_for("text/turtle;q=abc"), RdfForm::none);  // malformed q counts as 0
  EXPECT_EQ(rdf_form_for("application/ld+json, application/json"), RdfForm::jsonld);
  EXPECT_EQ(rdf_form_for(std::string(100000, ',') + "text/turtle"), RdfForm::none);  // cut
}

TEST_F(ResponseCacheTest, DropsEverythingWhenTheDatabaseChanges) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  hit(cache, get_request("/"));
  EXPECT_TRUE(hit(cache, get_request("/")));
  std::ofstream(db_, std::ios::app) << "a commit";
  EXPECT_FALSE(cache.lookup(get_request("/")));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST_F(ResponseCacheTest, AResponseBuiltBeforeAWriteIsNotKeptAfterIt) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  const auto req = get_request("/profiles/a");
  EXPECT_FALSE(cache.lookup(req));  // this thread's request sees generation 1
  std::ofstream(db_, std::ios::app) << "a commit";
  std::thread([&] { EXPECT_FALSE(cache.lookup(get_request("/"))); }).join();  // another sees 2
  cache.store(req, ok("built from generation 1"));
  EXPECT_FALSE(cache.lookup(req));
}

TEST_F(ResponseCacheTest, NeverServesOrKeepsResponsesForCallersWithCredentials) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  auto signed_in = get_request("/");
  signed_in.set_header("Cookie", "theme=dark; vakkaart_session=abc");
  EXPECT_FALSE(hit(cache, signed_in, "Hello, Ann"));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(hit(cache, get_request("/"), "anonymous"));
  EXPECT_TRUE(hit(cache, get_request("/")));
  EXPECT_FALSE(cache.lookup(signed_in));
  auto token = get_request("/");
  token.set_header("Authorization", "Bearer x");
  EXPECT_FALSE(cache.lookup(token));
  auto other_cookie = get_request("/");
  other_cookie.set_header("Cookie", "not_vakkaart_session=1");
  EXPECT_TRUE(cache.lookup(other_cookie));
  EXPECT_TRUE(carries_credentials(signed_in));
  EXPECT_FALSE(carries_credentials(other_cookie));
}

TEST_F(ResponseCacheTest, KeepsNeitherCookiesNorErrorsNorOtherMethods) {
  ResponseCache cache(*feed_, 1 << 20, all_routes().specs());
  auto req = get_request("/");
  EXPECT_FALSE(cache.lookup(req));
  auto with_cookie = ok("x");
  with_cookie.set_header("Set-Cookie", "a=b");
  cache.store(req, with_cookie);
  auto error = ok("x");
  error.status = 404;
  cache.store(req, error);
  auto head = req;
  head.method = "HEAD";
  cache.store(head, ok("x"));
  EXPECT_EQ(cache.size(), 0u);
  // The form the pipeline calls today keeps what its lookup allowed, nothing else.
  EXPECT_FALSE(cache.lookup(get_request("/search", {{"q", "x"}, {"utm", "1"}})));
  cache.store("/search?q=x&utm=1", {"text/html", "nl", "echoes utm", ""});
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(cache.lookup(req));
  cache.store(req.target, {"text/html", "nl", "start", ""});
  EXPECT_EQ(cache.lookup(req)->body, "start");
}

}  // namespace
}  // namespace vakkaart::server::transport
