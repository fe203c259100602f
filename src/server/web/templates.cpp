#include "server/web/templates.h"

#include <map>

#include <mstch/mstch.hpp>

#include "core/error.h"
#include "server/web/embedded_files.h"

namespace vakkaart::server::web {

namespace {

constexpr std::string_view kDir = "templates/";
constexpr std::string_view kExt = ".mustache";

const std::map<std::string, std::string>& templates_by_name() {
  static const auto all = [] {
    std::map<std::string, std::string> m;
    for (const auto& f : embedded_files()) {
      std::string_view path = f.path;
      if (path.starts_with(kDir) && path.ends_with(kExt)) {
        path.remove_prefix(kDir.size());
        path.remove_suffix(kExt.size());
        m.emplace(std::string(path), f.content);
      }
    }
    return m;
  }();
  return all;
}

// Mustache has no numbers-as-text rules of its own: ints stay ints (so {{#count}} is false for
// 0), other numbers become doubles; null is false.
mstch::node to_node(const vakkaart::Json& j) {
  switch (j.type()) {
    case vakkaart::Json::value_t::object: {
      mstch::map m;
      for (const auto& [k, v] : j.items())
        m.emplace(k, to_node(v));
      return m;
    }
    case vakkaart::Json::value_t::array: {
      mstch::array a;
      a.reserve(j.size());
      for (const auto& v : j)
        a.push_back(to_node(v));
      return a;
    }
    case vakkaart::Json::value_t::string:
      return j.get<std::string>();
    case vakkaart::Json::value_t::boolean:
      return j.get<bool>();
    case vakkaart::Json::value_t::number_integer:
    case vakkaart::Json::value_t::number_unsigned:
      return static_cast<int>(j.get<long long>());
    case vakkaart::Json::value_t::number_float:
      return j.get<double>();
    default:
      return nullptr;
  }
}

}  // namespace

std::string render_template(const std::string& name, const vakkaart::Json& view) {
  const auto& all = templates_by_name();
  auto it = all.find(name);
  if (it == all.end())
    throw Error(ErrorCode::internal, "no template '" + name + "'");
  return mstch::render(it->second, to_node(view), all);
}

}  // namespace vakkaart::server::web
