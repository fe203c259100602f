// Crosswalk routes: the alignments as JSON (GET /api/crosswalks), a person's decision on one
// (POST /api/crosswalks/decisions), and the same decision from the pages' form without
// JavaScript (POST /crosswalks/decide, which redirects back to the page it came from).
#include "analysis/crosswalk.h"
#include "analysis/crosswalk_json.h"
#include "core/error.h"
#include "server/routes/page_helpers.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"
#include "text/text_utils.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// Every value of a query parameter, each also split at commas; blanks dropped.
std::vector<std::string> crosswalk_params(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
    const std::string value = req.get_param_value(name, i);  // split() returns views into it
    for (auto part : text::split(value, ',')) {
      part = text::trim(part);
      if (!part.empty())
        out.emplace_back(part);
    }
  }
  return out;
}

store::AlignmentFilter crosswalk_filter(const httplib::Request& req) {
  store::AlignmentFilter filter;
  filter.sources = crosswalk_params(req, "source");
  filter.targets = crosswalk_params(req, "target");
  if (req.has_param("type")) {
    filter.type = model::alignment_type_from_string(req.get_param_value("type"));
    if (!filter.type)
      throw Error(ErrorCode::invalid_argument, "type must be exact, close or related",
                  {"", 0, "type"});
  }
  if (req.has_param("status")) {
    filter.status = model::alignment_status_from_string(req.get_param_value("status"));
    if (!filter.status)
      throw Error(ErrorCode::invalid_argument, "status must be computed, confirmed or rejected",
                  {"", 0, "status"});
  }
  return filter;
}

/// "confirmed" | "rejected" | "none" (take the decision back).
model::AlignmentStatus crosswalk_decision(const std::string& value) {
  if (value == "confirmed" || value == "confirm")
    return model::AlignmentStatus::confirmed;
  if (value == "rejected" || value == "reject")
    return model::AlignmentStatus::rejected;
  if (value == "none")
    return model::AlignmentStatus::computed;
  throw Error(ErrorCode::invalid_argument,
              "decision must be confirmed, rejected or none, not '" + value + "'",
              {"", 0, "decision"});
}

/// A page of this server to return to: a local path, never another site.
std::string crosswalk_back(const std::string& back) {
  if (back.size() > 1 && back[0] == '/' && back[1] != '/' && back[1] != '\\' &&
      back.find_first_of("\r\n") == std::string::npos)
    return back;
  return "/";
}

}  // namespace

void register_crosswalk_routes(httplib::Server& http, StorePool& pool) {
  http.Get("/api/crosswalks", [&pool](const httplib::Request& req, httplib::Response& res) {
    try {
      auto filter = crosswalk_filter(req);
      {
        auto lease = pool.borrow();
        const std::string path = pool.db_path();
        auto list = analysis::current_crosswalks(
            *lease, [&path] { return store::open_sqlite_store(path); }, filter);
        send_json(res, analysis::alignments_to_json(list));
      }
      keep_response(pool, req, res);
    } catch (const Error& e) {
      send_problem(res, e);
    }
  });

  http.Post(
      "/api/crosswalks/decisions", [&pool](const httplib::Request& req, httplib::Response& res) {
        try {
          Json body = json_body(req);
          if (!body.is_object())
            throw Error(ErrorCode::invalid_argument,
                        "the body must be an object {source, target, decision, author}",
                        {"", 0, "body"});
          const std::string source = json_string_member(body, "source", true);
          const std::string target = json_string_member(body, "target", true);
          const auto decision = crosswalk_decision(json_string_member(body, "decision", true));
          const std::string author = json_string_member(body, "author", false);
          auto lease = pool.borrow_writable();
          auto a = analysis::decide_crosswalk(*lease, source, target, decision, author);
          send_json(res, analysis::alignment_to_json(a));
          res.set_header("Cache-Control", "no-store");
        } catch (const Error& e) {
          send_problem(res, e);
        }
      });

  // The pages' form without JavaScript: decide, then back to the page (303, so a reload does
  // not post again). Errors are an HTML page, like every page route's.
  http.Post("/crosswalks/decide", [&pool](const httplib::Request& req, httplib::Response& res) {
    httplib::Params form = req.params;
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0 &&
        !req.body.empty())
      httplib::detail::parse_query_text(req.body, form);
    auto value = [&form](const char* key) {
      auto it = form.find(key);
      return it == form.end() ? std::string() : it->second;
    };
    try {
      const std::string source = value("source"), target = value("target");
      if (source.empty())
        throw Error(ErrorCode::invalid_argument, "missing field 'source'", {"", 0, "source"});
      if (target.empty())
        throw Error(ErrorCode::invalid_argument, "missing field 'target'", {"", 0, "target"});
      const auto decision = crosswalk_decision(value("decision"));
      {
        auto lease = pool.borrow_writable();
        analysis::decide_crosswalk(*lease, source, target, decision, value("author"));
      }
      std::string back = crosswalk_back(value("back"));
      res.set_redirect(back, 303);
      res.set_header("Cache-Control", "no-store");
    } catch (const Error& e) {
      send_error_page(req, res, e.http_status(), e.message());
    }
  });
}

}  // namespace vakkaart::server
