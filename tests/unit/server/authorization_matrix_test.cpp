// The authorization matrix: every route of the table, asked by every kind of caller, against the
// status its access rule says. Generated from the route table, so a new route is in it at once
// (and one declared without an access rule cannot even be registered). Callers: anonymous; a
// reader, editor, curator and admin of organisation A (sessions, with a valid CSRF token and
// Origin, so that only authorization is tested here: CSRF has csrf_test.cpp); the admin of
// organisation B; a read-only and a read-write API token of A's curator. A's function is the
// sample for function routes: B's admin must get 404 on it, never 403 (its existence is not
// revealed).
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

#include "auth/account_service.h"
#include "compose/function_service.h"
#include "core/uuid_v5.h"
#include "server/routes/routes.h"
#include "server/server.h"
#include "unit/server/route_paths.h"
#include "unit/support/sample_documents.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

namespace vakkaart::server {
namespace {

struct Caller {
  std::string name;
  enum Kind { anonymous, session, token } kind = anonymous;
  std::string secret;  // session id or token
  std::string csrf;
  std::optional<auth::Role> role;  // in organisation A (nullopt: none there)
  bool other_org_admin = false;
  bool read_only = false;
};

/// What a route must answer a caller: an exact status, or "allowed" (see the test).
struct Expected {
  int status = 0;  // 0: allowed
};

bool names_a_function(const RouteSpec& spec) {
  return spec.pattern.find("functions/(") != std::string::npos;
}

bool signs_in(const RouteSpec& spec) {
  return spec.pattern.rfind("/sign-in", 0) == 0;
}

Expected expected(const RouteSpec& spec, const Caller& c) {
  if (spec.access == Access::public_read)
    return {};
  if (c.kind == Caller::anonymous)
    return {spec.kind == Kind::page && spec.method == Method::get ? 303 : 401};
  if (c.read_only && spec.method != Method::get)
    return {403};
  auto role_at_least = [&](auth::Role r) {
    return c.other_org_admin || (c.role && auth::at_least(*c.role, r));
  };
  switch (spec.access) {
    case Access::signed_in:
      return {};
    case Access::org_read:
    case Access::org_write: {
      const auth::Role need =
          spec.access == Access::org_read ? auth::Role::reader : auth::Role::editor;
      if (!role_at_least(need))
        return {403};
      if (c.other_org_admin && names_a_function(spec))
        return {404};
      return {};
    }
    case Access::curator:
      return role_at_least(auth::Role::curator) ? Expected{} : Expected{403};
    case Access::org_admin:
      return role_at_least(auth::Role::admin) ? Expected{} : Expected{403};
    case Access::site_admin:
      return {403};
    default:
      return {500};  // an undeclared rule: the table refuses it before this runs
  }
}

/// A concrete path for a route: its captures filled with ids that exist where that matters.
std::string sample_path(const RouteSpec& spec, const std::string& function_id) {
  const std::string& p = spec.pattern;
  auto starts = [&](const char* prefix) { return p.rfind(prefix, 0) == 0; };
  if (starts("/api/functions/") || starts("/functions/")) {
    std::string path = testing::path_with(p, function_id);
    // The second capture of /versions/(\d+) is a version: version 1 exists.
    const auto v = path.find("/versions/" + function_id);
    if (v != std::string::npos)
      path = path.substr(0, v) + "/versions/1";
    return path;
  }
  if (starts("/api/frameworks/"))
    return testing::path_with(p, "demo-2020");
  if (starts("/api/profiles/") || starts("/profiles/"))
    return testing::path_with(p, "werker-a");
  if (starts("/api/qualifications/") || starts("/qualifications/"))
    return testing::path_with(p, "BK-9999-1");
  if (starts("/ims/case/"))  // the demo framework's CFDocument (a package; an item id 404s)
    return testing::path_with(p, uuid_v5(vakkaart_uuid_namespace(), "framework:demo-2020"));
  if (starts("/static/"))
    return testing::path_with(p, "css/app.css");
  if (starts("/account/sessions/"))
    return testing::path_with(p, std::string(64, '0'));
  if (starts("/sign-in/link/"))
    return testing::path_with(p, std::string(43, 'A'));
  return testing::path_with(p, "999999");
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::test_store_location(dir_.file("matrix.db"));
    auto store = store::open_store(db_);
    store->put_documents({testing::sample_framework(), testing::sample_qualification(1, true)});
    auth::AccountService accounts(*store);
    const auth::Actor op{"operator", "test"};
    accounts.add_organisation("org-b", "Organisatie B", op);
    auto member = [&](const std::string& email, const std::string& org, auth::Role role) {
      const auto user = accounts.add_user(email, "", "", false, op);
      accounts.set_role(email, org, role, op);
      return user;
    };
    for (auth::Role r :
         {auth::Role::reader, auth::Role::editor, auth::Role::curator, auth::Role::admin}) {
      const auto user = member(std::string(auth::role_name(r)) + "@a.example", "demo", r);
      auto s = accounts.start_session(user, "127.0.0.1", "matrix");
      callers_.push_back({std::string(auth::role_name(r)) + " of A", Caller::session, s.secret,
                          s.identity.csrf_token, r});
      if (r == auth::Role::curator) {
        callers_.push_back({"read-only token", Caller::token,
                            accounts.create_token(user, "ro", true, "", op), "", r, false, true});
        callers_.push_back({"read-write token", Caller::token,
                            accounts.create_token(user, "rw", false, "", op), "", r});
      }
    }
    const auto b_admin = member("admin@b.example", "org-b", auth::Role::admin);
    auto sb = accounts.start_session(b_admin, "127.0.0.1", "matrix");
    callers_.push_back(
        {"admin of B", Caller::session, sb.secret, sb.identity.csrf_token, std::nullopt, true});
    Caller anonymous;
    anonymous.name = "anonymous";
    callers_.insert(callers_.begin(), anonymous);
    compose::NewFunction spec;
    spec.title = "Functie van A";
    function_id_ = compose::FunctionService(*store, "demo").create(spec, "operator").id;

    ServerOptions options;
    options.db_path = db_;
    options.threads = 4;
    server_ = std::make_unique<Server>(options);
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->serve(); });
    for (int i = 0; i < 500 && !httplib::Client("127.0.0.1", port_).Get("/api/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  int ask(const RouteSpec& spec, const Caller& c) {
    httplib::Client client("127.0.0.1", port_);
    const std::string origin = "http://127.0.0.1:" + std::to_string(port_);
    httplib::Headers headers{{"Origin", origin}};
    if (c.kind == Caller::token)
      headers.emplace("Authorization", "Bearer " + c.secret);
    if (c.kind == Caller::session) {
      headers.emplace("Cookie", std::string(kSessionCookie) + "=" + c.secret);
      headers.emplace(kCsrfHeader, c.csrf);
    }
    const std::string path = sample_path(spec, function_id_);
    const bool api = spec.kind == Kind::api;
    const std::string body = api ? "{}" : "";
    const char* type = api ? "application/json" : "application/x-www-form-urlencoded";
    auto status = [](const httplib::Result& r) { return r ? r->status : -1; };
    switch (spec.method) {
      case Method::get:
        return status(client.Get(path.c_str(), headers));
      case Method::post:
        return status(client.Post(path.c_str(), headers, body, type));
      case Method::put:
        return status(client.Put(path.c_str(), headers, body, type));
      case Method::patch:
        return status(client.Patch(path.c_str(), headers, body, type));
      case Method::del:
        return status(client.Delete(path.c_str(), headers));
    }
    return -1;
  }

  testing::TempDir dir_;
  std::string db_;
  std::vector<Caller> callers_;
  std::string function_id_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(AuthorizationMatrix, EveryRouteAnswersEveryCallerAsItsRuleSays) {
  auto specs = all_routes().specs();
  // Signing out ends the caller's session: it goes last, so every other cell sees the session.
  std::stable_partition(specs.begin(), specs.end(),
                        [](const RouteSpec& s) { return s.pattern != "/sign-out"; });
  ASSERT_EQ(callers_.size(), 8u);
  int cells = 0;
  for (const auto& spec : specs) {
    const std::string route = std::string(method_name(spec.method)) + " " + spec.pattern + " (" +
                              std::string(access_name(spec.access)) + ")";
    for (const auto& caller : callers_) {
      const Expected want = expected(spec, caller);
      const int got = ask(spec, caller);
      ++cells;
      if (want.status != 0) {
        EXPECT_EQ(got, want.status) << route << " as " << caller.name;
        continue;
      }
      // Allowed: past authorization the handler answers on its own (200, 201, 204, 303, or 400
      // for the empty body, 404 for a sample id that does not exist); never 401/403, and never
      // 5xx. Signing in itself answers 401 to wrong credentials (or 429 after too many).
      EXPECT_GT(got, 0) << route << " as " << caller.name << ": no answer";
      EXPECT_LT(got, 500) << route << " as " << caller.name;
      if (!signs_in(spec)) {
        EXPECT_NE(got, 401) << route << " as " << caller.name;
        EXPECT_NE(got, 403) << route << " as " << caller.name;
      }
    }
  }
  // The note of issue 14 reports this size.
  std::cout << "authorization matrix: " << specs.size() << " routes x " << callers_.size()
            << " callers = " << cells << " cells\n";
  EXPECT_EQ(cells, static_cast<int>(specs.size() * callers_.size()));
}

}  // namespace
}  // namespace vakkaart::server
