// Full-text search over the structure as JSON.
#include "server/request_input.h"
#include "server/responses.h"
#include "server/routes/routes.h"
#include "server/views/catalog_view.h"

namespace vakkaart::server {

void add_search_api(RouteTable& table) {
  // GET /api/search?q=…&limit=&offset=&profile=&cluster=&bk=&level=&kind=&facets=1
  table.route({.method = Method::get,
               .pattern = "/api/search",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::api,
               .rate = RateLimit::search},
              [](Context& c) {
                send_json_text(c.res, search_json_text(c.store(), c.pool.search_index(),
                                                       search_request_from(c.req)));
              });
}

}  // namespace vakkaart::server
