#include "server/edit_json.h"

#include <limits>

#include "compose/function_service.h"
#include "core/error.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// Reads the members of one JSON edit; every error names `path` and the member.
class EditReader {
 public:
  EditReader(const Json& edit, const std::string& path) : edit_(edit), path_(path) {}

  [[noreturn]] void invalid(const std::string& key, const std::string& message) const {
    throw Error(ErrorCode::invalid_argument, message,
                {"", 0, path_.empty() ? key : path_ + "." + key});
  }

  const Json& required(const char* key) const {
    auto it = edit_.find(key);
    if (it == edit_.end())
      invalid(key, std::string("missing field '") + key + "'");
    return *it;
  }

  bool has(const char* key) const { return edit_.contains(key); }

  /// Present and not null.
  const Json* given(const char* key) const {
    auto it = edit_.find(key);
    return it == edit_.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(const char* key) const {
    const Json& v = required(key);
    if (!v.is_string())
      invalid(key, std::string("'") + key + "' must be a string");
    return v.get<std::string>();
  }

  std::optional<std::string> optional_string(const char* key) const {
    const Json* v = given(key);
    if (!v)
      return std::nullopt;
    if (!v->is_string())
      invalid(key, std::string("'") + key + "' must be a string");
    return v->get<std::string>();
  }

  std::optional<std::size_t> optional_index(const char* key) const {
    const Json* v = given(key);
    if (!v)
      return std::nullopt;
    if (!v->is_number_integer() || v->get<long long>() < 0)
      invalid(key, std::string("'") + key + "' must be a whole number of 0 or more");
    return static_cast<std::size_t>(v->get<long long>());
  }

  std::size_t index(const char* key) const {
    auto at = optional_index(key);
    if (!at)
      invalid(key, std::string("missing field '") + key + "'");
    return *at;
  }

  std::vector<int> positions(const char* key) const {
    const Json& v = required(key);
    if (!v.is_array())
      invalid(key, std::string("'") + key + "' must be an array of positions");
    std::vector<int> out;
    for (const auto& p : v) {
      if (!p.is_number_integer() || p.get<long long>() < 1 || p.get<long long>() > 100000)
        invalid(key, std::string("'") + key + "' must hold positions 1, 2, ...");
      out.push_back(p.get<int>());
    }
    return out;
  }

  std::vector<std::string> texts(const char* key) const {
    std::vector<std::string> out;
    const Json* v = given(key);
    if (!v)
      return out;
    if (!v->is_array())
      invalid(key, std::string("'") + key + "' must be an array of texts");
    for (const auto& t : *v) {
      if (!t.is_string())
        invalid(key, std::string("'") + key + "' must be an array of texts");
      out.push_back(t.get<std::string>());
    }
    return out;
  }

  /// absent: nullopt; null: "no weight"; otherwise a number.
  std::optional<compose::BlockWeight> weight(const char* key) const {
    auto it = edit_.find(key);
    if (it == edit_.end())
      return std::nullopt;
    if (it->is_null())
      return compose::BlockWeight{};
    if (!it->is_number())
      invalid(key, std::string("'") + key + "' must be a number or null");
    return compose::BlockWeight{it->get<double>()};
  }

  compose::BlockId block() const { return {string("block")}; }
  compose::ItemId item() const { return {string("item")}; }

 private:
  const Json& edit_;
  const std::string& path_;
};

compose::Edit set_field_from_json(const EditReader& r) {
  std::string name = r.string("field");
  std::string value = r.string("value");
  auto field = compose::function_field_from_string(name);
  if (!field)
    r.invalid("field",
              "field must be title, purpose, context, organisation or status, not '" + name + "'");
  return compose::SetField{*field, std::move(value)};
}

compose::Edit add_block_from_json(const EditReader& r) {
  compose::AddBlock e;
  e.source = r.string("source");
  if (r.given("items"))
    e.items = r.positions("items");
  e.cluster = r.optional_string("cluster").value_or("");
  e.at = r.optional_index("at");
  return e;
}

compose::Edit add_own_block_from_json(const EditReader& r) {
  compose::AddOwnBlock e;
  e.title = r.string("title");
  e.cluster = r.optional_string("cluster").value_or("");
  e.items = r.texts("items");
  e.at = r.optional_index("at");
  return e;
}

compose::Edit set_block_from_json(const EditReader& r) {
  compose::SetBlock e;
  e.block = r.block();
  e.title = r.optional_string("title");
  e.weight = r.weight("weight");
  e.cluster = r.optional_string("cluster");
  return e;
}

compose::Edit reword_from_json(const EditReader& r) {
  compose::Reword e;
  e.item = r.item();
  e.text = r.optional_string("text");
  if (!r.has("text"))
    r.invalid("text", "missing field 'text' (a string, or null)");
  return e;
}

}  // namespace

compose::Edit edit_from_json(const Json& edit, const std::string& path) {
  EditReader r(edit, path);
  if (!edit.is_object())
    r.invalid("op", "an edit must be an object with an \"op\"");
  std::string op = r.string("op");
  if (op == "set")
    return set_field_from_json(r);
  if (op == "add_block")
    return add_block_from_json(r);
  if (op == "add_own_block")
    return add_own_block_from_json(r);
  if (op == "remove_block")
    return compose::RemoveBlock{r.block()};
  if (op == "move_block") {
    auto block = r.block();
    return compose::MoveBlock{std::move(block), r.index("to")};
  }
  if (op == "set_block")
    return set_block_from_json(r);
  if (op == "select") {
    auto block = r.block();
    return compose::SelectItems{std::move(block), r.positions("items")};
  }
  if (op == "add_item") {
    auto block = r.block();
    auto text = r.string("text");
    return compose::AddItem{std::move(block), std::move(text), r.optional_index("at")};
  }
  if (op == "remove_item")
    return compose::RemoveItem{r.item()};
  if (op == "move_item") {
    auto item = r.item();
    return compose::MoveItem{std::move(item), r.index("to")};
  }
  if (op == "reword")
    return reword_from_json(r);
  if (op == "take_change")
    return compose::TakeChange{r.string("change")};
  if (op == "leave_change")
    return compose::LeaveChange{r.string("change")};
  if (op == "restore") {
    const std::size_t version = r.index("version");
    if (version > static_cast<std::size_t>(std::numeric_limits<int>::max()))
      r.invalid("version", "'version' is not a version of this function");
    return compose::RestoreVersion{static_cast<int>(version)};
  }
  r.invalid("op", "unknown edit '" + op + "'");
}

std::vector<compose::Edit> edits_from_json(const Json& edits) {
  if (!edits.is_array() || edits.empty())
    throw Error(ErrorCode::invalid_argument, "'edits' must be a non-empty array of edits",
                {"", 0, "edits"});
  if (edits.size() > compose::kMaxEditsPerChange)
    throw Error(ErrorCode::too_large,
                "more than " + std::to_string(compose::kMaxEditsPerChange) + " edits in one change",
                {"", 0, "edits"});
  std::vector<compose::Edit> out;
  out.reserve(edits.size());
  for (std::size_t i = 0; i < edits.size(); ++i)
    out.push_back(edit_from_json(edits[i], "edits[" + std::to_string(i) + "]"));
  return out;
}

}  // namespace vakkaart::server
