#pragma once

#include "server/pipeline.h"

namespace vakkaart::server {

// Every route of the server, declared in the RouteTable one file per area: the JSON API under
// routes/api/, the HTML pages under routes/pages/.

/// GET /api/health, /api/frameworks[/{id}], /api/profiles[/{id}], /api/qualifications[/{id}].
void add_catalog_api(RouteTable& table);
/// The read-only CASE 1.1 REST API under /ims/case/v1p1/.
void add_case_api(RouteTable& table);
/// GET /api/search.
void add_search_api(RouteTable& table);
/// GET /api/compare, /api/similarity.
void add_compare_api(RouteTable& table);
/// /api/functions: list, create, import, read, edit (409 on a concurrent edit), delete,
/// coverage (JSON and SVG), history, versions, export.
void add_function_api(RouteTable& table);
/// GET /api/crosswalks, POST /api/crosswalks/decisions.
void add_crosswalk_api(RouteTable& table);
/// POST /api/analyse: a job text read against the structure.
void add_analyse_api(RouteTable& table);

/// GET /
void add_start_page(RouteTable& table);
/// GET /profiles/{id}[?cluster=], /profiles/{id}/print
void add_profile_pages(RouteTable& table);
/// GET /qualifications/{id}[?tab=]
void add_qualification_page(RouteTable& table);
/// GET /compare?item=…
void add_compare_page(RouteTable& table);
/// GET /search?q=…
void add_search_page(RouteTable& table);
/// GET /functions, /functions/{id} (the function composer)
void add_function_pages(RouteTable& table);
/// GET /analyse (paste or upload a job text), POST /analyse (the result)
void add_analyse_pages(RouteTable& table);
/// POST /crosswalks/decide: the pages' crosswalk decision form without JavaScript.
void add_crosswalk_form(RouteTable& table);
/// /api/me, /api/tokens, /api/organisation/members, /api/audit
void add_account_api(RouteTable& table);
/// /sign-in, /sign-out, /sign-in/link/…, /account and its forms
void add_account_pages(RouteTable& table);
/// /organisation (members, roles, audit) and /organisations (site admin)
void add_organisation_pages(RouteTable& table);
/// GET /static/… (embedded CSS and JS)
void add_static_files(RouteTable& table);

/// Declares a route whose answers are never kept (writes, and reads that depend on who asks).
void uncached_route(RouteTable& table, Method method, std::string pattern, Effect effect,
                    Access access, Kind kind, Handler handler);

/// The server's whole route table.
RouteTable all_routes();

}  // namespace vakkaart::server
