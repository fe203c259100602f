#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "store/store.h"
#include "unit/server/running_server.h"
#include "unit/support/temp_dir.h"

namespace vakkaart::server {
namespace {

using testing::RunningServer;

TEST(Server, ServesProfilesInTheCanonicalShape) {
  RunningServer s;
  auto res = s.get("/api/profiles/werker-a");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["kind"], "profile");
  EXPECT_EQ(j["clusters"][1]["main_activities"][0]["activities"][0]["children"][0]["text"],
            "Leeft zich in de situatie van de doelgroep in");
}

TEST(Server, ListsAndResolvesQualificationCodes) {
  RunningServer s;
  auto list = nlohmann::json::parse(s.get("/api/qualifications")->body);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_FALSE(list[0]["current"].get<bool>());
  EXPECT_TRUE(list[1]["current"].get<bool>());
  auto res = s.get("/api/qualifications/BK-9999");
  ASSERT_EQ(res->status, 200);
  auto q = nlohmann::json::parse(res->body);
  EXPECT_EQ(q["id"], "BK-9999-2");
  EXPECT_EQ(q["versions"], nlohmann::json::array({1, 2}));
}

TEST(Server, UnknownThingsAreJsonProblems) {
  RunningServer s;
  for (const char* path : {"/api/profiles/nobody", "/api/qualifications/BK-0000-1",
                           "/api/frameworks/none", "/api/no/such/route"}) {
    auto res = s.get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/problem+json; charset=utf-8");
    auto j = nlohmann::json::parse(res->body);
    EXPECT_EQ(j["status"], 404);
    EXPECT_EQ(j["code"], "not_found");
  }
}

TEST(Server, UnknownPagesAreHtmlPages) {
  RunningServer s;
  for (const char* path : {"/no/such/route", "/profiles/nobody", "/qualifications/BK-0000-1",
                           "/profiles/nobody/print"}) {
    auto res = s.get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(res->body.find("<html lang=\"nl\">"), std::string::npos) << path;
    EXPECT_NE(res->body.find("Niet gevonden"), std::string::npos) << path;
  }
}

TEST(Server, HealthCountsWhatIsStored) {
  RunningServer s;
  auto j = nlohmann::json::parse(s.get("/api/health")->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["profiles"], 2);
  EXPECT_EQ(j["qualifications"], 2);
}

TEST(Server, RefusesToStartWithoutADatabase) {
  testing::TempDir dir;
  ServerOptions options;
  options.db_path = dir.file("missing.db");
  options.threads = 2;
  EXPECT_THROW(Server{options}, Error);
}

}  // namespace
}  // namespace vakkaart::server
