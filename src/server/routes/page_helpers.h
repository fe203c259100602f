#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "core/json.h"
#include "server/store_pool.h"

namespace vakkaart::server {

/// What a page handler gets: the request, its language and a borrowed store.
struct PageRequest {
  const httplib::Request& http;
  std::string lang;  // "nl" (default) or "en"
  store::Store& store;
  const std::string& db_path;
};

/// A page to send: a template of web/templates and its view (merged into the common view).
struct Page {
  std::string template_name;
  std::string title;
  vakkaart::Json view;
  /// False for pages of what users edit (function profiles): the response cache tells a
  /// database's generation by file size and time, and an editor must never see a stale copy.
  bool cacheable = true;
};

/// `path` with `params` as a query string, plus lang=en on English pages, so every link keeps
/// the language and every page has a stable URL.
std::string page_url(const std::string& path, const httplib::Params& params,
                     const std::string& lang);

/// The query parameters of a request without `lang`.
httplib::Params params_without_lang(const httplib::Request& req);

/// Wraps a page handler: borrows a store, renders the template inside the common layout
/// (navigation, language switch, asset URLs) and turns errors into an HTML error page.
httplib::Server::Handler page_handler(StorePool& pool,
                                      const std::function<Page(const PageRequest&)>& body);

/// Renders the HTML error page for a status.
void send_error_page(const httplib::Request& req, httplib::Response& res, int status,
                     const std::string& detail);

}  // namespace vakkaart::server
