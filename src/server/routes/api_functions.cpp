// REST routes of function profiles under /api/functions. Every write goes through
// compose::FunctionService (one transaction per change, with history); reads are not cached,
// since a function changes with every keystroke the composer saves.
#include "compose/compose_json.h"
#include "compose/function_service.h"
#include "core/error.h"
#include "exports/function_export.h"
#include "exports/function_json.h"
#include "server/edit_json.h"
#include "server/function_data.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

int version_of(const Json& body) {
  auto it = body.find("version");
  if (it == body.end() || !it->is_number_integer())
    throw Error(ErrorCode::invalid_argument,
                "'version' (the version the edits were made on) must be a whole number",
                {"", 0, "version"});
  return it->get<int>();
}

int version_param(const httplib::Request& req) {
  return static_cast<int>(size_param(req, "version", 0, 1'000'000'000));
}

/// Like with_store, but for routes that may write and must never be served from the cache.
httplib::Server::Handler handler(
    StorePool& pool, bool writes,
    const std::function<void(store::Store&, const httplib::Request&, httplib::Response&)>& body) {
  return [&pool, writes, body](const httplib::Request& req, httplib::Response& res) {
    try {
      auto lease = writes ? pool.borrow_writable() : pool.borrow();
      body(*lease, req, res);
      res.set_header("Cache-Control", "no-store");
    } catch (const Error& e) {
      send_problem(res, e);
    }
  };
}

}  // namespace

void register_function_api(httplib::Server& http, StorePool& pool) {
  http.Get("/api/functions", handler(pool, false, [](store::Store& s, const auto&, auto& res) {
             send_json(res, function_list_json(s));
           }));

  http.Post("/api/functions", handler(pool, true, [](store::Store& s, const auto& req, auto& res) {
              Json body = json_body(req);
              compose::NewFunction spec;
              spec.title = json_string_member(body, "title", true);
              spec.organisation = json_string_member(body, "organisation", false);
              spec.framework_id = json_string_member(body, "framework", false);
              spec.core_profile_id = json_string_member(body, "core_profile", false);
              auto f = compose::FunctionService(s).create(
                  spec, json_string_member(body, "author", false));
              send_json(res, compose::function_view_json(s, f));
              res.status = 201;
              res.set_header("Location", "/api/functions/" + f.id);
            }));

  http.Post("/api/functions/import",
            handler(pool, true, [](store::Store& s, const auto& req, auto& res) {
              auto f = exports::parse_function_json(req.body, "request body");
              bool replace = req.get_param_value("replace") == "1";
              auto stored = compose::FunctionService(s).import(f, "", replace);
              send_json(res, compose::function_view_json(s, stored));
              res.status = 201;
              res.set_header("Location", "/api/functions/" + stored.id);
            }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+))",
           handler(pool, false, [](store::Store& s, const auto& req, auto& res) {
             send_json(res, compose::function_view_json(
                                s, compose::FunctionService(s).get(req.matches[1])));
           }));

  http.Delete(R"(/api/functions/([A-Za-z0-9_-]+))",
              handler(pool, true, [](store::Store& s, const auto& req, auto& res) {
                if (!req.has_param("version"))
                  throw Error(ErrorCode::invalid_argument,
                              "name the version you delete (?version=N)", {"", 0, "version"});
                compose::FunctionService(s).remove(req.matches[1], version_param(req));
                res.status = 204;
              }));

  http.Post(R"(/api/functions/([A-Za-z0-9_-]+)/edits)",
            handler(pool, true, [](store::Store& s, const auto& req, auto& res) {
              Json body = json_body(req);
              auto edits = body.find("edits");
              if (edits == body.end())
                throw Error(ErrorCode::invalid_argument, "missing field 'edits'", {"", 0, "edits"});
              int version = version_of(body);
              auto outcome =
                  compose::FunctionService(s).edit(req.matches[1], version, edits_from_json(*edits),
                                                   json_string_member(body, "author", false));
              if (!outcome.saved) {
                // Last writer must not silently win: both versions go back to the client.
                send_problem(res, 409, "conflict", outcome.summary.front());
                Json problem = Json::parse(res.body);
                problem["current"] = compose::function_view_json(s, outcome.current);
                problem["yours"] =
                    outcome.yours ? exports::function_to_json(*outcome.yours) : Json(nullptr);
                res.set_content(problem.dump(), "application/problem+json; charset=utf-8");
                return;
              }
              Json view = compose::function_view_json(s, outcome.current);
              view["summary"] = outcome.summary;
              send_json(res, view);
            }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+)/coverage)",
           handler(pool, false, [&pool](store::Store& s, const auto& req, auto& res) {
             send_json(res,
                       function_coverage_json(*pool.coverage().get(s),
                                              compose::FunctionService(s).get(req.matches[1])));
           }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+)/coverage\.svg)",
           handler(pool, false, [&pool](store::Store& s, const auto& req, auto& res) {
             std::string lang = req.get_param_value("lang") == "en" ? "en" : "nl";
             auto f = compose::FunctionService(s).get(req.matches[1]);
             res.set_content(function_coverage_svg(*pool.coverage().get(s), f, lang),
                             "image/svg+xml; charset=utf-8");
           }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+)/history)",
           handler(pool, false, [](store::Store& s, const auto& req, auto& res) {
             send_json(res,
                       {{"history", compose::history_to_json(
                                        compose::FunctionService(s).history(req.matches[1]))}});
           }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+)/versions/(\d{1,9}))",
           handler(pool, false, [](store::Store& s, const auto& req, auto& res) {
             auto f = compose::FunctionService(s).get(req.matches[1],
                                                      std::stoi(std::string(req.matches[2])));
             send_json(res, exports::function_to_json(f));
           }));

  http.Get(R"(/api/functions/([A-Za-z0-9_-]+)/export)",
           handler(pool, false, [](store::Store& s, const auto& req, auto& res) {
             auto f = compose::FunctionService(s).get(req.matches[1]);
             std::string name = req.get_param_value("format");
             std::string lang = req.get_param_value("lang") == "en" ? "en" : "nl";
             std::string file = f.id + "-v" + std::to_string(f.version);
             if (name == "json") {
               res.set_content(vakkaart::dump_canonical(exports::function_to_json(f)),
                               "application/json; charset=utf-8");
               file += ".json";
             } else {
               auto format = exports::export_format_from_name(name);
               if (!format)
                 throw Error(ErrorCode::invalid_argument,
                             "format must be md, html, docx, pdf or json, not '" + name + "'",
                             {"", 0, "format"});
               auto framework = s.find_framework(f.framework_id);
               res.set_content(
                   exports::export_function(f, framework ? &*framework : nullptr, *format, lang),
                   exports::media_type(*format));
               file += std::string(".") + exports::file_extension(*format);
             }
             res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
           }));
}

}  // namespace vakkaart::server
