// The catalog's pages: the start page, profiles and qualifications. Public reads, cached until
// the database changes.
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

void add_profile_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = R"(/profiles/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, profile_page(c, c.capture(1), false)); });
  table.route({.method = Method::get,
               .pattern = R"(/profiles/([^/]+)/print)",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, profile_page(c, c.capture(1), true)); });
}

void add_qualification_page(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = R"(/qualifications/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, qualification_page(c, c.capture(1))); });
}

}  // namespace vakkaart::server
