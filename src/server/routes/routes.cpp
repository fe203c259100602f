#include "server/routes/routes.h"

namespace vakkaart::server {

void uncached_route(RouteTable& table, Method method, std::string pattern, Effect effect,
                    Access access, Kind kind, Handler handler) {
  table.route({.method = method,
               .pattern = std::move(pattern),
               .effect = effect,
               .cache = Cache::no_store,
               .access = access,
               .kind = kind},
              std::move(handler));
}

RouteTable all_routes() {
  RouteTable table;
  add_catalog_api(table);
  add_case_api(table);
  add_search_api(table);
  add_compare_api(table);
  add_function_api(table);
  add_crosswalk_api(table);
  add_analyse_api(table);
  add_account_api(table);
  add_start_page(table);
  add_profile_pages(table);
  add_qualification_page(table);
  add_compare_page(table);
  add_search_page(table);
  add_function_pages(table);
  add_analyse_pages(table);
  add_crosswalk_form(table);
  add_account_pages(table);
  add_organisation_pages(table);
  add_static_files(table);
  return table;
}

}  // namespace vakkaart::server
