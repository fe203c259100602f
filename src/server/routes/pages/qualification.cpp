// A qualification's page with its tabs and crosswalks. Cached until the database changes.
#include "server/routes/routes.h"
#include "server/skos_responses.h"
#include "server/views/page_views.h"

namespace vakkaart::server {

void add_qualification_page(RouteTable& table) {
  table.route({.method = Method::get,
               .pattern = R"(/qualifications/([^/]+))",
               .effect = Effect::read,
               .cache = Cache::by_content,
               .access = Access::public_read,
               .kind = Kind::page},
              [](Context& c) {
                if (!answer_with_skos(c, catalog::IdKind::qualification, c.capture(1)))
                  send_page(c, qualification_page(c, c.capture(1)));
              });
}

}  // namespace vakkaart::server
