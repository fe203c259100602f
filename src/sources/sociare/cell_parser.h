#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/profile.h"

namespace vakkaart::sources::sociare {

/// What one table cell of the note holds: zero or more main activities. A cell that starts
/// with a list (no "<p>" title first) continues the main activity above it; its items are in
/// `continuation`.
struct CellContent {
  std::vector<model::Activity> continuation;
  std::vector<model::MainActivity> main_activities;
};

/// Parses a cell written as HTML fragments: "<p>title</p>" starts a main activity, "<ul>" lists
/// hold inline bullets (" - ", "- " glued to the previous item) and nested "<ul>" lists hold
/// " o " sub-bullets that become children of the preceding bullet.
CellContent parse_cell(std::string_view cell);

/// Splits the text of a list into its bullet items (see parse_cell). A hyphen glued to a word
/// and followed by a lower-case word ("communicatie- en interactievormen") is part of the text.
struct BulletItem {
  bool sub = false;  // an " o " item of a nested list
  std::string text;
};
std::vector<BulletItem> split_bullets(std::string_view list_text, bool allow_sub_bullets);

/// Text of an HTML fragment with its tags removed and whitespace collapsed.
std::string strip_tags(std::string_view html);

}  // namespace vakkaart::sources::sociare
