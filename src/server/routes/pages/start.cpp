// The start page: what the database holds, with a search box. Cached until the database
// changes.
#include "server/routes/routes.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_start_page(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, start_page(c)); });
}

}  // namespace vakkaart::server
