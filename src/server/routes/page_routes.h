#pragma once

#include <httplib.h>

#include "server/store_pool.h"

namespace vakkaart::server {

// The HTML pages (web/templates), each over the same data as the JSON API.

/// GET /
void register_start_page(httplib::Server& http, StorePool& pool);
/// GET /profiles/{id}[?cluster=], /profiles/{id}/print
void register_profile_pages(httplib::Server& http, StorePool& pool);
/// GET /qualifications/{id}[?tab=]
void register_qualification_page(httplib::Server& http, StorePool& pool);
/// GET /compare?item=…
void register_compare_page(httplib::Server& http, StorePool& pool);
/// GET /search?q=…
void register_search_page(httplib::Server& http, StorePool& pool);
/// GET /functions, /functions/{id} (the function composer)
void register_function_pages(httplib::Server& http, StorePool& pool);
/// GET /analyse (paste or upload a job text), POST /analyse (the result)
void register_analyse_page(httplib::Server& http, StorePool& pool);
/// GET /static/… (embedded CSS and JS)
void register_static_files(httplib::Server& http);

}  // namespace vakkaart::server
