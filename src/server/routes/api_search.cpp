#include <string>

#include "core/error.h"
#include "search/search_service.h"
#include "server/routes/route_helpers.h"
#include "server/routes/routes.h"

namespace vakkaart::server {
namespace {

std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback,
                       std::size_t max) {
  if (!req.has_param(name))
    return fallback;
  const std::string value = req.get_param_value(name);
  std::size_t parsed = 0;
  std::size_t used = 0;
  try {
    parsed = std::stoul(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || parsed > max) {
    throw Error(ErrorCode::invalid_argument,
                name + " must be a whole number from 0 to " + std::to_string(max), {"", 0, name});
  }
  return parsed;
}

}  // namespace

void register_search_routes(httplib::Server& http, StorePool& pool) {
  // GET /api/search?q=…&limit=&offset=&profile=&cluster=&bk=&level=&kind=&facets=1
  http.Get("/api/search", with_store(pool, [&pool](store::Store& s, const httplib::Request& req,
                                                   httplib::Response& res) {
             search::SearchRequest request;
             request.query = req.get_param_value("q");
             if (request.query.empty()) {
               throw Error(ErrorCode::invalid_argument, "q is required: the words to look for",
                           {"", 0, "q"});
             }
             request.limit = size_param(req, "limit", 10, 100);
             request.offset = size_param(req, "offset", 0, 10000);
             request.facets = req.get_param_value("facets") == "1";
             for (const char* key : {"profile", "profiel", "cluster", "bk", "level", "niveau",
                                     "kind", "framework", "layer"}) {
               for (std::size_t i = 0; i < req.get_param_value_count(key); ++i) {
                 request.filters.emplace_back(key, req.get_param_value(key, i));
               }
             }
             auto searcher = search::open_fresh_index(s, search::index_dir_for(pool.db_path()));
             send_json_text(res, search::search_response_to_json(searcher->search(request), -1));
           }));
}

}  // namespace vakkaart::server
