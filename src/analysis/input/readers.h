#pragma once

#include <string>
#include <string_view>

// One reader per job-text format (analysis/input/<format>.cpp); extract_text (input.cpp) picks
// one. Each returns the readable text, one line per paragraph, heading or list item (items
// start with "- "), and throws vakkaart::Error naming `file_name`.
namespace vakkaart::analysis::input_detail {

std::string read_plain_text(std::string_view bytes, const std::string& file_name);
std::string read_markdown(std::string_view bytes, const std::string& file_name);
std::string read_html(std::string_view bytes, const std::string& file_name);
std::string read_docx(std::string_view bytes, const std::string& file_name);
std::string read_pdf(std::string_view bytes, const std::string& file_name);

}  // namespace vakkaart::analysis::input_detail
