#pragma once

#include <string>
#include <string_view>

namespace vakkaart {

/// Appends one CSV field (RFC 4180) to `out`: quoted when it holds a comma, a quote or a line
/// break, or starts or ends with a space; guarded against formulas first (guard_csv_cell).
void append_csv_field(std::string& out, std::string_view cell);

/// A spreadsheet program runs a CSV cell that starts with "=", "+", "-", "@", a tab or a carriage
/// return as a formula ("CSV injection"): stored text such as a label "=HYPERLINK(…)" or the id
/// of an analysed text would run on the computer of whoever opens our export. Such a cell gets
/// an apostrophe in front, which spreadsheet programs take as "this is text", and our CSV readers
/// take it off again (unguard_csv_cell). A cell that already starts with apostrophes before such
/// a character gets one more, so the pair is a bijection and a round trip stays exact ("'=x" is
/// written "''=x" and read back as "'=x"). XLSX needs none of this: we write its cells as
/// strings, never as formulas.
std::string guard_csv_cell(std::string_view cell);

/// The inverse of guard_csv_cell, for a cell read from a CSV file.
std::string unguard_csv_cell(std::string cell);

}  // namespace vakkaart
