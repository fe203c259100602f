#include "server/responses.h"

namespace vakkaart::server {

const char* status_title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

void send_json(httplib::Response& res, const vakkaart::Json& body) {
  send_json_text(res, body.dump());
}

void send_json_text(httplib::Response& res, const std::string& body) {
  res.status = 200;
  res.set_content(body, "application/json; charset=utf-8");
}

void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& detail, const std::string& field) {
  vakkaart::Json body = {{"type", "about:blank"},
                         {"title", status_title(status)},
                         {"status", status},
                         {"code", code},
                         {"detail", detail}};
  if (!field.empty())
    body["field"] = field;
  res.status = status;
  // A message may quote what the client sent: replace bytes that are not UTF-8 rather than
  // fail while answering.
  res.set_content(body.dump(-1, ' ', false, vakkaart::Json::error_handler_t::replace),
                  "application/problem+json; charset=utf-8");
}

void send_problem(httplib::Response& res, const Error& e) {
  send_problem(res, e.http_status(), e.code_name(), e.message(), e.where().field);
}

}  // namespace vakkaart::server
