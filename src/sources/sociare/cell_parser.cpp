#include "sources/sociare/cell_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/text_utils.h"

namespace vakkaart::sources::sociare {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// The code point starting at byte i (U+FFFD when malformed).
UChar32 code_point_at(std::string_view s, std::size_t i) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(s.data(), offset, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xFFFD : c;
}

/// The code point ending just before byte i.
UChar32 code_point_before(std::string_view s, std::size_t i) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c = 0;
  U8_PREV(s.data(), 0, offset, c);
  return c < 0 ? 0xFFFD : c;
}

/// True if the first visible character from byte i on (skipping spaces and an opening
/// parenthesis) is an upper-case letter: the start of a new item, not the rest of a word.
bool upper_case_follows(std::string_view s, std::size_t i) {
  while (i < s.size() && (is_space(s[i]) || s[i] == '('))
    ++i;
  return i < s.size() && u_isupper(code_point_at(s, i));
}

enum class Marker { none, bullet, sub_bullet };

Marker marker_at(std::string_view s, std::size_t i, bool allow_sub_bullets) {
  const bool space_after = i + 1 >= s.size() || is_space(s[i + 1]);
  if (!space_after)
    return Marker::none;
  const bool at_start = i == 0 || is_space(s[i - 1]);
  if (s[i] == '-') {
    if (at_start)
      return Marker::bullet;
    // Glued to what precedes: "bieden- Hanteert" is a new item, "communicatie- en" is not.
    const UChar32 before = code_point_before(s, i);
    if (!u_isalnum(before))
      return Marker::bullet;
    return upper_case_follows(s, i + 1) ? Marker::bullet : Marker::none;
  }
  if (s[i] == 'o' && allow_sub_bullets && at_start && upper_case_follows(s, i + 1)) {
    return Marker::sub_bullet;
  }
  return Marker::none;
}

/// Structural tags end a run of text; inline tags (<i>, <b>, <span>, ...) vanish in place.
enum class TagKind { paragraph_open, paragraph_close, list_open, list_close, item, inline_tag };

TagKind classify_tag(std::string_view tag) {
  std::string name;
  std::size_t i = 1;
  const bool closing = i < tag.size() && tag[i] == '/';
  if (closing)
    ++i;
  while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i])));
    ++i;
  }
  if (name == "p" || name == "h1" || name == "h2" || name == "h3" || name == "h4") {
    return closing ? TagKind::paragraph_close : TagKind::paragraph_open;
  }
  if (name == "ul" || name == "ol")
    return closing ? TagKind::list_close : TagKind::list_open;
  if (name == "li")
    return TagKind::item;
  return TagKind::inline_tag;
}

}  // namespace

std::vector<BulletItem> split_bullets(std::string_view list_text, bool allow_sub_bullets) {
  std::vector<BulletItem> items;
  std::size_t item_start = 0;
  bool item_is_sub = false;
  auto flush = [&](std::size_t end) {
    std::string item = text::collapse_whitespace(list_text.substr(item_start, end - item_start));
    if (!item.empty())
      items.push_back({item_is_sub, std::move(item)});
  };
  for (std::size_t i = 0; i < list_text.size(); ++i) {
    const Marker marker = marker_at(list_text, i, allow_sub_bullets);
    if (marker == Marker::none)
      continue;
    flush(i);
    item_is_sub = marker == Marker::sub_bullet;
    item_start = i + 1;
  }
  flush(list_text.size());
  return items;
}

std::string strip_tags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const std::size_t close = html.find('>', i);
      if (close != std::string_view::npos) {
        out += ' ';  // "</p><p>" separates words
        i = close;
        continue;
      }
    }
    out += html[i];
  }
  return text::collapse_whitespace(out);
}

CellContent parse_cell(std::string_view cell) {
  CellContent content;
  std::string title;      // text of an open <p>
  std::string list_text;  // text of the current run inside lists
  bool in_paragraph = false;
  int list_depth = 0;  // lists opened since the last title; the source rarely closes them

  auto add_items = [&](std::vector<model::Activity>& target, const std::vector<BulletItem>& items) {
    for (const auto& item : items) {
      if (item.sub && !target.empty()) {
        target.back().children.push_back({item.text, {}});
      } else {
        target.push_back({item.text, {}});
      }
    }
  };
  auto flush_list = [&] {
    if (text::trim(list_text).empty()) {
      list_text.clear();
      return;
    }
    const auto items = split_bullets(list_text, list_depth >= 2);
    if (content.main_activities.empty()) {
      add_items(content.continuation, items);
    } else {
      add_items(content.main_activities.back().activities, items);
    }
    list_text.clear();
  };

  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    const std::size_t close = c == '<' ? cell.find('>', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      (in_paragraph ? title : list_text) += c;
      continue;
    }
    const TagKind kind = classify_tag(cell.substr(i, close - i + 1));
    i = close;
    switch (kind) {
      case TagKind::paragraph_open:
        flush_list();
        in_paragraph = true;
        title.clear();
        break;
      case TagKind::paragraph_close:
        if (in_paragraph) {
          content.main_activities.push_back({text::collapse_whitespace(title), {}});
          in_paragraph = false;
          list_depth = 0;
        }
        break;
      case TagKind::list_open:
        flush_list();
        ++list_depth;
        break;
      case TagKind::list_close:
        flush_list();
        if (list_depth > 0)
          --list_depth;
        break;
      case TagKind::item:
        flush_list();
        break;
      case TagKind::inline_tag:
        break;
    }
  }
  if (in_paragraph) {  // an unclosed <p>: keep its text as a title rather than lose it
    content.main_activities.push_back({text::collapse_whitespace(title), {}});
  }
  flush_list();
  return content;
}

}  // namespace vakkaart::sources::sociare
