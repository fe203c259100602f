// The one error mapping and the edge checks, without a server: what a client got wrong is a
// 4xx naming the field, a bug stays a 500 so it is seen.
#include "server/pipeline.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "server/request_input.h"

namespace vakkaart::server {
namespace {

nlohmann::json problem_of(const std::exception_ptr& error) {
  httplib::Request req;
  req.path = "/api/x";
  httplib::Response res;
  respond_to_error(req, res, Kind::api, error);
  EXPECT_EQ(res.get_header_value("Content-Type"), "application/problem+json; charset=utf-8");
  auto j = nlohmann::json::parse(res.body);
  EXPECT_EQ(j["status"], res.status);
  return j;
}

template <typename F>
std::exception_ptr thrown_by(F&& f) {
  try {
    f();
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

TEST(Pipeline, AnErrorKeepsItsStatusCodeAndField) {
  auto j = problem_of(std::make_exception_ptr(
      Error(ErrorCode::invalid_argument, "limit must be a whole number", {"", 0, "limit"})));
  EXPECT_EQ(j["status"], 400);
  EXPECT_EQ(j["code"], "invalid_argument");
  EXPECT_EQ(j["field"], "limit");
  EXPECT_EQ(problem_of(std::make_exception_ptr(Error(ErrorCode::not_found, "no")))["status"], 404);
}

TEST(Pipeline, ABugStaysAServerError) {
  auto bug = problem_of(std::make_exception_ptr(std::logic_error("oops")));
  EXPECT_EQ(bug["status"], 500);
  EXPECT_EQ(bug["code"], "internal");
  // A JSON library exception outside request reading is a bug too, not the client's fault.
  auto json_bug = problem_of(thrown_by([] { (void)nlohmann::json(1).get<std::string>(); }));
  EXPECT_EQ(json_bug["status"], 500);
}

TEST(Pipeline, JsonTheClientSentIsTheClientsMistake) {
  auto j = problem_of(
      thrown_by([] { read_input([] { return nlohmann::json(1).get<std::string>(); }, "edits"); }));
  EXPECT_EQ(j["status"], 400);
  EXPECT_EQ(j["field"], "edits");
  httplib::Request req;
  req.body = R"({"version": 1e999})";
  auto body = problem_of(thrown_by([&] { json_body(req); }));
  EXPECT_EQ(body["status"], 400);
  EXPECT_EQ(body["field"], "body");
  req.body = "{\"title\": \"\xff\"}";
  EXPECT_EQ(problem_of(thrown_by([&] { json_body(req); }))["field"], "body");
}

TEST(Pipeline, AMessageThatIsNotUtf8IsStillAnswered) {
  auto j = problem_of(std::make_exception_ptr(
      Error(ErrorCode::not_found, "no profile with id '\xff\xfe'", {"", 0, "id\xff"})));
  EXPECT_EQ(j["status"], 404);
  EXPECT_NE(j["detail"].get<std::string>().find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

TEST(Pipeline, PagesGetAnHtmlErrorPage) {
  httplib::Request req;
  req.path = "/profiles/x";
  httplib::Response res;
  respond_to_error(req, res, Kind::page,
                   std::make_exception_ptr(Error(ErrorCode::invalid_argument, "bad \xff")));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res.body.find("<html"), std::string::npos);
}

TEST(RequestInput, RefusesParametersThatAreNotUtf8NamingThem) {
  httplib::Request req;
  req.params.emplace("q", "\xff\xfe");
  try {
    check_request_text(req);
    FAIL() << "accepted invalid UTF-8";
  } catch (const Error& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.where().field, "q");
  }
  httplib::Request fine;
  fine.params.emplace("q", "jongeren begeleiden é");
  EXPECT_NO_THROW(check_request_text(fine));
}

TEST(RequestInput, WholeNumbersAreDigitsInRange) {
  EXPECT_EQ(whole_number("42", "version", 0, 100), 42);
  for (const char* bad : {"", "-1", "+1", " 1", "1e3", "0x10", "101", "99999999999999999999"}) {
    try {
      whole_number(bad, "version", 0, 100);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.where().field, "version") << bad;
    }
  }
}

}  // namespace
}  // namespace vakkaart::server
