// The search page: results, facets and paging. Cached until the database changes.
#include "server/routes/routes.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_search_page(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/search",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page,
               .rate = RateLimit::search},
              [](Context& c) { send_page(c, search_page(c)); });
}

}  // namespace vakkaart::server
