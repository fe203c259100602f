#include "server/routes/route_helpers.h"

#include "core/error.h"
#include "server/routes/routes.h"
#include "text/text_utils.h"

namespace vakkaart::server {

std::vector<std::string> item_ids(const httplib::Request& req) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < req.get_param_value_count("item"); ++i) {
    const std::string value = req.get_param_value("item", i);
    for (auto part : text::split(value, ',')) {
      part = text::trim(part);
      if (!part.empty())
        ids.emplace_back(part);
    }
  }
  return ids;
}

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

void send_json(httplib::Response& res, const vakkaart::Json& body) {
  send_json_text(res, body.dump());
}

void send_json_text(httplib::Response& res, const std::string& body) {
  res.status = 200;
  res.set_content(body, "application/json; charset=utf-8");
}

void keep_response(StorePool& pool, const httplib::Request& req, const httplib::Response& res) {
  if (pool.responses() && req.method == "GET" && res.status == 200)
    pool.responses()->store(req.target, {res.get_header_value("Content-Type"),
                                         res.get_header_value("Content-Language"), res.body});
}

httplib::Server::Handler with_store(
    StorePool& pool,
    const std::function<void(store::Store&, const httplib::Request&, httplib::Response&)>& body) {
  return [&pool, body](const httplib::Request& req, httplib::Response& res) {
    try {
      {
        auto lease = pool.borrow();
        body(*lease, req, res);
      }
      keep_response(pool, req, res);
    } catch (const Error& e) {
      send_problem(res, e);
    }
  };
}

vakkaart::Json json_body(const httplib::Request& req) {
  try {
    return vakkaart::Json::parse(req.body);
  } catch (const vakkaart::Json::parse_error& e) {
    throw Error(ErrorCode::invalid_argument, std::string("the body is not JSON: ") + e.what(),
                {"", 0, "body"});
  }
}

std::string json_string_member(const vakkaart::Json& body, const char* key, bool required) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required)
      throw Error(ErrorCode::invalid_argument, std::string("missing field '") + key + "'",
                  {"", 0, key});
    return "";
  }
  if (!it->is_string())
    throw Error(ErrorCode::invalid_argument, std::string("'") + key + "' must be a string",
                {"", 0, key});
  return it->get<std::string>();
}

}  // namespace vakkaart::server
