#include "search/query_parser.h"

#include <unicode/utf8.h>

#include <map>

#include "core/error.h"
#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::search {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_key(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return false;
  }
  return true;
}

/// Cuts at a UTF-8 character boundary at most `limit` bytes in.
std::string_view cut_utf8(std::string_view s, std::size_t limit) {
  if (s.size() <= limit)
    return s;
  std::size_t end = limit;
  while (end > 0 && U8_IS_TRAIL(static_cast<uint8_t>(s[end])))
    --end;
  return s.substr(0, end);
}

}  // namespace

std::string canonical_facet(std::string_view key) {
  static const std::map<std::string, std::string, std::less<>> aliases = {
      {"profiel", "profile"},
      {"profile", "profile"},
      {"beroep", "profile"},
      {"cluster", "cluster"},
      {"bk", "bk"},
      {"kwalificatie", "bk"},
      {"qualification", "bk"},
      {"niveau", "level"},
      {"level", "level"},
      {"vks", "level"},
      {"kind", "kind"},
      {"soort", "kind"},
      {"framework", "framework"},
      {"structuur", "framework"},
      {"layer", "layer"},
      {"ring", "layer"},
      {"schil", "layer"},
  };
  const auto it = aliases.find(text::to_lower(key));
  return it == aliases.end() ? std::string() : it->second;
}

ParsedQuery parse_query(std::string_view query) {
  ParsedQuery parsed;
  if (query.size() > kMaxQueryBytes) {
    query = cut_utf8(query, kMaxQueryBytes);
    parsed.notes.push_back("the query was cut to its first " + std::to_string(query.size()) +
                           " bytes");
  }
  QueryItem::Mode next_mode = QueryItem::Mode::optional;
  bool previous_required_by_and = false;
  std::size_t i = 0;
  auto push = [&](QueryItem item) {
    if (parsed.items.size() >= kMaxQueryItems) {
      if (parsed.items.size() == kMaxQueryItems) {
        parsed.notes.push_back("only the first " + std::to_string(kMaxQueryItems) +
                               " words are used");
      }
      return;
    }
    if (item.mode == QueryItem::Mode::optional)
      item.mode = next_mode;
    if (previous_required_by_and && item.mode == QueryItem::Mode::optional) {
      item.mode = QueryItem::Mode::required;
    }
    previous_required_by_and = false;
    next_mode = QueryItem::Mode::optional;
    parsed.items.push_back(std::move(item));
  };
  while (i < query.size()) {
    if (is_space(query[i])) {
      ++i;
      continue;
    }
    QueryItem::Mode sign = QueryItem::Mode::optional;
    if ((query[i] == '-' || query[i] == '+') && i + 1 < query.size() && !is_space(query[i + 1])) {
      sign = query[i] == '-' ? QueryItem::Mode::excluded : QueryItem::Mode::required;
      ++i;
    }
    if (query[i] == '"') {
      const auto close = query.find('"', i + 1);
      if (close == std::string_view::npos) {
        parsed.notes.emplace_back("a quote was not closed; the phrase runs to the end");
      }
      const auto end = close == std::string_view::npos ? query.size() : close;
      const auto phrase = text::trim(query.substr(i + 1, end - i - 1));
      if (!phrase.empty())
        push({QueryItem::Kind::phrase, sign, std::string(phrase)});
      i = close == std::string_view::npos ? query.size() : close + 1;
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !is_space(query[end]) && query[end] != '"')
      ++end;
    std::string_view token = query.substr(i, end - i);
    const auto colon = token.find(':');
    if (colon != std::string_view::npos && is_key(token.substr(0, colon))) {
      const auto key = token.substr(0, colon);
      std::string value(token.substr(colon + 1));
      if (value.empty() && end < query.size() && query[end] == '"') {  // key:"quoted value"
        const auto close = query.find('"', end + 1);
        const auto stop = close == std::string_view::npos ? query.size() : close;
        value = std::string(query.substr(end + 1, stop - end - 1));
        end = close == std::string_view::npos ? query.size() : close + 1;
      }
      const std::string facet = canonical_facet(key);
      if (facet.empty()) {
        throw Error(ErrorCode::invalid_argument,
                    "unknown filter \"" + std::string(key) +
                        ":\"; known filters: profiel: (profile:), cluster:, bk:, niveau: "
                        "(level:), soort: (kind:), structuur: (framework:), ring: (layer:)",
                    {"", 0, "q"});
      }
      if (!text::trim(value).empty()) {
        parsed.filters.emplace_back(facet, std::string(text::trim(value)));
      }
      i = end;
      continue;
    }
    i = end;
    if (sign == QueryItem::Mode::optional) {
      if (token == "AND" || token == "EN") {
        if (!parsed.items.empty())
          parsed.items.back().mode = QueryItem::Mode::required;
        previous_required_by_and = true;
        continue;
      }
      if (token == "OR" || token == "OF")
        continue;  // the default
      if (token == "NOT" || token == "NIET") {
        next_mode = QueryItem::Mode::excluded;
        continue;
      }
    }
    if (token.size() > 1 && token.back() == '*') {
      // "a*" or "be*" stands for thousands of unrelated words; three letters say what is meant.
      const auto stem = token.substr(0, token.size() - 1);
      if (text::count_code_points(stem) < kMinPrefixLetters)
        throw Error(ErrorCode::invalid_argument,
                    "\"" + std::string(token) + "\": a word with * needs at least " +
                        std::to_string(kMinPrefixLetters) + " letters before the *, e.g. begeleid*",
                    {"", 0, "q"});
      push({QueryItem::Kind::prefix, sign, std::string(token.substr(0, token.size() - 1))});
    } else if (!token.empty() && token != "*") {
      push({QueryItem::Kind::words, sign, std::string(token)});
    }
  }
  return parsed;
}

}  // namespace vakkaart::search
