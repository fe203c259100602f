#pragma once

#include <string>

#include <httplib.h>

#include "core/error.h"
#include "core/json.h"

namespace vakkaart::server {

/// 200 with a JSON body.
void send_json(httplib::Response& res, const vakkaart::Json& body);
/// 200 with a body that is already JSON text.
void send_json_text(httplib::Response& res, const std::string& body);

/// An RFC 7807 problem object with the given status (and `field` when not empty). Never
/// throws: text that is not UTF-8 is replaced, not refused.
void send_problem(httplib::Response& res, int status, const std::string& code,
                  const std::string& detail, const std::string& field = "");
/// The problem for a library error: its status and code, and `field` when it names one.
void send_problem(httplib::Response& res, const Error& e);

/// "Bad Request", "Not Found", … for a status.
const char* status_title(int status);

}  // namespace vakkaart::server
