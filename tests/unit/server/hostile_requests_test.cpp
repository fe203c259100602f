// "No input a client can send produces a 500": every route of the table gets hostile requests
// (bad path parameters, bad query parameters, bad bodies and content types, an oversized body)
// on the real server, and none may answer 5xx or drop the connection.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "unit/server/route_paths.h"
#include "unit/server/running_server.h"

namespace vakkaart::server {
namespace {

struct Body {
  std::string content_type;
  std::string text;
};

/// JSON bodies of every shape a client could get wrong, for every field a route reads.
std::vector<Body> hostile_bodies() {
  const std::string json = "application/json";
  std::vector<Body> out = {
      {json, ""},
      {json, "{\"title\": "},
      {json, "{\"title\":\"\xff\xfe\"}"},
      {json, "{\"text\":\"a\xc0\xaf\"}"},
      {json, "{\"title\":1e999}"},
      {json, "null"},
      {json, "[]"},
      {json, "\"just a string\""},
      {json, "-1"},
      {json, "1e999"},
      {json, "99999999999999999999"},
      {json, std::string(100000, '[') + std::string(100000, ']')},
      {json, "{\"version\":1e999,\"edits\":[]}"},
      {json, "{\"version\":-1,\"edits\":[]}"},
      {json, "{\"version\":99999999999999999999,\"edits\":[]}"},
      {json, "{\"version\":1,\"edits\":\"x\"}"},
      {json, "{\"version\":1,\"edits\":[1e999]}"},
      {json, "{\"version\":1,\"edits\":[{}]}"},
      {json, "{\"version\":1,\"edits\":[{\"op\":1}]}"},
      {json, "{\"version\":1,\"edits\":[{\"op\":\"\xff\"}]}"},
      {json, "{\"version\":1,\"edits\":[{\"op\":\"add_block\",\"title\":1e999,\"weight\":1e999}]}"},
      {json, "{\"kind\":\"function\",\"id\":\"x\",\"version\":1e999}"},
      {json, "{\"kind\":\"function\",\"id\":\"x\",\"title\":\"t\",\"version\":1,\"blocks\":[1]}"},
      {"text/plain", "{\"title\":\"plain\"}"},
      {"text/plain", "\xff\xfe\xfd"},
      {"text/html", std::string(50000, '<') + "div>"},
      {"application/pdf", "%PDF-1.4 not really"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04zz"},
      {"application/x-www-form-urlencoded", "text=%ff%fe&source=%ff&target=x&decision=%ff"},
      {"application/x-www-form-urlencoded", "source=a&target=b&decision=confirm&back=%ff"},
      {"multipart/form-data; boundary=xyz",
       "--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
       "filename=\"\xff.txt\"\r\n\r\nhallo\r\n--xyz--\r\n"},
      {"multipart/form-data; boundary=xyz", "--xyz\r\nnot a part"},
      {"\xff/\xfe", "{}"},
  };
  for (const char* field :
       {"title", "organisation", "framework", "core_profile", "author", "source", "target",
        "decision", "text", "format", "kind", "id", "version", "edits", "blocks"}) {
    for (const char* value :
         {"1e999", "-1", "99999999999999999999", "\"\\udcff\"", "[]", "{}", "null", "true", "\"\""})
      out.push_back({json, std::string("{\"") + field + "\":" + value + "}"});
  }
  return out;
}

const std::vector<std::string> kHostileValues = {"%ff%fe", "1e999", "-1", "99999999999999999999",
                                                 "%00",    "%c0%af"};
const std::vector<std::string> kParameters = {"q",       "item",   "limit",   "offset",   "lang",
                                              "version", "format", "detail",  "type",     "status",
                                              "source",  "target", "cluster", "tab",      "facets",
                                              "replace", "v",      "profile", "framework"};

class HostileClient {
 public:
  explicit HostileClient(const testing::RunningServer& s) : client_(s.client()) {
    client_.set_read_timeout(60, 0);
  }

  /// Sends one request; a failure (5xx or no answer) is recorded with what was sent.
  int send(Method method, const std::string& path, const Body& body = {},
           const httplib::Headers& headers = {}) {
    httplib::Result res =
        method == Method::get ? client_.Get(path.c_str(), headers)
        : method == Method::del
            ? client_.Delete(path.c_str(), headers, body.text, body.content_type.c_str())
            : client_.Post(path.c_str(), headers, body.text, body.content_type.c_str());
    ++sent_;
    const std::string what = std::string(method_name(method)) + " " + path + " [" +
                             body.content_type + "] " + body.text.substr(0, 80);
    if (!res) {
      failures_.push_back("no answer: " + what);
      return 0;
    }
    if (res->status >= 500)
      failures_.push_back(std::to_string(res->status) + ": " + what + " -> " +
                          res->body.substr(0, 200));
    return res->status;
  }

  const std::vector<std::string>& failures() const { return failures_; }
  int sent() const { return sent_; }

 private:
  httplib::Client client_;
  std::vector<std::string> failures_;
  int sent_ = 0;
};

// The routes are spread over a few parts, each on its own server, so the parts run side by
// side (ctest runs each as a test; the ASan run's gtest shards share them out). Under ASan one
// part holding every route took 80 s, while the other shards finished in 15.
constexpr int kHostileParts = 6;

class HostileRequests : public ::testing::TestWithParam<int> {};

TEST_P(HostileRequests, NoRouteAnswersAServerError) {
  testing::RunningServer s;
  auto made = s.client().Post("/api/functions", R"({"title":"Vijandig","framework":"demo-2020"})",
                              "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const std::string function_id = nlohmann::json::parse(made->body)["function"]["id"];

  const std::vector<std::string> ids = {function_id,
                                        "werker-a",
                                        "BK-9999",
                                        "demo-2020",
                                        "%ff%fe",
                                        "%c0%af",
                                        "99999999999999999999",
                                        "-1",
                                        "1e999",
                                        std::string(3000, 'a')};
  const auto bodies = hostile_bodies();
  HostileClient client(s);
  int index = -1;
  int routes = 0;
  for (const auto& route : s.server().routes()) {
    if (route.method != Method::get && route.method != Method::post && route.method != Method::del)
      continue;
    if (++index % kHostileParts != GetParam())
      continue;
    ++routes;
    const bool has_body = route.method != Method::get;
    const Body plain = {"application/json", "{}"};
    // Path parameters: each id; the first one answered without error addresses the rest.
    std::string path = testing::path_with(route.pattern, ids.front());
    for (const auto& id : ids) {
      const std::string p = testing::path_with(route.pattern, id);
      const int status = client.send(route.method, p, has_body ? plain : Body{});
      if (status >= 200 && status < 400 && route.pattern.find('(') != std::string::npos) {
        path = p;
        break;
      }
    }
    // Query parameters, one at a time, each hostile value.
    for (const auto& name : kParameters)
      for (const auto& value : kHostileValues)
        client.send(route.method, path + "?" + name + "=" + value, has_body ? plain : Body{});
    // Headers a client controls.
    client.send(route.method, path, has_body ? plain : Body{},
                {{"Accept", "\xff"}, {"If-None-Match", "\xff\xfe"}, {"Accept-Language", "\xff"}});
    if (!has_body)
      continue;
    for (const auto& body : bodies)
      client.send(route.method, path, body);
    // Above the 8 MB limit: refused before any handler, never a 5xx.
    client.send(route.method, path, {"application/json", std::string(9 * 1024 * 1024, ' ')});
  }
  // Every part has routes to try, and tries each in many ways (all parts: over 2000 requests).
  EXPECT_GT(routes, 0);
  EXPECT_GT(client.sent(), 2000 / kHostileParts);
  EXPECT_TRUE(client.failures().empty())
      << client.failures().size() << " of " << client.sent() << " requests failed, e.g.:\n"
      << [&] {
           std::string shown;
           for (std::size_t i = 0; i < client.failures().size() && i < 20; ++i)
             shown += client.failures()[i] + "\n";
           return shown;
         }();
}

INSTANTIATE_TEST_SUITE_P(RoutesInParts, HostileRequests, ::testing::Range(0, kHostileParts));

}  // namespace
}  // namespace vakkaart::server
