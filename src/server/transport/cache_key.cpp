#include "server/transport/cache_key.h"

#include <algorithm>
#include <cctype>

#include "text/utf8.h"

namespace vakkaart::server::transport {

const std::map<std::string, std::vector<std::string>>& known_query_parameters() {
  // search_request_from() in request_input.cpp reads these for both search routes.
  static const std::vector<std::string> search = {
      "q",  "limit", "offset", "facets", "profile",   "profiel", "cluster",
      "bk", "level", "niveau", "kind",   "framework", "layer"};
  static const std::map<std::string, std::vector<std::string>> known = {
      {"/api/health", {}},
      {"/api/frameworks", {}},
      {"/api/frameworks/([^/]+)", {}},
      {R"(/api/frameworks/([^/]+)/sheet\.csv)", {}},
      {R"(/api/frameworks/([^/]+)/sheet\.xlsx)", {}},
      {"/api/profiles", {"framework"}},
      {"/api/profiles/([^/]+)", {}},
      {"/api/qualifications", {}},
      {"/api/qualifications/([^/]+)", {}},
      {"/ims/case/v1p1/CFDocuments", {}},
      {"/ims/case/v1p1/CFPackages/([^/]+)", {}},
      {"/ims/case/v1p1/CFItems/([^/]+)", {}},
      {"/ims/case/v1p1/CFAssociations/([^/]+)", {}},
      {"/api/search", search},
      {"/api/crosswalks", {"source", "target", "type", "status"}},
      {"/api/crosswalks/clusters", {"qualification"}},
      {"/api/compare", {"item"}},
      {"/api/similarity", {"item"}},
      {"/", {}},
      {"/analyse", {}},
      {"/search", search},
      {"/compare", {"item"}},
      {"/profiles/([^/]+)", {"cluster"}},
      {"/profiles/([^/]+)/print", {}},
      {"/qualifications/([^/]+)", {"tab"}},
  };
  return known;
}

namespace {

// Percent-encodes everything but unreserved characters and '/', so '?', '&' and '=' inside a
// path or value cannot make two different requests one key.
void append_encoded(std::string& out, const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
}

// The part of a route pattern every path it matches starts with: up to its first regex
// operator (nothing when it has an alternative anywhere, which could start differently).
std::string literal_start(const std::string& pattern) {
  if (pattern.find('|') != std::string::npos)
    return "";
  const auto end = pattern.find_first_of("\\^$.?*+()[]{}");
  // An operator applying to the character before it (a?, a*) makes that one optional too.
  const bool quantified =
      end != std::string::npos && std::string("?*{").find(pattern[end]) != std::string::npos;
  return pattern.substr(0, end == std::string::npos ? end : end - (quantified && end > 0));
}

}  // namespace

CacheKeys::CacheKeys(const std::vector<RouteSpec>& routes) {
  const auto& known = known_query_parameters();
  for (const auto& r : routes) {
    if (r.method != Method::get)
      continue;
    const bool cacheable = r.cache == Cache::by_content;
    auto it = known.find(r.pattern);
    const std::string literal = literal_start(r.pattern);
    routes_.push_back({std::regex(r.pattern), r.pattern, literal, literal == r.pattern,
                       cacheable && it != known.end() ? &it->second : nullptr, cacheable});
  }
}

std::optional<CacheKeys::Key> CacheKeys::key(const std::string& path,
                                             const httplib::Params& params) const {
  const Route* route = nullptr;
  for (const auto& r : routes_) {
    const bool match = r.only_literal
                           ? path == r.literal
                           : path.rfind(r.literal, 0) == 0 && std::regex_match(path, r.pattern);
    if (match) {
      route = &r;
      break;
    }
  }
  if (!route || !route->known)
    return std::nullopt;
  Key key;
  append_encoded(key.text, path);
  char separator = '?';
  // httplib::Params is a multimap: sorted by name, and one name's values in arrival order.
  for (const auto& [name, value] : params) {
    if (!text::is_valid_utf8(name) || !text::is_valid_utf8(value))
      return std::nullopt;
    const bool known = name == "lang" || std::find(route->known->begin(), route->known->end(),
                                                   name) != route->known->end();
    if (!known) {
      key.exact = false;
      continue;
    }
    key.text += separator;
    separator = '&';
    append_encoded(key.text, name);
    key.text += '=';
    append_encoded(key.text, value);
  }
  return key;
}

std::vector<std::string> CacheKeys::undeclared() const {
  std::vector<std::string> out;
  for (const auto& r : routes_)
    if (r.cacheable && !r.known)
      out.push_back(r.source);
  return out;
}

}  // namespace vakkaart::server::transport
