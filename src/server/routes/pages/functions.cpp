// The function composer's pages: the list of functions and the composer of one function.
// Editing happens in web/static/js/composer*.js against /api/functions. Never cached: the
// response cache tells a database's generation by file size and time, and an editor must never
// see a stale copy. Functions belong to an organisation (org_read, enforced from issue 14 on).
#include "server/routes/routes.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_function_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/functions",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, function_list_page(c)); });
  table.route({.method = Method::get,
               .pattern = R"(/functions/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::org_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, composer_page(c, c.capture(1))); });
}

}  // namespace vakkaart::server
