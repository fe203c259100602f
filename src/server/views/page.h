#pragma once

#include <string>

#include <httplib.h>

#include "core/json.h"
#include "server/pipeline.h"

namespace vakkaart::server {

/// A page to send: a template of web/templates and its view (merged into the common view).
/// Whether it may be cached is the route's declaration (RouteSpec::cache), not the page's.
struct Page {
  std::string template_name;
  std::string title;
  vakkaart::Json view;
  /// 400 for a page that shows a refused input with its form (a search that cannot be run).
  int status = 200;
};

/// `path` with `params` as a query string, plus lang=en on English pages, so every link keeps
/// the language and every page has a stable URL.
std::string page_url(const std::string& path, const httplib::Params& params,
                     const std::string& lang);

/// The query parameters of a request without `lang`.
httplib::Params params_without_lang(const httplib::Request& req);

/// Renders `page` inside the common layout (navigation, language switch, asset URLs) as the
/// 200 response of `ctx`.
void send_page(Context& ctx, Page page);

/// Renders the HTML error page for a status.
void send_error_page(const httplib::Request& req, httplib::Response& res, int status,
                     const std::string& detail);

}  // namespace vakkaart::server
