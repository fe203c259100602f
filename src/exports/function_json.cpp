#include "exports/function_json.h"

#include "core/error.h"
#include "core/json_reader.h"

namespace vakkaart::exports {

namespace {

Json nullable(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json source_to_json(const model::BlockSource& s) {
  Json j;
  j["kind"] = model::to_string(s.kind);
  j["ref"] = s.ref;
  j["item"] = s.item_id;
  j["item_title"] = s.item_title;
  j["framework"] = s.framework_id;
  j["cluster"] = s.cluster_id;
  j["position"] = s.position;
  j["title"] = s.title;
  j["version"] = s.version;
  Json statements = Json::array();
  for (const auto& st : s.statements)
    statements.push_back({{"text", st.text}, {"kind", st.kind}, {"detail", st.detail}});
  j["statements"] = std::move(statements);
  return j;
}

Json block_to_json(const model::FunctionBlock& b) {
  Json j;
  j["id"] = b.id;
  j["layer"] = b.layer_id;
  j["cluster"] = b.cluster_id;
  j["title"] = b.title;
  j["weight"] = b.weight ? Json(*b.weight) : Json(nullptr);
  j["source"] = b.source ? source_to_json(*b.source) : Json(nullptr);
  Json items = Json::array();
  for (const auto& i : b.items) {
    Json item;
    item["id"] = i.id;
    item["kind"] = i.kind;
    item["original"] = i.original;
    item["source_position"] = i.source_position;
    item["wording"] = nullable(i.wording);
    items.push_back(std::move(item));
  }
  j["items"] = std::move(items);
  j["decided_changes"] = b.decided_changes;
  return j;
}

model::BlockSource read_source(const JsonReader& r, const Json& j, const std::string& path) {
  model::BlockSource s;
  std::string kind = r.str(j, path, "kind");
  if (kind == "profile")
    s.kind = model::SourceKind::profile;
  else if (kind == "qualification")
    s.kind = model::SourceKind::qualification;
  else
    r.fail(path + ".kind", "expected \"profile\" or \"qualification\"");
  s.ref = r.str(j, path, "ref");
  s.item_id = r.str(j, path, "item");
  s.item_title = r.str(j, path, "item_title");
  s.framework_id = r.str(j, path, "framework");
  s.cluster_id = r.str(j, path, "cluster");
  s.position = r.integer(j, path, "position");
  s.title = r.str(j, path, "title");
  s.version = r.str(j, path, "version");
  const Json& statements = r.array(j, path, "statements");
  for (std::size_t i = 0; i < statements.size(); ++i) {
    std::string p = path + ".statements[" + std::to_string(i) + "]";
    s.statements.push_back({r.str(statements[i], p, "text"), r.str(statements[i], p, "kind"),
                            r.str(statements[i], p, "detail")});
  }
  return s;
}

model::FunctionBlock read_block(const JsonReader& r, const Json& j, const std::string& path) {
  model::FunctionBlock b;
  b.id = r.str(j, path, "id");
  b.layer_id = r.str(j, path, "layer");
  b.cluster_id = r.str(j, path, "cluster");
  b.title = r.str(j, path, "title");
  b.weight = r.opt_number(j, path, "weight");
  const Json& source = r.member(j, path, "source");
  if (!source.is_null())
    b.source = read_source(r, source, path + ".source");
  const Json& items = r.array(j, path, "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string p = path + ".items[" + std::to_string(i) + "]";
    model::FunctionItem item;
    item.id = r.str(items[i], p, "id");
    item.kind = r.str(items[i], p, "kind");
    item.original = r.str(items[i], p, "original");
    item.source_position = r.integer(items[i], p, "source_position");
    item.wording = r.opt_str(items[i], p, "wording");
    b.items.push_back(std::move(item));
  }
  const Json& decided = r.array(j, path, "decided_changes");
  for (std::size_t i = 0; i < decided.size(); ++i) {
    if (!decided[i].is_string())
      r.fail(path + ".decided_changes[" + std::to_string(i) + "]", "expected a string");
    b.decided_changes.push_back(decided[i].get<std::string>());
  }
  return b;
}

}  // namespace

Json function_to_json(const model::FunctionProfile& f) {
  Json j;
  j["kind"] = "function";
  j["id"] = f.id;
  j["organisation"] = f.organisation;
  j["title"] = f.title;
  j["purpose"] = f.purpose;
  j["context"] = f.context;
  j["status"] = model::to_string(f.status);
  j["version"] = f.version;
  j["created"] = f.created;
  j["updated"] = f.updated;
  j["framework"] = f.framework_id;
  j["next_id"] = f.next_id;
  Json blocks = Json::array();
  for (const auto& b : f.blocks)
    blocks.push_back(block_to_json(b));
  j["blocks"] = std::move(blocks);
  return j;
}

model::FunctionProfile function_from_json(const Json& j, const std::string& file_name) {
  // A function's texts are the user's own: read byte for byte.
  JsonReader r(file_name);
  const std::string path = "$";
  if (r.str(j, path, "kind") != "function")
    r.fail("$.kind", "expected \"function\"");
  model::FunctionProfile f;
  f.id = r.str(j, path, "id");
  if (f.id.empty())
    r.fail("$.id", "must not be empty");
  f.organisation = r.str(j, path, "organisation");
  f.title = r.str(j, path, "title");
  f.purpose = r.str(j, path, "purpose");
  f.context = r.str(j, path, "context");
  auto status = model::function_status_from_string(r.str(j, path, "status"));
  if (!status)
    r.fail("$.status", "expected \"draft\" or \"final\"");
  f.status = *status;
  f.version = r.integer(j, path, "version");
  if (f.version < 1)
    r.fail("$.version", "must be 1 or more");
  f.created = r.str(j, path, "created");
  f.updated = r.str(j, path, "updated");
  f.framework_id = r.str(j, path, "framework");
  f.next_id = r.integer(j, path, "next_id");
  const Json& blocks = r.array(j, path, "blocks");
  for (std::size_t i = 0; i < blocks.size(); ++i)
    f.blocks.push_back(read_block(r, blocks[i], "$.blocks[" + std::to_string(i) + "]"));
  return f;
}

model::FunctionProfile parse_function_json(std::string_view text, const std::string& file_name) {
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::exception& e) {  // parse_error, or out_of_range for "1e999"
    throw Error(ErrorCode::parse_error, std::string("not valid JSON: ") + e.what(),
                {file_name, 0, ""});
  }
  return function_from_json(j, file_name);
}

bool looks_like_function_json(std::string_view text) {
  auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{')
    return false;
  auto head = text.substr(0, 200);
  return head.find("\"kind\"") != std::string_view::npos &&
         head.find("\"function\"") != std::string_view::npos;
}

}  // namespace vakkaart::exports
