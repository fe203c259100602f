#include "core/json_reader.h"

#include "core/error.h"

namespace vakkaart {

void JsonReader::fail(const std::string& path, const std::string& what) const {
  throw Error(ErrorCode::parse_error, what, {file_, 0, path});
}

const Json& JsonReader::member(const Json& obj, const std::string& path, const char* key) const {
  if (!obj.is_object())
    fail(path, "expected an object");
  auto it = obj.find(key);
  if (it == obj.end())
    fail(path + "." + key, "missing field");
  return *it;
}

std::string JsonReader::text(const Json& value) const {
  return filter_ ? filter_(value.get_ref<const std::string&>()) : value.get<std::string>();
}

std::string JsonReader::str(const Json& obj, const std::string& path, const char* key) const {
  const Json& v = member(obj, path, key);
  if (!v.is_string())
    fail(path + "." + key, "expected a string");
  return text(v);
}

std::optional<std::string> JsonReader::opt_str(const Json& obj, const std::string& path,
                                               const char* key) const {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null())
    return std::nullopt;
  if (!it->is_string())
    fail(path + "." + key, "expected a string or null");
  return text(*it);
}

int JsonReader::integer(const Json& obj, const std::string& path, const char* key) const {
  const Json& v = member(obj, path, key);
  if (!v.is_number_integer())
    fail(path + "." + key, "expected a whole number");
  return v.get<int>();
}

std::optional<int> JsonReader::opt_int(const Json& obj, const std::string& path,
                                       const char* key) const {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null())
    return std::nullopt;
  if (!it->is_number_integer())
    fail(path + "." + key, "expected an integer or null");
  return it->get<int>();
}

std::optional<double> JsonReader::opt_number(const Json& obj, const std::string& path,
                                             const char* key) const {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null())
    return std::nullopt;
  if (!it->is_number())
    fail(path + "." + key, "expected a number or null");
  return it->get<double>();
}

const Json& JsonReader::array(const Json& obj, const std::string& path, const char* key) const {
  const Json& v = member(obj, path, key);
  if (!v.is_array())
    fail(path + "." + key, "expected an array");
  return v;
}

std::vector<std::string> JsonReader::str_array(const Json& obj, const std::string& path,
                                               const char* key) const {
  std::vector<std::string> out;
  const Json& a = array(obj, path, key);
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string())
      fail(path + "." + key + "[" + std::to_string(i) + "]", "expected a string");
    out.push_back(text(a[i]));
  }
  return out;
}

}  // namespace vakkaart
