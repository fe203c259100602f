// REST routes of function profiles under /api/functions. Every write goes through
// compose::FunctionService (one transaction per change, with history); reads are not cached,
// since a function changes with every keystroke the composer saves. Functions belong to an
// organisation: reads declare org_read and writes org_write (enforced from issue 14 on).
#include <cstdint>
#include <limits>

#include "compose/compose_json.h"
#include "compose/function_service.h"
#include "core/error.h"
#include "exchange/function_sheet.h"
#include "exchange/function_sheet_reader.h"
#include "exports/function_export.h"
#include "exports/function_json.h"
#include "server/edit_json.h"
#include "server/request_auth.h"
#include "server/request_input.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/views/function_view.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

constexpr long long kMaxVersion = std::numeric_limits<int>::max();

int version_of(const Json& body) {
  auto it = body.find("version");
  // JSON reads 0 and up as unsigned, below 0 as signed: refuse what int cannot hold rather
  // than let it wrap.
  const bool fits = it != body.end() && it->is_number_integer() &&
                    (it->is_number_unsigned()
                         ? it->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxVersion)
                         : it->get<std::int64_t>() >= std::numeric_limits<int>::min());
  if (!fits)
    throw Error(ErrorCode::invalid_argument,
                "'version' (the version the edits were made on) must be a whole number",
                {"", 0, "version"});
  return static_cast<int>(it->get<std::int64_t>());
}

/// The functions the caller may see: their organisation's (a site admin's: all).
compose::FunctionService functions_of(Context& c) {
  return compose::FunctionService(c.store(), c.function_scope());
}

