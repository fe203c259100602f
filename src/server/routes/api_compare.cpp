#include <string>
#include <vector>

#include "compare/comparison.h"
#include "compare/similarity.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

void register_compare_routes(httplib::Server& http, StorePool& pool) {
  // GET /api/compare?item=ID&item=ID…: 2 to 5 profiles or qualifications side by side.
  http.Get("/api/compare", with_store(pool, [](store::Store& s, const httplib::Request& req,
                                               httplib::Response& res) {
             send_json(res, compare::comparison_to_json(compare::compare(s, item_ids(req))));
           }));

  // GET /api/similarity[?item=ID…]: every profile (plus the items asked for) pairwise.
  http.Get("/api/similarity", with_store(pool, [](store::Store& s, const httplib::Request& req,
                                                  httplib::Response& res) {
             const auto items = compare::similarity_items(s, item_ids(req));
             send_json(res, compare::similarity_to_json(compare::similarity(items)));
           }));
}

}  // namespace vakkaart::server
