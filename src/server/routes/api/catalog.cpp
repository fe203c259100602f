// The catalog as JSON: frameworks, profiles and qualifications (read-only; they are imported
// with the CLI), and the service's health. Every route is a public read whose answer depends
// only on the stored content, so it is cached until the database changes. The URLs of one
// framework, profile or qualification also answer with SKOS (JSON-LD or Turtle) when the Accept
// header asks for it (server/skos_responses.h).
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/skos_responses.h"
#include "server/views/catalog_view.h"

namespace vakkaart::server {

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
