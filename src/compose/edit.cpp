#include "compose/edit.h"

#include <charconv>

#include "core/error.h"

namespace vakkaart::compose {

namespace {

/// The id as it is when it has the wanted prefix and a number a function can hand out.
std::optional<std::string> id_with_prefix(const std::string& text, char prefix) {
  if (text.empty() || text[0] != prefix || !part_id_number(text))
    return std::nullopt;
  return text;
}

}  // namespace

std::optional<int> part_id_number(const std::string& text) {
  if (text.size() < 2 || (text[0] != 'b' && text[0] != 'i'))
    return std::nullopt;
  int n = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data() + 1, end, n);
  if (ec != std::errc() || stop != end || n < 1)
    return std::nullopt;
  return n;
}

BlockId parse_block_id(const std::string& text, const std::string& field) {
  if (auto id = id_with_prefix(text, 'b'))
    return {*id};
  throw Error(ErrorCode::invalid_argument, "'" + text + "' is not a block id such as b3",
              {"", 0, field});
}

ItemId parse_item_id(const std::string& text, const std::string& field) {
  if (auto id = id_with_prefix(text, 'i'))
    return {*id};
  throw Error(ErrorCode::invalid_argument, "'" + text + "' is not an item id such as i7",
              {"", 0, field});
}

std::variant<BlockId, ItemId> parse_part_id(const std::string& text, const std::string& field) {
  if (auto id = id_with_prefix(text, 'b'))
    return BlockId{*id};
  if (auto id = id_with_prefix(text, 'i'))
    return ItemId{*id};
  throw Error(ErrorCode::invalid_argument,
              "'" + text + "' is neither a block id (b3) nor an item id (i7)", {"", 0, field});
}

const char* to_string(FunctionField field) {
  switch (field) {
    case FunctionField::title:
      return "title";
    case FunctionField::purpose:
      return "purpose";
    case FunctionField::context:
      return "context";
    case FunctionField::organisation:
      return "organisation";
    case FunctionField::status:
      return "status";
  }
  return "";
}

std::optional<FunctionField> function_field_from_string(const std::string& name) {
  for (auto f : {FunctionField::title, FunctionField::purpose, FunctionField::context,
                 FunctionField::organisation, FunctionField::status})
    if (name == to_string(f))
      return f;
  return std::nullopt;
}

}  // namespace vakkaart::compose
