// A profile's page (the ring, one cluster open) and its print view. Cached until the database
// changes.
#include "server/routes/routes.h"
#include "server/skos_responses.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_profile_pages(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = R"(/profiles/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) {
                if (!answer_with_skos(c, catalog::IdKind::profile, c.capture(1)))
                  send_page(c, profile_page(c, c.capture(1), false));
              });
  table.route({.method = Method::get,
               .pattern = R"(/profiles/([^/]+)/print)",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) { send_page(c, profile_page(c, c.capture(1), true)); });
}

}  // namespace vakkaart::server
