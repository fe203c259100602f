#pragma once

#include <string>
#include <string_view>

namespace vakkaart::analysis::batch {

/// The fast path of reading a JSONL line: a JSON object whose "text" is a string and whose
/// "id", if any, is a string, an integer or null. Sets id ("" when absent or null) and text and
/// returns true; returns false for anything else (not JSON, another shape, deeper than 64
/// levels, a long or fractional number as id), which the caller then reads with a full JSON
/// parser for its verdict and message. Accepts exactly what that parser accepts for these lines,
/// and gives the same values (later duplicate keys win), at several times its speed. Never
/// throws; any bytes are safe input.
bool parse_record_line(std::string_view line, std::string& id, std::string& text);

/// One JSONL line as a record, with the verdict of the full JSON parser when the fast path
/// declines: sets id ("" when absent or null; an integer id as its digits, another non-string
/// id as its JSON) and text. Throws Error(parse_error) when the line is not a JSON object with a
/// string "text"; `id` then holds what names the row (an id read before the fault, if any).
void read_record_line(std::string_view line, std::string& id, std::string& text);

}  // namespace vakkaart::analysis::batch
