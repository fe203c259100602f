#include "core/csv_cell.h"

namespace vakkaart {
namespace {

/// True if a spreadsheet program would read the cell as a formula, or the cell is apostrophes
/// followed by such a cell.
bool needs_guard(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  if (first == std::string_view::npos)
    return false;
  const char c = cell[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string guard_csv_cell(std::string_view cell) {
  return needs_guard(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string unguard_csv_cell(std::string cell) {
  if (cell.size() > 1 && cell.front() == '\'' && needs_guard(std::string_view(cell).substr(1)))
    cell.erase(0, 1);
  return cell;
}

void append_csv_field(std::string& out, std::string_view cell) {
  const std::string field = guard_csv_cell(cell);
  const bool quote = field.find_first_of(",\"\r\n") != std::string::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace vakkaart
