#include "server/transport/transport_errors.h"

#include "core/json.h"
#include "server/pipeline.h"
#include "server/request_input.h"
#include "server/transport/security_headers.h"
#include "server/views/page.h"

namespace vakkaart::server::transport {

const char* reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 421:
      return "Misdirected Request";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

const char* transport_code(int status) {
  switch (status) {
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 408:
      return "request_timeout";
    case 413:
      return "too_large";
    case 414:
      return "uri_too_long";
    case 415:
      return "unsupported_media_type";
    case 421:
      return "misdirected_request";
    case 429:
      return "too_many_connections";
    case 431:
      return "headers_too_large";
    case 501:
      return "not_implemented";
    case 503:
      return "server_busy";
    default:
      return "bad_request";
  }
}

void send_transport_error(const httplib::Request& req, httplib::Response& res, int status,
                          const std::string& detail) {
  const std::string text = printable_utf8(detail);
  if (kind_of_unrouted(req) == Kind::page) {
    send_error_page(req, res, status, text);
    return;
  }
  // As send_problem() writes it, with the title of statuses only the transport gives.
  const vakkaart::Json body = {{"type", "about:blank"},
                               {"title", reason_phrase(status)},
                               {"status", status},
                               {"code", transport_code(status)},
                               {"detail", text}};
  res.status = status;
  res.set_content(body.dump(), "application/problem+json; charset=utf-8");
}

std::string refusal_bytes(const Head& head, int status, const std::string& detail,
                          const std::string& extra_headers) {
  httplib::Request req;
  req.method = head.method;
  req.path = head.target.substr(0, head.target.find('?'));
  if (!head.accept.empty())
    req.set_header("Accept", head.accept);
  httplib::Response res;
  try {
    send_transport_error(req, res, status, detail);
  } catch (...) {
    // A page that cannot be rendered must not take the refusal with it.
    res.set_content(std::string(reason_phrase(status)) + "\n", "text/plain; charset=utf-8");
  }
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
  out += "Content-Type: " + res.get_header_value("Content-Type") + "\r\n";
  out += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
  out += "Connection: close\r\n";
  out += security_header_lines();
  out += extra_headers;
  out += "\r\n";
  if (head.method != "HEAD")
    out += res.body;
  return out;
}

}  // namespace vakkaart::server::transport
