#include "server/web/templates.h"

#include <map>
#include <set>
#include <vector>

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

/// The names of the partials a template includes itself ("{{> head}}"; none of ours changes
/// the delimiters).
std::set<std::string> partials_named_in(const std::string& text) {
  std::set<std::string> names;
  for (std::size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    std::size_t i = at + 2;
    while (i < text.size() && text[i] == ' ')
      ++i;
    if (i >= text.size() || text[i] != '>')
      continue;
    const std::size_t end = text.find("}}", i);
    if (end == std::string::npos)
      break;
    std::string name = text.substr(i + 1, end - i - 1);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    names.insert(std::move(name));
  }
  return names;
}

/// For each template, the partials it can reach (its own and theirs), by name. mstch parses
/// every partial it is given on every render, so a page gets only the ones it can use: handing
/// it all templates made each page parse all of them (most of an error page's time).
const std::map<std::string, std::map<std::string, std::string>>& partials_by_template() {
  static const auto by_template = [] {
    const auto& all = templates_by_name();
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const auto& [name, text] : all) {
      auto& reach = out[name];
      std::vector<std::string> todo(1, name);
      while (!todo.empty()) {
        const std::string next = std::move(todo.back());
        todo.pop_back();
        const auto it = all.find(next);
        if (it == all.end())
          continue;  // mstch renders an unknown partial as nothing
        for (auto& partial : partials_named_in(it->second)) {
          if (const auto p = all.find(partial); p != all.end() && reach.emplace(*p).second)
            todo.push_back(partial);
        }
      }
    }
    return out;
  }();
  return by_template;
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
  return mstch::render(it->second, to_node(view), partials_by_template().at(name));
}

}  // namespace vakkaart::server::web
