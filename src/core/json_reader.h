#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace vakkaart {

/// Reads typed members of a JSON document and reports the JSON path of whatever is missing or
/// mistyped as Error(parse_error) naming the file. Every string read passes through `filter`
/// when one is given: sources' texts are read with their whitespace collapsed (as the importers
/// store them, with text::collapse_whitespace); a function's texts are the user's own and are
/// kept exactly (no filter). A function pointer keeps core/ free of text/.
class JsonReader {
 public:
  using TextFilter = std::string (*)(std::string_view);

  explicit JsonReader(std::string file, TextFilter filter = nullptr)
      : file_(std::move(file)), filter_(filter) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what) const;
  const Json& member(const Json& obj, const std::string& path, const char* key) const;
  std::string str(const Json& obj, const std::string& path, const char* key) const;
  std::optional<std::string> opt_str(const Json& obj, const std::string& path,
                                     const char* key) const;
  int integer(const Json& obj, const std::string& path, const char* key) const;
  std::optional<int> opt_int(const Json& obj, const std::string& path, const char* key) const;
  std::optional<double> opt_number(const Json& obj, const std::string& path, const char* key) const;
  const Json& array(const Json& obj, const std::string& path, const char* key) const;
  std::vector<std::string> str_array(const Json& obj, const std::string& path,
                                     const char* key) const;

 private:
  std::string text(const Json& value) const;

  std::string file_;
  TextFilter filter_;
};

}  // namespace vakkaart
