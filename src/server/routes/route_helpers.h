#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "formats/canonical_json.h"
#include "server/store_pool.h"

namespace vakkaart::server {

/// 200 with a JSON body.
void send_json(httplib::Response& res, const formats::Json& body);
void send_json_text(httplib::Response& res, const std::string& body);

/// Wraps a handler: borrows a store and turns library errors into problem responses.
httplib::Server::Handler with_store(
    StorePool& pool,
    const std::function<void(store::Store&, const httplib::Request&, httplib::Response&)>& body);

}  // namespace vakkaart::server
