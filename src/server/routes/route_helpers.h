#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

#include "core/json.h"
#include "search/searcher.h"
#include "server/store_pool.h"

namespace vakkaart::server {

/// 200 with a JSON body.
void send_json(httplib::Response& res, const vakkaart::Json& body);
void send_json_text(httplib::Response& res, const std::string& body);

/// Every `item` parameter, each also split at commas ("?item=a,b&item=c"); blanks dropped.
std::vector<std::string> item_ids(const httplib::Request& req);

/// A whole number query parameter in [0, max]; `fallback` when absent. Error names the field.
std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback,
                       std::size_t max);

/// The search the query string asks for (q, limit, offset, facets=1, filters); q is required.
search::SearchRequest search_request_from(const httplib::Request& req);

/// The request body as JSON; Error(invalid_argument, field "body") when it is not JSON.
vakkaart::Json json_body(const httplib::Request& req);

/// A string member of a JSON body ("" when absent and not required); Error naming the field
/// when it is missing but required, or not a string.
std::string json_string_member(const vakkaart::Json& body, const char* key, bool required);

/// Keeps a successful GET response in the server's cache (before httplib compresses it).
void keep_response(StorePool& pool, const httplib::Request& req, const httplib::Response& res);

/// Wraps a handler: borrows a store and turns library errors into problem responses.
httplib::Server::Handler with_store(
    StorePool& pool,
    const std::function<void(store::Store&, const httplib::Request&, httplib::Response&)>& body);

}  // namespace vakkaart::server
