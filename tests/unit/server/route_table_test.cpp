// The route table as a list: every route declares its access rule and the rest of its spec
// consistently, and the API routes are exactly the paths docs/api/openapi.yaml describes. The
// authorization matrix of issue 14 reads the same list.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "server/routes/routes.h"
#include "unit/server/route_paths.h"
#include "unit/server/running_server.h"

namespace vakkaart::server {
namespace {

/// {"GET /api/health", …} from the `paths:` of the OpenAPI document (path keys indented two
/// spaces, methods four), path parameters written "{}".
std::set<std::string> openapi_operations() {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/../docs/api/openapi.yaml");
  EXPECT_TRUE(in) << "docs/api/openapi.yaml";
  const std::regex path_line(R"(^  ['"]?(/[^'"]*)['"]?:\s*$)");
  const std::regex method_line(R"(^    (get|post|put|patch|delete):\s*$)");
  const std::regex parameter(R"(\{[^}]*\})");
  std::set<std::string> out;
  std::string line, path;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("paths:", 0) == 0) {
      inside = true;
      continue;
    }
    if (inside && !line.empty() && line[0] != ' ' && line[0] != '#')
      break;
    std::smatch m;
    if (inside && std::regex_match(line, m, path_line)) {
      path = std::regex_replace(m[1].str(), parameter, "{}");
    } else if (inside && !path.empty() && std::regex_match(line, m, method_line)) {
      std::string method = m[1].str();
      for (auto& ch : method)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out.insert(method + " " + path);
    }
  }
  return out;
}

TEST(RouteTable, EveryRouteDeclaresItsRuleConsistently) {
  const auto specs = all_routes().specs();
  ASSERT_GE(specs.size(), 30u);
  for (const auto& s : specs) {
    const std::string name = std::string(method_name(s.method)) + " " + s.pattern;
    EXPECT_NE(s.access, Access::undeclared) << name;
    // JSON lives under /api/, and the CASE REST API under the path its specification fixes.
    EXPECT_EQ(s.kind == Kind::api,
              s.pattern.rfind("/api/", 0) == 0 || s.pattern.rfind("/ims/case/v1p1/", 0) == 0)
        << name;
    if (s.cache == Cache::by_content) {
      EXPECT_EQ(s.method, Method::get) << name << ": only GET responses are kept";
    }
    // Signing in is the one write for anyone: it makes the session (a GET for the one-time
    // link, which is followed from an email or the console).
    const bool signs_in = s.pattern.rfind("/sign-in", 0) == 0;
    if (s.method == Method::get && !signs_in) {
      EXPECT_NE(s.effect, Effect::write) << name << ": a GET never writes";
    }
    if (s.effect == Effect::write) {
      EXPECT_EQ(s.cache, Cache::no_store) << name;
      if (!signs_in) {
        EXPECT_NE(s.access, Access::public_read) << name << ": a write is never for anyone";
      }
    }
  }
}

TEST(RouteTable, DeclaresWhatAccountsWillEnforce) {
  std::map<std::string, Access> access;
  for (const auto& s : all_routes().specs())
    access[std::string(method_name(s.method)) + " " + testing::path_with(s.pattern, "{}")] =
        s.access;
  EXPECT_EQ(access.at("GET /api/functions"), Access::org_read);
  EXPECT_EQ(access.at("POST /api/functions"), Access::org_write);
  EXPECT_EQ(access.at("POST /api/functions/{}/edits"), Access::org_write);
  EXPECT_EQ(access.at("DELETE /api/functions/{}"), Access::org_write);
  EXPECT_EQ(access.at("GET /functions/{}"), Access::org_read);
  EXPECT_EQ(access.at("POST /api/crosswalks/decisions"), Access::curator);
  EXPECT_EQ(access.at("POST /crosswalks/decide"), Access::curator);
  EXPECT_EQ(access.at("GET /api/profiles/{}"), Access::public_read);
  EXPECT_EQ(access.at("GET /ims/case/v1p1/CFDocuments"), Access::public_read);
  EXPECT_EQ(access.at("GET /ims/case/v1p1/CFItems/{}"), Access::public_read);
  EXPECT_EQ(access.at("POST /api/analyse"), Access::public_read);
  // "Maak hier een functie van" creates a function: an editor's write, whatever page it is on.
  EXPECT_EQ(access.at("POST /analyse"), Access::public_read);
  EXPECT_EQ(access.at("POST /analyse/function"), Access::org_write);
}

TEST(RouteTable, ApiRoutesAreExactlyTheOpenApiOperations) {
  std::set<std::string> routed;
  for (const auto& s : all_routes().specs())
    if (s.kind == Kind::api)
      routed.insert(std::string(method_name(s.method)) + " " + testing::path_with(s.pattern, "{}"));
  const auto documented = openapi_operations();
  ASSERT_GE(documented.size(), 20u);
  for (const auto& op : documented)
    EXPECT_TRUE(routed.count(op)) << op << " is in docs/api/openapi.yaml but has no route";
  for (const auto& op : routed)
    EXPECT_TRUE(documented.count(op)) << op << " has a route but is not in docs/api/openapi.yaml";
}

TEST(RouteTable, RefusesARouteWithoutAnAccessRule) {
  RouteTable table;
  EXPECT_THROW(table.route({.method = Method::get, .pattern = "/x"}, [](Context&) {}), Error);
  table.route({.method = Method::get, .pattern = "/x", .access = Access::public_read},
              [](Context&) {});
  EXPECT_THROW(table.route({.method = Method::get, .pattern = "/x", .access = Access::public_read},
                           [](Context&) {}),
               Error);
  EXPECT_EQ(table.specs().size(), 1u);
}

TEST(RouteTable, TheServerListsTheTableItServes) {
  testing::RunningServer s;
  const auto served = s.server().routes();
  const auto declared = all_routes().specs();
  ASSERT_EQ(served.size(), declared.size());
  for (std::size_t i = 0; i < served.size(); ++i) {
    EXPECT_EQ(served[i].pattern, declared[i].pattern);
    EXPECT_EQ(served[i].method, declared[i].method);
  }
}

}  // namespace
}  // namespace vakkaart::server