int version_param(const httplib::Request& req) {
  return static_cast<int>(size_param(req, "version", 0, 1'000'000'000));
}

void create_function(Context& c) {
  Json body = json_body(c.req);
  compose::NewFunction spec;
  spec.title = json_string_member(body, "title", true);
  spec.organisation = json_string_member(body, "organisation", false);
  spec.framework_id = json_string_member(body, "framework", false);
  spec.core_profile_id = json_string_member(body, "core_profile", false);
  compose::FunctionService service(c.store(), c.creation_scope());
  model::FunctionProfile f;
  c.store().in_transaction([&] {
    f = service.create(spec, c.caller.actor());
    c.audit("function.create", f.id, f.title);
  });
  send_json(c.res, compose::function_view_json(c.store(), f));
  c.res.status = 201;
  c.res.set_header("Location", "/api/functions/" + f.id);
}

void import_function(Context& c) {
  // The body is the function's canonical JSON or its sheet, as its Content-Type says.
  const auto sheet = exchange::sheet_format_from_media(body_media(c.req));
  auto f = read_document([&] {
    if (sheet == exchange::SheetFormat::csv)
      return exchange::parse_function_csv(c.req.body, "request body");
    if (sheet == exchange::SheetFormat::xlsx)
      return exchange::parse_function_xlsx(c.req.body, "request body");
    return exports::parse_function_json(c.req.body, "request body");
  });
  bool replace = c.req.get_param_value("replace") == "1";
  compose::FunctionService service(c.store(), c.creation_scope());
  model::FunctionProfile stored;
  c.store().in_transaction([&] {
    stored = service.import(f, c.caller.actor(), replace);
    c.audit("function.import", stored.id, replace ? "replace" : "");
  });
  send_json(c.res, compose::function_view_json(c.store(), stored));
  c.res.status = 201;
  c.res.set_header("Location", "/api/functions/" + stored.id);
}

void duplicate_function(Context& c) {
  // Another organisation's function is not found, whatever the body holds.
  const std::string owner = functions_of(c).owner_of(c.capture(1));
  std::string title;
  if (!c.req.body.empty())
    title = json_string_member(json_body(c.req), "title", false);
  model::FunctionProfile copy;
  c.store().in_transaction([&] {
    copy = functions_of(c).duplicate(c.capture(1), title, c.caller.actor());
    c.audit_in(owner, "function.duplicate", copy.id, "from " + c.capture(1));
  });
  send_json(c.res, compose::function_view_json(c.store(), copy));
  c.res.status = 201;
  c.res.set_header("Location", "/api/functions/" + copy.id);
}

void edit_function(Context& c) {
  store::Store& s = c.store();
  // Another organisation's function is not found, whatever the body holds.
  const std::string owner = compose::FunctionService(s, c.function_scope()).owner_of(c.capture(1));
  Json body = json_body(c.req);
  auto edits = body.find("edits");
  if (edits == body.end())
    throw Error(ErrorCode::invalid_argument, "missing field 'edits'", {"", 0, "edits"});
  const int version = version_of(body);
  // Edits are typed at this edge; what cannot be read is the client's, not a bug.
  auto typed = read_input([&] { return edits_from_json(*edits); }, "edits");
  compose::EditOutcome outcome;
  s.in_transaction([&] {
    outcome = compose::FunctionService(s, c.function_scope())
                  .edit(c.capture(1), version, typed, c.caller.actor());
    if (outcome.saved)
      c.audit_in(owner, "function.edit", c.capture(1),
                 "version " + std::to_string(outcome.current.version) + ": " +
                     std::to_string(typed.size()) + " edit(s)");
  });
  if (!outcome.saved) {
    // Last writer must not silently win: both versions go back to the client.
    send_problem(c.res, 409, "conflict", outcome.summary.front());
    Json problem = Json::parse(c.res.body);
    problem["current"] = compose::function_view_json(s, outcome.current);
    problem["yours"] = outcome.yours ? exports::function_to_json(*outcome.yours) : Json(nullptr);
    c.res.set_content(problem.dump(), "application/problem+json; charset=utf-8");
    return;
  }
  Json view = compose::function_view_json(s, outcome.current);
  view["summary"] = outcome.summary;
  send_json(c.res, view);
}

/// What the user chose to include: `originals`, `weights`, `sources` are 1 (default) or 0.
exports::ExportOptions export_options(Context& c) {
  exports::ExportOptions options;
  options.lang = c.req.get_param_value("lang") == "en" ? "en" : "nl";
  auto flag = [&](const char* name, bool& into) {
    if (!c.req.has_param(name))
      return;
    const std::string v = c.req.get_param_value(name);
    if (v != "0" && v != "1")
      throw Error(ErrorCode::invalid_argument,
                  std::string("'") + name + "' must be 1 (include) or 0 (leave out), not '" +
                      v.substr(0, 20) + "'",
                  {"", 0, name});
    into = v == "1";
  };
  flag("originals", options.originals);
  flag("weights", options.weights);
  flag("sources", options.sources);
  return options;
}

void export_function_file(Context& c) {
  auto f = functions_of(c).get(c.capture(1));
  std::string name = c.req.get_param_value("format");
  std::string file = f.id + "-v" + std::to_string(f.version);
  if (name == "json") {
    c.res.set_content(vakkaart::dump_canonical(exports::function_to_json(f)),
                      "application/json; charset=utf-8");
    file += ".json";
  } else if (auto sheet = exchange::sheet_format_from_name(name)) {
    c.res.set_content(exchange::function_to_sheet(f, *sheet), exchange::sheet_media_type(*sheet));
    file += "." + name;
  } else {
    auto format = exports::export_format_from_name(name);
    if (!format)
      throw Error(ErrorCode::invalid_argument,
                  "format must be md, html, docx, pdf, json, csv or xlsx, not '" + name + "'",
                  {"", 0, "format"});
    auto framework = c.store().find_framework(f.framework_id);
    c.res.set_content(
        exports::export_function(f, framework ? &*framework : nullptr, *format, export_options(c)),
        exports::media_type(*format));
    file += std::string(".") + exports::file_extension(*format);
  }
  c.res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
}

}  // namespace

void add_function_api(RouteTable& table) {
  table.route(
      {.method = Method::get,
       .pattern = "/api/functions",
       .effect = Effect::read,
       .cache = Cache::no_store,
       .access = Access::org_read,
       .kind = Kind::api},
      [](Context& c) { send_json(c.res, function_list_json(c.store(), c.function_scope())); });
  table.route({.method = Method::post,
               .pattern = "/api/functions",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::api},
              create_function);
  table.route({.method = Method::post,
               .pattern = "/api/functions/import",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::api,
               .body = Body::json_or_sheet},
              import_function);
  table.route(
      {.method = Method::get,
       .pattern = R"(/api/functions/([A-Za-z0-9_-]+))",
       .effect = Effect::read,
       .cache = Cache::no_store,
       .access = Access::org_read,
       .kind = Kind::api},
      [](Context& c) {
        send_json(c.res, compose::function_view_json(c.store(), functions_of(c).get(c.capture(1))));
      });
  table.route({.method = Method::del,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+))",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::api},
              [](Context& c) {
                const std::string owner = functions_of(c).owner_of(c.capture(1));
                if (!c.req.has_param("version"))
                  throw Error(ErrorCode::invalid_argument,
                              "name the version you delete (?version=N)", {"", 0, "version"});
                c.store().in_transaction([&] {
                  functions_of(c).remove(c.capture(1), version_param(c.req));
                  c.audit_in(owner, "function.delete", c.capture(1));
                });
                c.res.status = 204;
              });
  table.route({.method = Method::post,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/duplicate)",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::api},
              duplicate_function);
  table.route({.method = Method::post,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/edits)",
               .effect = Effect::write,
               .cache = Cache::no_store,
               .access = Access::org_write,
               .kind = Kind::api},
              edit_function);
  table.route({.method = Method::get,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/coverage)",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res, function_coverage_json(*c.pool.coverage().get(c.store()),
                                                        functions_of(c).get(c.capture(1))));
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/coverage\.svg)",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::api},
              [](Context& c) {
                std::string lang = c.req.get_param_value("lang") == "en" ? "en" : "nl";
                auto f = functions_of(c).get(c.capture(1));
                c.res.set_content(function_coverage_svg(*c.pool.coverage().get(c.store()), f, lang),
                                  "image/svg+xml; charset=utf-8");
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/history)",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(
                    c.res,
                    {{"history", compose::history_to_json(functions_of(c).history(c.capture(1)))}});
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/versions/(\d+))",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::api},
              [](Context& c) {
                const auto version = whole_number(c.capture(2), "version", 0, kMaxVersion);
                auto f = functions_of(c).get(c.capture(1), static_cast<int>(version));
                send_json(c.res, exports::function_to_json(f));
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/functions/([A-Za-z0-9_-]+)/export)",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::api},
              export_function_file);
}

}  // namespace vakkaart::server
