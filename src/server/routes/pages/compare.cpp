// The compare page: heat maps, the comparison table and the crosswalk between the items.
// Cached until the database changes.
#include "server/routes/routes.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_compare_page(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/compare",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, compare_page(c)); });
}

}  // namespace vakkaart::server
