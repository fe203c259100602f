#include <string>

#include "core/error.h"
#include "server/api_data.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {

search::SearchRequest search_request_from(const httplib::Request& req) {
  search::SearchRequest request;
  request.query = req.get_param_value("q");
  if (request.query.empty())
    throw Error(ErrorCode::invalid_argument, "q is required: the words to look for", {"", 0, "q"});
  request.limit = size_param(req, "limit", 10, 100);
  request.offset = size_param(req, "offset", 0, 10000);
  request.facets = req.get_param_value("facets") == "1";
  for (const char* key :
       {"profile", "profiel", "cluster", "bk", "level", "niveau", "kind", "framework", "layer"}) {
    for (std::size_t i = 0; i < req.get_param_value_count(key); ++i)
      request.filters.emplace_back(key, req.get_param_value(key, i));
  }
  return request;
}

void register_search_routes(httplib::Server& http, StorePool& pool) {
  // GET /api/search?q=…&limit=&offset=&profile=&cluster=&bk=&level=&kind=&facets=1
  http.Get("/api/search", with_store(pool, [&pool](store::Store& s, const httplib::Request& req,
                                                   httplib::Response& res) {
             send_json_text(res, search_json_text(s, pool.db_path(), search_request_from(req)));
           }));
}

}  // namespace vakkaart::server
