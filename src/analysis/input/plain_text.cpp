#include <string>
#include <string_view>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "text/decode.h"

namespace vakkaart::analysis::input_detail {

/// Plain text keeps its lines (the decoding step made CRLF and CR LF; form feeds break lines too);
/// each line is cleaned, runs of blank lines become one blank line (the paragraph breaks the
/// segmenter reads).
std::string read_plain_text(std::string_view raw, const std::string& file_name) {
  // Typed or pasted text: bytes that are not UTF-8 are refused, naming their line.
  const std::string decoded = text::decode_text(raw, file_name, {.allow_windows_1252 = false}).text;
  const std::string_view bytes = decoded;
  std::string out;
  out.reserve(bytes.size());
  bool blank_pending = false;
  std::size_t i = 0;
  while (i <= bytes.size()) {
    std::size_t j = i;
    while (j < bytes.size() && bytes[j] != '\n' && bytes[j] != '\r' && bytes[j] != '\f')
      ++j;
    std::string line = clean_line(bytes.substr(i, j - i));
    if (line.empty()) {
      blank_pending = !out.empty();
    } else {
      if (!out.empty())
        out += blank_pending ? "\n\n" : "\n";
      blank_pending = false;
      out += line;
    }
    if (j >= bytes.size())
      break;
    i = j + 1;
    if (bytes[j] == '\r' && i < bytes.size() && bytes[i] == '\n')
      ++i;
  }
  return out;
}

}  // namespace vakkaart::analysis::input_detail
