// Profiles and qualifications side by side, and pairwise similarity, as JSON.
#include "compare/comparison.h"
#include "compare/similarity.h"
#include "server/request_input.h"
#include "server/responses.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void add_compare_api(RouteTable& table) {
  // GET /api/compare?item=ID&item=ID…: 2 to 5 profiles or qualifications side by side.
  table.route(
      {.method = Method::get,
       .pattern = "/api/compare",
       .effect = Effect::read,
       .cache = Cache::by_content,
       .access = Access::public_read,
       .kind = Kind::api},
      [](Context& c) {
        send_json(c.res, compare::comparison_to_json(compare::compare(c.store(), item_ids(c.req))));
      });
  // GET /api/similarity[?item=ID…]: every profile (plus the items asked for) pairwise.
  table.route({.method = Method::get,
               .pattern = "/api/similarity",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api},
              [](Context& c) {
                const auto items = compare::similarity_items(c.store(), item_ids(c.req));
                send_json(c.res, compare::similarity_to_json(compare::similarity(items)));
              });
}

}  // namespace vakkaart::server
