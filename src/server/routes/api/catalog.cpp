// The catalog as JSON: frameworks, profiles and qualifications (read-only; they are imported
// with the CLI), and the service's health. Every route is a public read whose answer depends
// only on the stored content, so it is cached until the database changes. The URLs of one
// framework, profile or qualification also answer with SKOS (JSON-LD or Turtle) when the Accept
// header asks for it (server/skos_responses.h).
#include <cctype>

#include "catalog/export_service.h"
#include "exchange/framework_sheet.h"
#include "exchange/framework_xlsx.h"
#include "exchange/function_sheet.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/skos_responses.h"
#include "server/views/catalog_view.h"

namespace vakkaart::server {

namespace {

/// A framework's spreadsheet (docs/formats/spreadsheet.md) as a download.
void send_framework_sheet(Context& c, bool xlsx) {
  const std::string id = c.capture(1);
  auto rows = catalog::export_sheet_rows(c.store(), id);
  const auto format = xlsx ? exchange::SheetFormat::xlsx : exchange::SheetFormat::csv;
  c.res.set_content(xlsx ? exchange::rows_to_xlsx(rows) : exchange::rows_to_csv(rows),
                    exchange::sheet_media_type(format));
  std::string file;
  for (char ch : id)
    file += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.' ? ch : '_';
  c.res.set_header("Content-Disposition",
                   "attachment; filename=\"" + file + (xlsx ? ".xlsx\"" : ".csv\""));
}

}  // namespace

void add_catalog_api(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/api/health",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) { send_json(c.res, health_json(c.store())); });
  table.route({.method = Method::get,
               .pattern = "/api/frameworks",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) { send_json(c.res, frameworks_json(c.store())); });
  table.route({.method = Method::get,
               .pattern = R"(/api/frameworks/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                if (!answer_with_skos(c, catalog::IdKind::framework, c.capture(1)))
                  send_json(c.res, framework_json(c.store(), c.capture(1)));
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/frameworks/([^/]+)/sheet\.csv)",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) { send_framework_sheet(c, false); });
  table.route({.method = Method::get,
               .pattern = R"(/api/frameworks/([^/]+)/sheet\.xlsx)",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) { send_framework_sheet(c, true); });
  table.route({.method = Method::get,
               .pattern = "/api/profiles",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                send_json(c.res, profiles_json(c.store(), c.req.get_param_value("framework")));
              });
  table.route({.method = Method::get,
               .pattern = R"(/api/profiles/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                if (!answer_with_skos(c, catalog::IdKind::profile, c.capture(1)))
                  send_json(c.res, profile_data(c.store(), c.capture(1)).json);
              });
  table.route({.method = Method::get,
               .pattern = "/api/qualifications",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) { send_json(c.res, qualifications_json(c.store())); });
  table.route({.method = Method::get,
               .pattern = R"(/api/qualifications/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                if (!answer_with_skos(c, catalog::IdKind::qualification, c.capture(1)))
                  send_json(c.res, qualification_json(c.store(), c.capture(1)));
              });
}

}  // namespace vakkaart::server
