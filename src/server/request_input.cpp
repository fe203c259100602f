#include "server/request_input.h"

#include <charconv>
#include <limits>

#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::server {

namespace {

void require_utf8(const std::string& value, const std::string& field, const std::string& what) {
  if (text::is_valid_utf8(value))
    return;
  throw Error(ErrorCode::invalid_argument,
              what + " is not valid UTF-8 (percent-encode text as UTF-8)",
              {"", 0, text::is_valid_utf8(field) ? field : printable_utf8(field)});
}

}  // namespace

std::string printable_utf8(const std::string& s) {
  if (text::is_valid_utf8(s))
    return s;
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t at = 0; at < s.size();) {
    const auto cp = text::decode_utf8(s, at);
    text::append_utf8(out, cp.valid ? cp.value : U'\uFFFD');
    at += cp.length;
  }
  return out;
}

void check_request_text(const httplib::Request& req) {
  // matches[0] is the whole path; its parts are what the handler sees.
  for (std::size_t i = 1; i < req.matches.size(); ++i)
    require_utf8(req.matches[i].str(), "path", "a path parameter");
  for (const auto& [name, value] : req.params) {
    require_utf8(name, "query", "a parameter name");
    require_utf8(value, name, "parameter '" + printable_utf8(name) + "'");
  }
  for (const auto& [name, file] : req.files) {
    require_utf8(name, "body", "a form field name");
    require_utf8(file.filename, name, "the file name of '" + printable_utf8(name) + "'");
  }
}

std::vector<std::string> list_param(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
    const std::string value = req.get_param_value(name, i);  // split() returns views into it
    for (auto part : text::split(value, ',')) {
      part = text::trim(part);
      if (!part.empty())
        out.emplace_back(part);
    }
  }
  return out;
}

std::vector<std::string> item_ids(const httplib::Request& req) {
  return list_param(req, "item");
}

long long whole_number(const std::string& text, const std::string& field, long long min,
                       long long max) {
  long long parsed = 0;
  const char* end = text.data() + text.size();
  // Digits only: from_chars takes no sign, space or exponent here, and reports overflow.
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
  if (!digits || ec != std::errc() || ptr != end || parsed < min || parsed > max)
    throw Error(ErrorCode::invalid_argument,
                field + " must be a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max),
                {"", 0, field});
  return parsed;
}

std::size_t size_param(const httplib::Request& req, const std::string& name, std::size_t fallback,
                       std::size_t max) {
  if (!req.has_param(name))
    return fallback;
  const auto limit = static_cast<long long>(
      std::min<std::size_t>(max, static_cast<std::size_t>(std::numeric_limits<long long>::max())));
  return static_cast<std::size_t>(whole_number(req.get_param_value(name), name, 0, limit));
}

search::SearchRequest search_request_from(const httplib::Request& req) {
  search::SearchRequest request;
  request.query = req.get_param_value("q");
  request.limit = size_param(req, "limit", 10, 100);
  request.offset = size_param(req, "offset", 0, 10000);
  request.facets = req.get_param_value("facets") == "1";
  for (const char* key :
       {"profile", "profiel", "cluster", "bk", "level", "niveau", "kind", "framework", "layer"}) {
    for (std::size_t i = 0; i < req.get_param_value_count(key); ++i)
      request.filters.emplace_back(key, req.get_param_value(key, i));
  }
  // Filters alone list what they keep (cluster=communiceren); with neither there is nothing.
  if (request.query.empty() && request.filters.empty())
    throw Error(ErrorCode::invalid_argument,
                "q is required: the words to look for (or a filter such as cluster=communiceren)",
                {"", 0, "q"});
  return request;
}

vakkaart::Json json_body(const httplib::Request& req) {
  try {
    return vakkaart::Json::parse(req.body);
  } catch (const nlohmann::json::exception& e) {
    // A parse error (ill-formed JSON, invalid UTF-8 in a string) or a number JSON allows but
    // a double cannot hold (out_of_range 406, e.g. 1e999): either way the client's body.
    // The library's message may quote the offending bytes: keep it printable.
    throw Error(ErrorCode::invalid_argument,
                "the body is not JSON vakkaart can read: " + printable_utf8(e.what()),
                {"", 0, "body"});
  }
}

std::string json_string_member(const vakkaart::Json& body, const char* key, bool required) {
  auto it = body.find(key);  // end() on anything but an object: "missing field"
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
