// The analysis page: paste or upload a job text and see what of the structure it covers. The
// form posts to the same URL, so the page works without JavaScript; nothing is stored.
#include "server/routes/routes.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_analyse_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = "/analyse",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, analyse_form_page(c)); });
  table.route({.method = Method::post,
               .pattern = "/analyse",
               .effect = Effect::read,
               .cache = Cache::no_store,
               .access = Access::public_read,
               .kind = Kind::page,
               .rate = RateLimit::analyse},
              [](Context& c) { send_page(c, analyse_result_page(c)); });
}

}  // namespace vakkaart::server
