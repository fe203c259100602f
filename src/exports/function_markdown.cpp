#include "exports/function_markdown.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>

namespace vakkaart::exports {

namespace {

bool is_ascii_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

void table_row(std::ostringstream& out, const std::vector<std::string>& cells) {
  out << "|";
  for (const auto& cell : cells)
    out << " " << escape_markdown(cell, true) << " |";
  out << "\n";
}

}  // namespace

std::string escape_markdown(const std::string& text, bool in_table) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t start = 0;
  // A text that would open a block construct (ordered list, heading, quote, bullet, setext
  // underline) gets its marker escaped, as in 1\. and \#.
  std::size_t digits = 0;
  while (digits < text.size() && digits < 9 &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
    out = text.substr(0, digits) + "\\" + text[digits];
    start = digits + 1;
  } else if (!text.empty() && std::string_view("#>=+-").find(text[0]) != std::string_view::npos) {
    out = std::string("\\") + text[0];
    start = 1;
  }
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
        escape = true;
        break;
      case '<':  // only where it could open a tag or an autolink; "< 5" stays as it is
        escape = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' ||
                 next == '?';
        break;
      case '&':  // only where it could start an entity such as "&amp;"
        escape = is_ascii_alnum(next) || next == '#';
        break;
      case '|':
        escape = in_table;
        break;
      default:
        break;
    }
    if (escape)
      out += '\\';
    out += c;
  }
  return out;
}

std::string function_to_markdown(const FunctionDocument& doc) {
  std::ostringstream out;
  bool first = true;
  for (const auto& node : doc.nodes) {
    if (!first)
      out << "\n";
    first = false;
    if (const auto* h = std::get_if<Heading>(&node)) {
      out << std::string(static_cast<std::size_t>(std::clamp(h->level, 1, 6)), '#') << " "
          << escape_markdown(h->text) << "\n";
    } else if (const auto* p = std::get_if<Paragraph>(&node)) {
      // Notes are set in italics; metadata lines are plain, they open the document.
      if (p->style == ParagraphStyle::note)
        out << "*" << escape_markdown(p->text) << "*\n";
      else
        out << escape_markdown(p->text) << "\n";
    } else if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items) {
        out << "- " << escape_markdown(item.text);
        // A backslash at the end of a line is a hard break: the note gets its own line within
        // the same list item.
        if (!item.note.empty())
          out << "\\\n  *" << escape_markdown(item.note) << "*";
        out << "\n";
      }
    } else if (const auto* t = std::get_if<Table>(&node)) {
      table_row(out, t->header);
      out << "|";
      for (std::size_t c = 0; c < t->header.size(); ++c)
        out << (c < t->numeric.size() && t->numeric[c] ? " ---: |" : " --- |");
      out << "\n";
      for (const auto& row : t->rows)
        table_row(out, row);
      if (!t->total.empty()) {
        // Pipe tables have no footer: the total is the last row, in bold.
        out << "|";
        for (const auto& cell : t->total)
          out << " " << (cell.empty() ? "" : "**" + escape_markdown(cell, true) + "**") << " |";
        out << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace vakkaart::exports
