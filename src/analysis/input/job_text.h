#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "analysis/input/input.h"

namespace vakkaart::analysis {

// The rules on a job text to analyse, the same for every front end (CLI `analyse`, POST
// /api/analyse): at most kMaxInputBytes, and some text to read.

/// Throws Error(too_large) naming `name` and both sizes when `size` is above kMaxInputBytes.
void check_job_text_size(std::size_t size, const std::string& name);

/// The text of a job text document, ready for the matcher: checks its size, refuses input with
/// nothing but white space, extracts the text (extract_text) and refuses a document that holds
/// no text ("there is no text to analyse", invalid_argument naming `name`).
std::string read_job_text(std::string_view bytes, InputFormat format, const std::string& name);

}  // namespace vakkaart::analysis
