#pragma once

#include <string>

#include "exports/function_document.h"

namespace vakkaart::exports {

/// GitHub-flavoured Markdown: ATX headings, "-" lists, a pipe table. Only what Markdown would
/// read as markup is escaped, so the text stays readable as plain text.
std::string function_to_markdown(const FunctionDocument& doc);

/// Escapes the characters of `text` that Markdown would read as markup (`in_table` also escapes
/// the pipe). Exposed so tests can predict how a text appears.
std::string escape_markdown(const std::string& text, bool in_table = false);

}  // namespace vakkaart::exports
