#include "server/transport/request_head.h"

#include <algorithm>
#include <cctype>

namespace vakkaart::server::transport {

namespace {

std::string lower_trimmed(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && blank(text.back()))
    text.remove_suffix(1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  return line;
}

Head refused(Head h, int status, std::string reason) {
  h.state = Head::State::refused;
  h.status = status;
  h.reason = std::move(reason);
  return h;
}

// What the header lines say about the body, gathered while they are read.
struct BodyHeaders {
  bool has_length = false;
  bool length_invalid = false;
  bool length_conflict = false;
  std::uint64_t length = 0;
  std::string transfer_encoding;  // every Transfer-Encoding value, joined with ", "
  std::string content_encoding;
};

// Digits only (a sign, spaces inside or a second number are refused: two readings of one
// request are how requests are smuggled past a proxy); more than 19 digits is "huge".
void note_length(BodyHeaders& b, const std::string& value) {
  const bool digits = !value.empty() && std::all_of(value.begin(), value.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    b.length_invalid = true;
    return;
  }
  std::uint64_t n = 0;
  if (value.size() > 19)
    n = UINT64_MAX;
  else
    for (char c : value)
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
  if (b.has_length && n != b.length)
    b.length_conflict = true;
  b.has_length = true;
  b.length = n;
}

void note_header(Head& h, BodyHeaders& b, std::string_view line) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos)
    return;  // the HTTP library skips such a line too
  const std::string name = lower_trimmed(line.substr(0, colon));
  const std::string value = lower_trimmed(line.substr(colon + 1));
  if (name == "content-length") {
    note_length(b, value);
  } else if (name == "transfer-encoding") {
    b.transfer_encoding += (b.transfer_encoding.empty() ? "" : ", ") + value;
  } else if (name == "content-encoding") {
    b.content_encoding = value;
  } else if (name == "accept") {
    h.accept = std::string(line.substr(colon + 1));
  }
}

// The request line's method and target, as far as they are there.
void note_request_line(Head& h, std::string_view line) {
  const auto first = line.find(' ');
  h.method = std::string(line.substr(0, first));
  if (first == std::string_view::npos)
    return;
  const auto rest = line.substr(first + 1);
  h.target = std::string(rest.substr(0, rest.find(' ')));
}

Head with_framing(Head h, const BodyHeaders& b, const HeadLimits& limits) {
  if (b.length_invalid)
    return refused(std::move(h), 400, "Content-Length is not a number");
  if (b.length_conflict)
    return refused(std::move(h), 400, "two different Content-Length headers");
  if (!b.transfer_encoding.empty()) {
    if (b.has_length)
      return refused(std::move(h), 400, "both Content-Length and Transfer-Encoding");
    if (b.transfer_encoding != "chunked")
      return refused(std::move(h), 501,
                     "Transfer-Encoding '" + b.transfer_encoding + "' is not supported");
    h.framing = Framing::chunked;
  } else if (b.has_length) {
    if (b.length > limits.max_body_bytes)
      return refused(std::move(h), 413,
                     "the body is larger than " + std::to_string(limits.max_body_bytes) + " bytes");
    h.content_length = b.length;
    h.framing = b.length > 0 ? Framing::length : Framing::none;
  }
  if (h.framing != Framing::none && !b.content_encoding.empty() && b.content_encoding != "identity")
    return refused(std::move(h), 415, "a compressed request body is not accepted");
  h.state = Head::State::complete;
  return h;
}

}  // namespace

Head examine_head(std::string_view received, const HeadLimits& limits) {
  Head h;
  const auto line_end = received.find('\n');
  if (line_end == std::string_view::npos || line_end > limits.max_request_line + 1) {
    if (received.size() <= limits.max_request_line + 1)
      return h;
    note_request_line(h, received.substr(0, std::min<std::size_t>(received.size(), 64)));
    return refused(
        std::move(h), 414,
        "the request line is longer than " + std::to_string(limits.max_request_line) + " bytes");
  }
  note_request_line(h, without_cr(received.substr(0, line_end)));
  const std::size_t headers_start = line_end + 1;
  const std::string too_large =
      "the headers are larger than " + std::to_string(limits.max_header_bytes) + " bytes";
  BodyHeaders body;
  std::size_t count = 0;
  for (std::size_t pos = headers_start;;) {
    const auto end = received.find('\n', pos);
    if (end == std::string_view::npos) {
      // The blank line that ends the head may still come: two bytes beyond the limit.
      if (received.size() - headers_start > limits.max_header_bytes + 2)
        return refused(std::move(h), 431, too_large);
      return h;
    }
    const std::string_view line = without_cr(received.substr(pos, end - pos));
    if (line.empty()) {
      h.length = end + 1;
      return with_framing(std::move(h), body, limits);
    }
    if (++count > limits.max_header_count)
      return refused(std::move(h), 431,
                     "more than " + std::to_string(limits.max_header_count) + " header lines");
    if (end + 1 - headers_start > limits.max_header_bytes)
      return refused(std::move(h), 431, too_large);
    if (line.front() == ' ' || line.front() == '\t')
      return refused(std::move(h), 400, "a folded header line (obsolete line folding)");
    note_header(h, body, line);
    pos = end + 1;
  }
}

}  // namespace vakkaart::server::transport
