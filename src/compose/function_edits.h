#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compose/edit.h"
#include "model/function_profile.h"
#include "store/store.h"

namespace vakkaart::compose {

/// Longest text we accept for one item, title or field, in characters (code points): a job
/// text is read by people.
constexpr std::size_t kMaxItemChars = 2000;
constexpr std::size_t kMaxFieldChars = 20000;

/// Refuses a text a person writes into a function (`field` names it in the error) when it is
/// longer than `max_chars` characters (Error too_large: a pasted document, a runaway script) or
/// holds a character no document can carry (Error invalid_argument; text::is_forbidden_in_text):
/// stored, one U+FFFE in a title made every Word, Excel and PDF export of the function fail.
void check_function_text(std::string_view text, std::size_t max_chars, const std::string& field);

/// check_function_text on every text of a function read from a file: what a person wrote at
/// its limit, what was taken from a source (kept as the source wrote it) for its characters.
void check_function_texts(const model::FunctionProfile& function);

/// Applies one edit to a function in memory and returns a one-line account of it for the
/// history ("took BK-0338-3:1 (9 of 9 statements) as block b4"). Throws Error(invalid_argument
/// / not_found / too_large) naming the field of the edit ("weight", "block"); the function may
/// then be half-edited, so callers apply edits to a copy.
std::string apply_edit(store::Store& store, model::FunctionProfile& function, const Edit& edit);

/// Takes a block from a source: the learning-professional core of a new function, `add_block`.
model::FunctionBlock take_block(store::Store& store, model::FunctionProfile& function,
                                const std::string& source_ref, const std::vector<int>& positions,
                                const std::string& cluster_override);

}  // namespace vakkaart::compose
