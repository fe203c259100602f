#include "analysis/input/job_text.h"

#include <cstdio>

#include "core/error.h"

namespace vakkaart::analysis {

namespace {

bool job_text_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string job_text_megabytes(std::size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buffer;
}

}  // namespace

void check_job_text_size(std::size_t size, const std::string& name) {
  if (size > kMaxInputBytes)
    throw Error(ErrorCode::too_large,
                "the text is " + job_text_megabytes(size) + " (" + std::to_string(size) +
                    " bytes); at most " + std::to_string(kMaxInputBytes / (1024 * 1024)) +
                    " MB can be analysed",
                {name, 0, ""});
}

std::string read_job_text(std::string_view bytes, InputFormat format, const std::string& name) {
  check_job_text_size(bytes.size(), name);
  if (job_text_blank(bytes))
    throw Error(ErrorCode::invalid_argument, "there is no text to analyse", {name, 0, ""});
  std::string text = extract_text(bytes, format, name);
  if (job_text_blank(text))
    throw Error(ErrorCode::invalid_argument, "there is no text to analyse", {name, 0, ""});
  return text;
}

}  // namespace vakkaart::analysis
