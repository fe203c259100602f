#include "server/web/web_files.h"

#include <string>
#include <unordered_map>

namespace vakkaart::server::web {

namespace {

const std::unordered_map<std::string_view, const EmbeddedFile*>& by_path() {
  static const auto index = [] {
    std::unordered_map<std::string_view, const EmbeddedFile*> m;
    for (const auto& f : embedded_files())
      m.emplace(f.path, &f);
    return m;
  }();
  return index;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const EmbeddedFile* find_web_file(std::string_view path) {
  auto it = by_path().find(path);
  return it == by_path().end() ? nullptr : it->second;
}

std::string asset_url(std::string_view static_path) {
  std::string path = "static/" + std::string(static_path);
  const EmbeddedFile* f = find_web_file(path);
  return "/" + path + (f ? std::string("?v=") + f->hash : std::string());
}

std::string content_type_of(std::string_view path) {
  if (ends_with(path, ".css"))
    return "text/css; charset=utf-8";
  if (ends_with(path, ".js"))
    return "text/javascript; charset=utf-8";
  if (ends_with(path, ".svg"))
    return "image/svg+xml";
  if (ends_with(path, ".json"))
    return "application/json; charset=utf-8";
  return "text/plain; charset=utf-8";
}

}  // namespace vakkaart::server::web
