#pragma once

#include <httplib.h>

#include "core/error.h"
#include "server/store_pool.h"

namespace vakkaart::server {

/// Sends an RFC 7807 problem object with the given status.
void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& detail);
/// The problem for a library error: its status and code, and `field` when it names one.
void send_problem(httplib::Response& res, const Error& e);

/// GET /api/health, /api/frameworks[/{id}], /api/profiles[/{id}], /api/qualifications[/{id}].
void register_catalog_routes(httplib::Server& http, StorePool& pool);

/// GET /api/search.
void register_search_routes(httplib::Server& http, StorePool& pool);

/// GET /api/compare, /api/similarity.
void register_compare_routes(httplib::Server& http, StorePool& pool);

/// /api/functions: list, create, import, read, edit (409 on a concurrent edit), delete,
/// coverage (JSON and SVG), history, versions, export.
void register_function_api(httplib::Server& http, StorePool& pool);

/// POST /api/analyse: a job text read against the structure.
void register_analyse_api(httplib::Server& http, StorePool& pool);

/// GET /api/crosswalks, POST /api/crosswalks/decisions, POST /crosswalks/decide (pages' form).
void register_crosswalk_routes(httplib::Server& http, StorePool& pool);

}  // namespace vakkaart::server
