#include "analysis/batch/line_parser.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "text/utf8.h"

namespace vakkaart::analysis::batch {

namespace {

/// A strict JSON reader for the one shape of line worth a fast path (see parse_record_line):
/// it decodes "id" and "text" and checks everything else only for syntax.
class BatchLineParser {
 public:
  explicit BatchLineParser(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool parse(std::string& id, std::string& text) {
    bool have_text = false;
    id.clear();
    ws();
    if (!eat('{'))
      return false;
    ws();
    if (p_ < end_ && *p_ == '}')
      return false;  // no "text"
    for (;;) {
      key_.clear();
      if (p_ == end_ || *p_ != '"' || !string(&key_))
        return false;
      ws();
      if (!eat(':'))
        return false;
      ws();
      if (p_ == end_)
        return false;
      if (key_ == "text") {
        if (*p_ != '"')
          return false;
        text.clear();
        if (!string(&text))
          return false;
        have_text = true;
      } else if (key_ == "id") {
        if (*p_ == '"') {
          id.clear();
          if (!string(&id))
            return false;
        } else if (*p_ == 'n') {
          if (!literal("null"))
            return false;
          id.clear();
        } else if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) {
          const char* start = p_;
          if (!number())
            return false;
          // Only plain integers read back as the same digits; "-0", 1.0 or 1e3 do not.
          const std::string_view token(start, static_cast<std::size_t>(p_ - start));
          const std::string_view digits = token.substr(token[0] == '-' ? 1 : 0);
          if (digits.empty() || digits.size() > 18 ||
              digits.find_first_not_of("0123456789") != std::string_view::npos || token == "-0")
            return false;
          id.assign(token);
        } else {
          return false;
        }
      } else if (!value(1)) {
        return false;
      }
      ws();
      if (eat(',')) {
        ws();
        continue;
      }
      if (!eat('}'))
        return false;
      ws();
      return p_ == end_ && have_text;
    }
  }

 private:
  static constexpr int kMaxDepth = 64;

  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r'))
      ++p_;
  }
  bool eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }
  static int hex4(const char* p) {
    int v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = p[k];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return -1;
    }
    return v;
  }

  /// The length of the well-formed UTF-8 sequence at p_ (RFC 3629: no overlong forms, no
  /// surrogates, nothing above U+10FFFF), or 0.
  std::size_t utf8_sequence() const {
    const auto cp = text::decode_utf8(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
    return cp.valid ? cp.length : 0;
  }
  /// At '"': the string, decoded into `out` unless null; raw bytes must be well-formed UTF-8.
  bool string(std::string* out) {
    ++p_;
    const char* run = p_;
    while (p_ < end_) {
      const char c = *p_;
      if (c == '"') {
        if (out)
          out->append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return false;
      if (static_cast<unsigned char>(c) >= 0x80) {
        const auto n = utf8_sequence();
        if (n == 0)
          return false;
        p_ += n;
        continue;
      }
      if (c != '\\') {
        ++p_;
        continue;
      }
      if (out)
        out->append(run, static_cast<std::size_t>(p_ - run));
      if (end_ - p_ < 2)
        return false;
      const char e = p_[1];
      p_ += 2;
      char plain = 0;
      switch (e) {
        case '"':
          plain = '"';
          break;
        case '\\':
          plain = '\\';
          break;
        case '/':
          plain = '/';
          break;
        case 'b':
          plain = '\b';
          break;
        case 'f':
          plain = '\f';
          break;
        case 'n':
          plain = '\n';
          break;
        case 'r':
          plain = '\r';
          break;
        case 't':
          plain = '\t';
          break;
        case 'u': {
          if (end_ - p_ < 4)
            return false;
          const int hi = hex4(p_);
          if (hi < 0)
            return false;
          p_ += 4;
          std::uint32_t cp = static_cast<std::uint32_t>(hi);
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u')
              return false;
            const int lo = hex4(p_ + 2);
            if (lo < 0xDC00 || lo > 0xDFFF)
              return false;
            p_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00);
          }
          if (out)
            text::append_utf8(*out, static_cast<char32_t>(cp));
          break;
        }
        default:
          return false;
      }
      if (plain && out)
        *out += plain;
      run = p_;
    }
    return false;
  }
  bool digits() {
    const char* start = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9')
      ++p_;
    return p_ > start;
  }
  /// A JSON number; like the full parser, one that overflows a double is refused.
  bool number() {
    const char* start = p_;
    eat('-');
    if (p_ == end_)
      return false;
    if (*p_ == '0')
      ++p_;
    else if (!digits())
      return false;
    bool real = false;
    if (eat('.')) {
      real = true;
      if (!digits())
        return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      real = true;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-'))
        ++p_;
      if (!digits())
        return false;
    }
    const auto length = static_cast<std::size_t>(p_ - start);
    if (!real)
      return length <= 300;  // longer integers are left to the full parser
    if (length > 300)
      return false;
    const std::string token(start, length);
    return std::isfinite(std::strtod(token.c_str(), nullptr));
  }
  bool value(int depth) {
    if (p_ == end_ || depth > kMaxDepth)
      return false;
    switch (*p_) {
      case '"':
        return string(nullptr);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      case '{':
      case '[': {
        const char close = *p_ == '{' ? '}' : ']';
        ++p_;
        ws();
        if (eat(close))
          return true;
        for (;;) {
          if (close == '}') {
            if (p_ == end_ || *p_ != '"' || !string(nullptr))
              return false;
            ws();
            if (!eat(':'))
              return false;
            ws();
          }
          if (!value(depth + 1))
            return false;
          ws();
          if (eat(close))
            return true;
          if (!eat(','))
            return false;
          ws();
        }
      }
      default:
        return (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) && number();
    }
  }

  const char* p_;
  const char* end_;
  std::string key_;
};

/// "[json.exception.parse_error.101] parse error at …" → "parse error at …".
std::string batch_json_message(const std::string& what) {
  if (what.starts_with("[json.exception.")) {
    const auto close = what.find("] ");
    if (close != std::string::npos)
      return what.substr(close + 2);
  }
  return what;
}

}  // namespace

bool parse_record_line(std::string_view line, std::string& id, std::string& text) {
  return BatchLineParser(line).parse(id, text);
}

void read_record_line(std::string_view line, std::string& id, std::string& text) {
  if (parse_record_line(line, id, text))
    return;
  // The full parser decides and says why; an id read before the fault names the row.
  std::string partial_id = std::move(id);
  id.clear();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    id = std::move(partial_id);
    throw Error(ErrorCode::parse_error, "not JSON: " + batch_json_message(e.what()));
  }
  if (!j.is_object())
    throw Error(ErrorCode::parse_error, "the line is not a JSON object");
  if (const auto it = j.find("id"); it != j.end() && !it->is_null())
    id = it->is_string() ? it->get_ref<const std::string&>() : it->dump();
  const auto t = j.find("text");
  if (t == j.end())
    throw Error(ErrorCode::parse_error, "the object has no \"text\"");
  if (!t->is_string())
    throw Error(ErrorCode::parse_error, "\"text\" is not a string");
  text = t->get_ref<const std::string&>();
}

}  // namespace vakkaart::analysis::batch
