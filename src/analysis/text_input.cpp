#include "analysis/text_input.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// Without the short names (NODE_TEXT, BULLET_LIST, ...) that would leak into the other files
// of a unity batch.
#define CMARK_NO_SHORT_NAMES
#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <zip.h>
#include <pugixml.hpp>

#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::analysis {

// Everything file-local sits in its own named namespace as well, so a unity build that batches
// this file with others never sees two helpers of the same name.
namespace input_detail {
namespace {

constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;

// ---------------------------------------------------------------------------------------------
// UTF-8 and characters

/// Length of the well-formed UTF-8 sequence starting at s[i] (no overlongs, no surrogates, at
/// most U+10FFFF), or 0 when the bytes there are not UTF-8.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80)
    return 1;
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return (at(i + k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF)
    return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2))
      return 0;
    if (c == 0xE0 && at(i + 1) < 0xA0)
      return 0;  // overlong
    if (c == 0xED && at(i + 1) >= 0xA0)
      return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3))
      return 0;
    if (c == 0xF0 && at(i + 1) < 0x90)
      return 0;
    if (c == 0xF4 && at(i + 1) >= 0x90)
      return 0;
    return 4;
  }
  return 0;
}

/// The code point of the well-formed sequence of `len` bytes at s[i].
char32_t utf8_decode(std::string_view s, std::size_t i, std::size_t len) {
  const auto at = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
  };
  switch (len) {
    case 1:
      return at(0);
    case 2:
      return ((at(0) & 0x1F) << 6) | (at(1) & 0x3F);
    case 3:
      return ((at(0) & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
    default:
      return ((at(0) & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) |
             (at(3) & 0x3F);
  }
}

bool is_space_code_point(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

/// Invisible characters that only steer layout: soft hyphen, zero-width (non-)joiners and
/// spaces, word joiner, byte order mark, object replacement.
bool is_invisible_code_point(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0xFFFC;
}

/// Bullets that Word's Symbol and Wingdings fonts leave in the private use area of a PDF or a
/// copied text.
bool is_private_bullet(char32_t cp) {
  return cp == 0xF0B7 || cp == 0xF0A7 || cp == 0xF0D8 || cp == 0xF0FC || cp == 0xF076 ||
         cp == 0xF06E || cp == 0xF0A8 || cp == 0xF0E0;
}

bool is_lower_code_point(char32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF)
    return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      return cp % 2 == 0;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
      return true;
    if (cp == 0x178)
      return false;
    return cp % 2 == 1;
  }
  return false;
}

bool is_letter_code_point(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return false;
  return cp < 0x2000 || (cp >= 0x3040 && cp < 0xE000) || (cp >= 0xF900 && cp < 0xFE00);
}

/// The code point at s[i] (U+FFFD for a byte that is not UTF-8) and its length.
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& len) {
  len = utf8_length(s, i);
  if (len == 0) {
    len = 1;
    return 0xFFFD;
  }
  return utf8_decode(s, i, len);
}

/// The last code point of s (0 when empty) and where it starts.
char32_t last_code_point(std::string_view s, std::size_t* start = nullptr) {
  if (s.empty())
    return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && s.size() - i < 4)
    --i;
  std::size_t len = 0;
  const char32_t cp = code_point_at(s, i, len);
  if (start)
    *start = i;
  return cp;
}

/// True when the first letter of s (after opening quotes and brackets) is lower case.
bool starts_lower(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t cp = code_point_at(s, i, len);
    if (is_letter_code_point(cp))
      return is_lower_code_point(cp);
    if (cp != '"' && cp != '\'' && cp != '(' && cp != '[' && cp != 0x2018 && cp != 0x201C &&
        cp != 0xAB)
      return false;
    i += len;
  }
  return false;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lines

/// One line of output text: collapses every run of whitespace (Unicode spaces, tabs, line
/// breaks) to one space, drops invisible characters, spells out typographic ligatures (PDF),
/// turns private-use bullets into "•", replaces bytes that are not UTF-8 by U+FFFD, trims.
std::string clean_line(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (std::size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c < 0x80) {
      ++i;
      if (c <= ' ' || c == 0x7F) {
        space = true;
        continue;
      }
      if (space && !out.empty())
        out += ' ';
      space = false;
      out += static_cast<char>(c);
      continue;
    }
    std::size_t len = 0;
    const char32_t cp = code_point_at(raw, i, len);
    i += len;
    if (is_space_code_point(cp) || (cp >= 0x80 && cp < 0xA0)) {
      space = true;
      continue;
    }
    if (is_invisible_code_point(cp))
      continue;
    if (space && !out.empty())
      out += ' ';
    space = false;
    if (cp >= 0xFB00 && cp <= 0xFB06) {
      static constexpr std::array<const char*, 7> kLigatures = {"ff",  "fi", "fl", "ffi",
                                                                "ffl", "st", "st"};
      out += kLigatures[cp - 0xFB00];
    } else if (is_private_bullet(cp)) {
      out += "\u2022";
    } else {
      text::append_utf8(out, cp);
    }
  }
  return out;
}

/// Length of a bullet marker (glyph and following spaces) at the start of a cleaned line, or 0.
/// Dashes, '*', '·' and 'o' count only when a space follows; '•' and its relatives also glued to
/// the text.
std::size_t bullet_marker_length(std::string_view line) {
  static constexpr std::array<std::string_view, 13> kGlyphs = {
      "\u2022", "\u25AA", "\u25CF", "\u25A0", "\u25E6", "\u2023", "\u25BA",
      "\u27A2", "\u2713", "\u2714", "\u25B8", "\u2043", "\u25C6"};
  static constexpr std::array<std::string_view, 6> kSpaced = {"-",      "*",      "\u2013",
                                                              "\u2014", "\u00B7", "o"};
  for (std::string_view g : kGlyphs) {
    if (line.starts_with(g)) {
      std::size_t n = g.size();
      while (n < line.size() && line[n] == ' ')
        ++n;
      return n;
    }
  }
  for (std::string_view g : kSpaced) {
    if (line.size() > g.size() + 1 && line.starts_with(g) && line[g.size()] == ' ' &&
        line[g.size() + 1] != ' ')
      return g.size() + 1;
  }
  return 0;
}

/// Builds the extracted text of a structured document: inline text goes into the current line;
/// blocks, list items and breaks end it. Each line is cleaned as it ends; a line that starts
/// with a bullet glyph becomes a list item.
class LineWriter {
 public:
  void text(std::string_view s) { line_.append(s); }
  /// Ends the current line, if it has any text.
  void end_line() {
    std::string cleaned = clean_line(line_);
    line_.clear();
    if (cleaned.empty())
      return;
    bool item = item_;
    item_ = false;  // only an item's first line carries the marker
    if (std::size_t marker = bullet_marker_length(cleaned); marker > 0) {
      if (marker == cleaned.size())
        return;  // a bullet alone
      cleaned.erase(0, marker);
      item = true;
    }
    if (!out_.empty())
      out_ += '\n';
    if (item)
      out_ += "- ";
    out_ += cleaned;
  }
  void begin_item() {
    end_line();
    item_ = true;
  }
  void end_item() {
    end_line();
    item_ = false;
  }
  std::string finish() {
    end_line();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool item_ = false;
};

/// Throws encoding_error at the first byte that is not UTF-8, naming its line.
void check_utf8(std::string_view bytes, const std::string& file_name) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c == 0)
        throw Error(
            ErrorCode::encoding_error,
            "a NUL byte at byte " + std::to_string(i + 1) + ": binary data, not a text document",
            {file_name, line, ""});
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    const std::size_t len = utf8_length(bytes, i);
    if (len == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      throw Error(ErrorCode::encoding_error,
                  std::string("not valid UTF-8: byte ") + hex + " at byte " +
                      std::to_string(i + 1) + " (column " + std::to_string(i - line_start + 1) +
                      " of line " + std::to_string(line) + "); save the text as UTF-8",
                  {file_name, line, ""});
    }
    i += len;
  }
}

/// Rejects UTF-16 text (a byte order mark) with a clear word instead of "not UTF-8".
void reject_utf16(std::string_view bytes, const std::string& file_name) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    throw Error(ErrorCode::encoding_error, "UTF-16 text is not supported: save it as UTF-8",
                {file_name, 1, ""});
}

std::string_view strip_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Plain text

/// Plain text keeps its lines (CRLF and CR become LF, form feeds too); each line is cleaned,
/// runs of blank lines become one blank line (the paragraph breaks the segmenter reads).
std::string plain_text(std::string_view bytes, const std::string& file_name) {
  reject_utf16(bytes, file_name);
  bytes = strip_bom(bytes);
  check_utf8(bytes, file_name);
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

// ---------------------------------------------------------------------------------------------
// Markdown

struct CmarkNodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CmarkIterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool is_html_break(std::string_view tag) {
  std::string t = ascii_lower(tag);
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t == "<br>" || t == "<br/>";
}

std::string markdown_text(std::string_view bytes, const std::string& file_name) {
  reject_utf16(bytes, file_name);
  bytes = strip_bom(bytes);
  check_utf8(bytes, file_name);
  std::unique_ptr<cmark_node, CmarkNodeFree> doc(
      cmark_parse_document(bytes.data(), bytes.size(), CMARK_OPT_DEFAULT));
  if (!doc)
    throw Error(ErrorCode::parse_error, "cannot read the Markdown", {file_name, 0, ""});
  std::unique_ptr<cmark_iter, CmarkIterFree> it(cmark_iter_new(doc.get()));
  LineWriter w;
  cmark_node* skipping = nullptr;  // an image: its alt text is not text of the document
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    if (skipping) {
      if (node == skipping && ev == CMARK_EVENT_EXIT)
        skipping = nullptr;
      continue;
    }
    const bool enter = ev == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_ITEM:
        enter ? w.begin_item() : w.end_item();
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_BLOCK_QUOTE:
      case CMARK_NODE_LIST:
      case CMARK_NODE_THEMATIC_BREAK:
      case CMARK_NODE_HTML_BLOCK:  // dropped: markup, not text
        w.end_line();
        break;
      case CMARK_NODE_CODE_BLOCK: {
        // Indented text (often a pasted list) parses as code: keep its lines.
        w.end_line();
        std::string_view code = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        for (std::size_t start = 0; start < code.size();) {
          std::size_t nl = code.find('\n', start);
          if (nl == std::string_view::npos)
            nl = code.size();
          w.text(code.substr(start, nl - start));
          w.end_line();
          start = nl + 1;
        }
        break;
      }
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(node))
          w.text(literal);
        break;
      case CMARK_NODE_SOFTBREAK:
        w.text(" ");
        break;
      case CMARK_NODE_LINEBREAK:
        w.end_line();
        break;
      case CMARK_NODE_HTML_INLINE:
        if (const char* literal = cmark_node_get_literal(node); literal && is_html_break(literal))
          w.end_line();
        break;
      case CMARK_NODE_IMAGE:
        if (enter)
          skipping = node;
        break;
      default:  // document, emphasis, strong, link: their children carry the text
        break;
    }
  }
  return w.finish();
}

// ---------------------------------------------------------------------------------------------
// HTML

void html_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct HtmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view html_name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string html_attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!value)
    return {};
  std::string out = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return out;
}

bool html_in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Elements whose text is no part of the job text: code, metadata, controls, site chrome.
bool html_dropped_element(std::string_view name) {
  return html_in_list(
      name, {"script", "style",  "noscript", "template", "head",  "title",  "nav",   "aside",
             "svg",    "math",   "iframe",   "object",   "embed", "canvas", "video", "audio",
             "select", "option", "textarea", "button",   "input", "dialog", "map"});
}

bool html_block_element(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
    return true;
  return html_in_list(name, {"p",       "div",        "section", "article",    "main",   "header",
                             "footer",  "form",       "ul",      "ol",         "dl",     "dt",
                             "dd",      "table",      "thead",   "tbody",      "tfoot",  "tr",
                             "td",      "th",         "caption", "blockquote", "pre",    "address",
                             "figure",  "figcaption", "hr",      "fieldset",   "legend", "details",
                             "summary", "center",     "body",    "html",       "menu",   "hgroup"});
}

/// Hidden elements, landmarks of site chrome, and the usual cookie banners and breadcrumbs.
bool html_hidden_or_chrome(const xmlNode* n) {
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")))
    return true;
  if (html_attribute(n, "aria-hidden") == "true")
    return true;
  std::string style = ascii_lower(html_attribute(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos)
    return true;
  const std::string role = ascii_lower(html_attribute(n, "role"));
  if (html_in_list(role, {"navigation", "banner", "contentinfo", "complementary", "search",
                          "dialog", "alertdialog"}))
    return true;
  for (const char* attribute : {"class", "id"}) {
    const std::string value = ascii_lower(html_attribute(n, attribute));
    if (value.find("cookie") != std::string::npos)
      return true;
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && value[i] == ' ')
        ++i;
      std::size_t j = i;
      while (j < value.size() && value[j] != ' ')
        ++j;
      if (html_in_list(std::string_view(value).substr(i, j - i),
                       {"breadcrumb", "breadcrumbs", "sr-only", "visually-hidden", "skip-link",
                        "screen-reader-text"}))
        return true;
      i = j;
    }
  }
  return false;
}

bool html_has_descendant(const xmlNode* n, std::initializer_list<std::string_view> names) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (html_in_list(html_name(c), names) || html_has_descendant(c, names))
      return true;
  }
  return false;
}

/// Walks an HTML tree into a LineWriter. A page's <header> and <footer> are site chrome; inside
/// an <article> or <main> they belong to the content (the vacancy's title sits there).
class HtmlWalker {
 public:
  explicit HtmlWalker(LineWriter& w) : w_(w) {}

  void element(const xmlNode* n) {
    const std::string_view name = html_name(n);
    if (html_dropped_element(name) || html_hidden_or_chrome(n))
      return;
    if ((name == "header" || name == "footer") && content_depth_ == 0)
      return;
    // ASP.NET pages wrap the whole page in one <form>: keep a form that holds headings.
    if (name == "form" && !html_has_descendant(n, {"h1", "h2", "h3", "main", "article"}))
      return;
    if (name == "br") {
      w_.end_line();
      return;
    }
    const bool content = name == "main" || name == "article";
    content_depth_ += content;
    if (name == "li") {
      w_.begin_item();
      children(n);
      w_.end_item();
    } else if (name == "pre") {
      w_.end_line();
      ++pre_depth_;
      children(n);
      --pre_depth_;
      w_.end_line();
    } else if (html_block_element(name)) {
      w_.end_line();
      children(n);
      w_.end_line();
    } else {
      children(n);
    }
    content_depth_ -= content;
  }

  void children(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        element(c);
      } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
        std::string_view t = reinterpret_cast<const char*>(c->content);
        if (pre_depth_ == 0) {
          w_.text(t);
          continue;
        }
        for (std::size_t nl; (nl = t.find('\n')) != std::string_view::npos;) {
          w_.text(t.substr(0, nl));
          w_.end_line();
          t.remove_prefix(nl + 1);
        }
        w_.text(t);
      }
    }
  }

  void set_inside_content() { content_depth_ = 1; }

 private:
  LineWriter& w_;
  int content_depth_ = 0;
  int pre_depth_ = 0;
};

void html_find_all(const xmlNode* n, std::string_view name, bool by_role,
                   std::vector<const xmlNode*>& found) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (html_dropped_element(html_name(c)))
      continue;
    if (html_name(c) == name || (by_role && html_attribute(c, "role") == name))
      found.push_back(c);
    else
      html_find_all(c, name, by_role, found);
  }
}

std::string html_walk(const xmlNode* root, bool inside_content) {
  LineWriter w;
  HtmlWalker walker(w);
  if (inside_content)
    walker.set_inside_content();
  walker.element(root);
  return w.finish();
}

/// The character set a page declares near its start (<meta charset> or http-equiv), lower case;
/// empty when it declares none.
std::string html_declared_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, 4096));
  const std::size_t at = head.find("charset");
  if (at == std::string::npos)
    return {};
  std::size_t i = at + 7;
  while (i < head.size() && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
    ++i;
  std::size_t j = i;
  while (j < head.size() &&
         ((head[j] >= 'a' && head[j] <= 'z') || (head[j] >= '0' && head[j] <= '9') ||
          head[j] == '-' || head[j] == '_'))
    ++j;
  return head.substr(i, j - i);
}

void html_silent(void*, const char*, ...) {}
void html_silent_structured(void*, xmlErrorPtr) {}

/// Silences libxml2's generic and structured error output on this thread while it lives
/// (encoding errors bypass HTML_PARSE_NOERROR), restoring what was there before.
class HtmlQuiet {
 public:
  HtmlQuiet()
      : generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, html_silent);
    xmlSetStructuredErrorFunc(nullptr, html_silent_structured);
  }
  ~HtmlQuiet() {
    xmlSetGenericErrorFunc(generic_context_, generic_);
    xmlSetStructuredErrorFunc(structured_context_, structured_);
  }
  HtmlQuiet(const HtmlQuiet&) = delete;
  HtmlQuiet& operator=(const HtmlQuiet&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_context_;
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

std::string html_text(std::string_view bytes, const std::string& file_name) {
  html_init_once();
  reject_utf16(bytes, file_name);
  bytes = strip_bom(bytes);
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos)
    return {};  // libxml2 reads no document from nothing
  // Bytes that are UTF-8 are read as UTF-8 whatever the page declares (misdeclared pages are
  // common). Other bytes are Windows-1252 unless the page declares a charset beyond Latin-1,
  // which libxml2 then follows. (We convert Windows-1252 ourselves: libxml2 stops at its
  // undefined bytes and drops the rest of the page.)
  const char* encoding = "UTF-8";
  std::string converted;
  if (!text::is_valid_utf8(bytes)) {
    const std::string declared = html_declared_charset(bytes);
    if (declared.empty() ||
        html_in_list(declared, {"iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
                                "us-ascii", "ascii", "utf-8", "utf8"})) {
      converted = text::windows1252_to_utf8(bytes);
      bytes = converted;
    } else {
      encoding = nullptr;
    }
  }
  const HtmlQuiet quiet;
  std::unique_ptr<xmlDoc, HtmlDocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc)
    throw Error(ErrorCode::parse_error, "cannot read this HTML document", {file_name, 0, ""});
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root)
    return {};
  // A page with <main> or <article> keeps its content there: take only that (the <article>
  // with the most text, when a page has several side by side).
  std::vector<const xmlNode*> found;
  html_find_all(root, "main", true, found);
  for (const xmlNode* main : found)
    if (std::string t = html_walk(main, true); !t.empty())
      return t;
  found.clear();
  html_find_all(root, "article", false, found);
  std::string best;
  for (const xmlNode* article : found)
    if (std::string t = html_walk(article, true); t.size() > best.size())
      best = std::move(t);
  if (!best.empty())
    return best;
  return html_walk(root, false);
}

// ---------------------------------------------------------------------------------------------
// DOCX

struct ZipClose {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

/// The main document part may be this large uncompressed (a guard against zip bombs).
constexpr zip_uint64_t kMaxDocumentXml = 8 * kMaxInputBytes;

std::string_view docx_local(const pugi::xml_node& n) {
  std::string_view name = n.name();
  if (std::size_t colon = name.find(':'); colon != std::string_view::npos)
    name.remove_prefix(colon + 1);
  return name;
}

pugi::xml_node docx_child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (docx_local(c) == local)
      return c;
  return {};
}

/// The value of the w:val attribute (any prefix).
std::string_view docx_val(const pugi::xml_node& n) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (name == "val" || name.ends_with(":val"))
      return a.value();
  }
  return {};
}

bool docx_on(const pugi::xml_node& n) {
  if (!n)
    return false;
  const std::string_view v = docx_val(n);
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

/// Walks the WordprocessingML body: each w:p is a line; lists (numbering or a list style) get
/// "- "; table cells, content controls and text boxes hold paragraphs of their own.
class DocxWalker {
 public:
  explicit DocxWalker(LineWriter& w) : w_(w) {}

  void blocks(const pugi::xml_node& n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = docx_local(c);
      if (name == "p")
        paragraph(c);
      else if (name == "AlternateContent")
        alternate(c, true);
      else if (name != "sectPr" && name != "sdtPr" && name != "del" && name != "moveFrom" &&
               name != "tblPr" && name != "tblGrid" && name != "trPr" && name != "tcPr")
        blocks(c);  // tbl, tr, tc, sdt, sdtContent, customXml, ins, ...
    }
  }

 private:
  void paragraph(const pugi::xml_node& p) {
    const pugi::xml_node ppr = docx_child(p, "pPr");
    bool item = false;
    if (const pugi::xml_node num = docx_child(ppr, "numPr")) {
      const std::string_view id = docx_val(docx_child(num, "numId"));
      item = id != "0";
    }
    const std::string style = ascii_lower(docx_val(docx_child(ppr, "pStyle")));
    if (style.starts_with("list") || style.starts_with("lijst"))
      item = true;
    // Numbered headings ("1. Inleiding") are headings, not list items.
    if (style.starts_with("heading") || style.starts_with("kop") || style.starts_with("title") ||
        style.starts_with("titel"))
      item = false;
    item ? w_.begin_item() : w_.end_line();
    inline_content(p);
    item ? w_.end_item() : w_.end_line();
  }

  void inline_content(const pugi::xml_node& n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = docx_local(c);
      if (name == "r")
        run(c);
      else if (name == "AlternateContent")
        alternate(c, false);
      else if (name == "hyperlink" || name == "smartTag" || name == "ins" || name == "fldSimple" ||
               name == "customXml" || name == "sdt" || name == "sdtContent" || name == "moveTo" ||
               name == "bdo" || name == "dir")
        inline_content(c);
      // pPr, del, moveFrom, bookmarks, proofing marks, math: no text of the document
    }
  }

  void run(const pugi::xml_node& r) {
    if (const pugi::xml_node rpr = docx_child(r, "rPr"); docx_on(docx_child(rpr, "vanish")))
      return;  // hidden text
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = docx_local(c);
      if (name == "t")
        w_.text(c.text().get());
      else if (name == "tab" || name == "ptab")
        w_.text(" ");
      else if (name == "br" || name == "cr")
        w_.end_line();
      else if (name == "noBreakHyphen")
        w_.text("-");
      else if (name == "AlternateContent")
        alternate(c, false);
      else if (name == "drawing" || name == "pict" || name == "object")
        text_boxes(c);
      // instrText (field codes), delText, softHyphen, sym, fldChar: nothing to read
    }
  }

  /// mc:AlternateContent offers the same content twice: read the first choice only.
  void alternate(const pugi::xml_node& n, bool block_level) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (docx_local(c) != "Choice")
        continue;
      block_level ? blocks(c) : text_boxes(c);
      return;
    }
  }

  void text_boxes(const pugi::xml_node& n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (docx_local(c) == "txbxContent") {
        w_.end_line();
        blocks(c);
        w_.end_line();
      } else if (docx_local(c) == "AlternateContent") {
        alternate(c, false);
      } else {
        text_boxes(c);
      }
    }
  }

  LineWriter& w_;
};

/// The target of the package's officeDocument relationship (normally word/document.xml).
std::string docx_main_part(zip_t* zip) {
  std::string rels;
  zip_stat_t st;
  if (zip_stat(zip, "_rels/.rels", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > kMebibyte)
    return {};
  std::unique_ptr<zip_file_t, ZipFileClose> f(zip_fopen(zip, "_rels/.rels", 0));
  if (!f)
    return {};
  rels.resize(st.size);
  if (zip_fread(f.get(), rels.data(), st.size) != static_cast<zip_int64_t>(st.size))
    return {};
  pugi::xml_document doc;
  if (!doc.load_buffer(rels.data(), rels.size()))
    return {};
  for (pugi::xml_node r = doc.first_child().first_child(); r; r = r.next_sibling()) {
    const std::string_view type = r.attribute("Type").value();
    if (type.ends_with("/officeDocument")) {
      std::string target = r.attribute("Target").value();
      if (target.starts_with("/"))
        target.erase(0, 1);
      return target;
    }
  }
  return {};
}

std::string docx_text(std::string_view bytes, const std::string& file_name) {
  const Location where{file_name, 0, ""};
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    throw Error(ErrorCode::unsupported_format,
                "a Word 97-2003 document (.doc), not a .docx: save it as .docx", where);
  if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06"))
    throw Error(ErrorCode::unsupported_format, "not a Word document (not a ZIP archive)", where);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw Error(ErrorCode::internal, "cannot read the ZIP archive from memory", where);
  }
  std::unique_ptr<zip_t, ZipClose> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorCode::parse_error, "a damaged ZIP archive: " + why, where);
  }
  zip_error_fini(&error);

  std::string part = "word/document.xml";
  zip_int64_t index = zip_name_locate(zip.get(), part.c_str(), 0);
  if (index < 0) {
    if (std::string target = docx_main_part(zip.get()); !target.empty()) {
      index = zip_name_locate(zip.get(), target.c_str(), 0);
      part = target;
    }
  }
  if (index < 0) {
    if (zip_name_locate(zip.get(), "content.xml", 0) >= 0)
      throw Error(ErrorCode::unsupported_format,
                  "an OpenDocument file, not a Word document (no word/document.xml): save it "
                  "as .docx",
                  where);
    throw Error(ErrorCode::unsupported_format, "not a Word document (no word/document.xml)", where);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE))
    throw Error(ErrorCode::parse_error, "a damaged ZIP archive: cannot read " + part, where);
  if (st.size > kMaxDocumentXml)
    throw Error(ErrorCode::too_large,
                part + " unpacks to " + std::to_string(st.size / kMebibyte) +
                    " MB; the largest accepted is " + std::to_string(kMaxDocumentXml / kMebibyte) +
                    " MB",
                where);
  std::unique_ptr<zip_file_t, ZipFileClose> file(
      zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(index), 0));
  // Read in chunks rather than allocate the size the archive claims: a damaged or hostile
  // header may claim far more than the entry holds (found by fuzzing).
  std::string xml;
  for (char chunk[1 << 16]; file && xml.size() < st.size;) {
    const zip_int64_t n = zip_fread(file.get(), chunk, sizeof chunk);
    if (n <= 0)
      break;
    xml.append(chunk, static_cast<std::size_t>(n));
  }
  if (!file || xml.size() != st.size)
    throw Error(ErrorCode::parse_error, "a damaged ZIP archive: cannot unpack " + part, where);

  pugi::xml_document doc;
  // Whitespace-only runs (<w:t xml:space="preserve"> </w:t>) are the spaces between words.
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed)
    throw Error(ErrorCode::parse_error,
                part + " is not well-formed XML: " + parsed.description() + " at byte " +
                    std::to_string(parsed.offset),
                where);
  const pugi::xml_node document = doc.document_element();
  const pugi::xml_node body = docx_child(document, "body");
  if (docx_local(document) != "document" || !body)
    throw Error(ErrorCode::unsupported_format,
                "not a Word document (" + part + " has no w:document/w:body)", where);
  LineWriter w;
  DocxWalker(w).blocks(body);
  return w.finish();
}

// ---------------------------------------------------------------------------------------------
// PDF

void pdf_silent(const std::string&, void*) {}

void pdf_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(pdf_silent, nullptr); });
}

std::string pdf_utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

/// A line of text on a PDF page, in poppler's reading order (columns one after the other).
struct PdfLine {
  std::string text;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  int page = 0;
  double height() const { return bottom - top; }
};

/// Rebuilds lines from poppler's words: a word continues the line when its middle lies within
/// the line's height and it does not step back to the left.
std::vector<PdfLine> pdf_page_lines(const poppler::page& page, int page_number) {
  std::vector<PdfLine> lines;
  bool space_after = false;
  for (const poppler::text_box& box : page.text_list()) {
    std::string word = pdf_utf8(box.text());
    if (word.empty())
      continue;
    const poppler::rectf r = box.bbox();
    const double top = r.y(), bottom = r.y() + r.height(), mid = (top + bottom) / 2;
    const double x0 = r.x(), x1 = r.x() + r.width();
    PdfLine* line = lines.empty() ? nullptr : &lines.back();
    const bool same_line =
        line && mid > line->top && mid < line->bottom && x0 > line->x1 - 0.5 * line->height();
    if (!same_line) {
      lines.push_back({std::move(word), x0, x1, top, bottom, page_number});
    } else {
      if (space_after || x0 - line->x1 > 0.15 * line->height())
        line->text += ' ';
      line->text += word;
      line->x1 = std::max(line->x1, x1);
      line->top = std::min(line->top, top);
      line->bottom = std::max(line->bottom, bottom);
    }
    space_after = box.has_space_after();
  }
  for (PdfLine& line : lines) {
    // clean_line drops soft hyphens; one that ends the line tells pdf_join to glue the word.
    std::string_view raw = line.text;
    while (!raw.empty() && raw.back() == ' ')
      raw.remove_suffix(1);
    const bool soft_hyphen = raw.ends_with("\u00AD");
    line.text = clean_line(line.text);
    if (soft_hyphen && !line.text.empty())
      line.text += "\u00AD";
  }
  std::erase_if(lines, [](const PdfLine& l) { return l.text.empty(); });
  return lines;
}

/// A line's text with digits folded, to recognise running headers, footers and page numbers.
std::string pdf_running_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#')
        key += '#';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return key;
}

bool pdf_page_number(std::string_view key) {
  return html_in_list(
      key, {"#", "# / #", "#/#", "- # -", "-#-", "pagina #", "pagina # van #", "pagina #/#",
            "page #", "page # of #", "p. #", "blz. #", "p#", "pag. #", "# van #"});
}

/// Drops page numbers and running headers/footers: lines among the first or last two of a page
/// that (digits aside) recur in that place on at least half of the pages.
void pdf_drop_running_lines(std::vector<std::vector<PdfLine>>& pages) {
  const auto edge = [](const std::vector<PdfLine>& lines, std::size_t i) {
    return i < 2 || i + 2 >= lines.size();
  };
  std::unordered_map<std::string, int> seen;
  for (const auto& lines : pages) {
    std::unordered_set<std::string> here;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (edge(lines, i))
        here.insert(pdf_running_key(lines[i].text));
    for (const std::string& key : here)
      ++seen[key];
  }
  const int pages_count = static_cast<int>(pages.size());
  for (auto& lines : pages) {
    std::vector<PdfLine> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (edge(lines, i)) {
        const std::string key = pdf_running_key(lines[i].text);
        if (pdf_page_number(key))
          continue;
        const int n = seen[key];
        if (pages_count >= 2 && n >= 2 && 2 * n >= pages_count)
          continue;
      }
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

/// "1. ", "2) ", "a) ": the length of the number that opens a numbered item (with its
/// spaces), or 0.
std::size_t pdf_number_length(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 3 && text[i] >= '0' && text[i] <= '9')
    ++i;
  if (i == 0 && text.size() > 1 && text[0] >= 'a' && text[0] <= 'z' && text[1] == ')')
    i = 1;
  if (i == 0 || i + 1 >= text.size() || (text[i] != '.' && text[i] != ')') || text[i + 1] != ' ')
    return 0;
  i += 2;
  while (i < text.size() && text[i] == ' ')
    ++i;
  return i < text.size() ? i : 0;
}

bool pdf_ends_sentence(std::string_view text) {
  const char32_t last = last_code_point(text);
  return last == '.' || last == '!' || last == '?' || last == 0x2026 || last == ';' || last == ':';
}

/// Joins the lines of a paragraph. A hyphen at the end of a line stays (Dutch writes compounds
/// with hyphens: "sociaal-culturele") unless it is a soft hyphen, or the document spells the
/// joined word without it elsewhere.
void pdf_join(std::string& paragraph, std::string_view next,
              const std::unordered_set<std::string>& words) {
  std::size_t start = 0;
  const char32_t last = last_code_point(paragraph, &start);
  if (last == 0xAD) {
    paragraph.erase(start);
    paragraph += next;
    return;
  }
  if (last == '-' && paragraph.size() >= 2 && starts_lower(next)) {
    std::size_t prev_start = 0;
    const char32_t before =
        last_code_point(std::string_view(paragraph).substr(0, start), &prev_start);
    if (is_letter_code_point(before)) {
      const std::size_t word_start = paragraph.find_last_of(' ', start) == std::string::npos
                                         ? 0
                                         : paragraph.find_last_of(' ', start) + 1;
      const std::string head = paragraph.substr(word_start, start - word_start);
      const std::string_view tail = next.substr(0, next.find(' '));
      std::string joined = head + std::string(tail);
      while (!joined.empty() &&
             std::string_view(".,;:!?)").find(joined.back()) != std::string_view::npos)
        joined.pop_back();
      if (words.count(joined) && !words.count(head + "-" + joined.substr(head.size())))
        paragraph.erase(start);
      paragraph += next;
      return;
    }
  }
  paragraph += ' ';
  paragraph += next;
}

/// The words of a document (punctuation trimmed), to tell a hyphenated line break from a
/// compound's hyphen.
std::unordered_set<std::string> pdf_word_set(const std::vector<std::vector<PdfLine>>& pages) {
  std::unordered_set<std::string> words;
  for (const auto& lines : pages) {
    for (const PdfLine& line : lines) {
      std::string_view t = line.text;
      while (!t.empty()) {
        const std::size_t sp = t.find(' ');
        std::string_view w = t.substr(0, sp);
        while (!w.empty() && std::string_view("\"'(").find(w.front()) != std::string_view::npos)
          w.remove_prefix(1);
        while (!w.empty() &&
               std::string_view(".,;:!?)\"'").find(w.back()) != std::string_view::npos)
          w.remove_suffix(1);
        if (!w.empty())
          words.emplace(w);
        if (sp == std::string_view::npos)
          break;
        t.remove_prefix(sp + 1);
      }
    }
  }
  return words;
}

/// The usual distance from one line's top to the next on a page (median over lines of the same
/// height), the yardstick for paragraph gaps.
double pdf_line_pitch(const std::vector<PdfLine>& lines) {
  std::vector<double> pitches;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const PdfLine &a = lines[i - 1], &b = lines[i];
    const double pitch = b.top - a.top;
    if (pitch > 0 && pitch < 3 * a.height() && std::abs(a.height() - b.height()) < 0.1 * a.height())
      pitches.push_back(pitch);
  }
  if (pitches.empty())
    return lines.empty() ? 0 : 1.2 * lines.front().height();
  const auto middle = pitches.begin() + static_cast<std::ptrdiff_t>(pitches.size() / 2);
  std::nth_element(pitches.begin(), middle, pitches.end());
  return *middle;
}

/// Assembles paragraphs from lines. Lines belong to one paragraph when no gap, column change
/// or font size change separates them and the text agrees: the next line starts lower case
/// after a line that does not end a sentence, or the line runs to the right margin.
std::string pdf_paragraphs(std::vector<std::vector<PdfLine>>& pages) {
  const std::unordered_set<std::string> words = pdf_word_set(pages);
  LineWriter w;
  std::string paragraph;
  bool item = false;            // the paragraph is a list item
  double paragraph_x0 = 0;      // left edge of the paragraph's first line (an item's bullet)
  bool pending_bullet = false;  // a bullet drawn apart from its text, on a line of its own
  double pending_bullet_x0 = 0;
  const PdfLine* prev = nullptr;

  const auto flush = [&] {
    if (!paragraph.empty()) {
      if (item)
        w.begin_item();
      w.text(paragraph);
      item ? w.end_item() : w.end_line();
    }
    paragraph.clear();
    item = false;
  };

  for (auto& lines : pages) {
    const double pitch = pdf_line_pitch(lines);
    // The width of the runs of lines (blocks without gaps): a line reaching its block's right
    // edge was wrapped there.
    std::vector<double> run_left(lines.size()), run_right(lines.size());
    double page_left = 1e9, page_right = -1e9;
    for (const PdfLine& l : lines) {
      page_left = std::min(page_left, l.x0);
      page_right = std::max(page_right, l.x1);
    }
    const auto gap_between = [&](const PdfLine& a, const PdfLine& b) {
      const double step = b.top - a.top;
      return step < 0.3 * a.height() || step > 1.35 * pitch + 0.5 ||
             std::abs(a.height() - b.height()) > 0.15 * std::max(a.height(), b.height());
    };
    for (std::size_t i = 0; i < lines.size();) {
      std::size_t j = i + 1;
      while (j < lines.size() && !gap_between(lines[j - 1], lines[j]))
        ++j;
      double left = 1e9, right = -1e9;
      for (std::size_t k = i; k < j; ++k) {
        left = std::min(left, lines[k].x0);
        right = std::max(right, lines[k].x1);
      }
      for (std::size_t k = i; k < j; ++k) {
        run_left[k] = left;
        run_right[k] = right;
      }
      i = j;
    }

    for (std::size_t i = 0; i < lines.size(); ++i) {
      PdfLine& line = lines[i];
      std::string_view text = line.text;
      const std::size_t glyph = bullet_marker_length(text);
      if (glyph > 0 && glyph == text.size()) {
        flush();
        pending_bullet = true;
        pending_bullet_x0 = line.x0;
        prev = &line;
        continue;
      }
      const std::size_t marker = glyph > 0 ? glyph : pdf_number_length(text);
      const bool starts_item = marker > 0 || pending_bullet;
      bool join = false;
      if (prev && !paragraph.empty() && !starts_item && last_code_point(paragraph) != ':') {
        const bool lower = starts_lower(text) && !pdf_ends_sentence(paragraph);
        if (prev->page != line.page) {
          join = lower;
        } else if (!gap_between(*prev, line)) {
          const double run_width = run_right[i] - run_left[i];
          const bool wide =
              prev->x1 >= run_right[i] - std::max(0.1 * run_width, 2 * prev->height()) &&
              run_width >= 0.35 * (page_right - page_left);
          const bool flush_left = std::abs(line.x0 - paragraph_x0) < prev->height();
          if (item)
            join = line.x0 > paragraph_x0 + 0.5 * prev->height() || lower;
          else
            join = lower || (wide && flush_left);
        }
      }
      if (!join) {
        flush();
        paragraph_x0 = line.x0;
        item = starts_item;
        text.remove_prefix(marker);
        if (pending_bullet)
          paragraph_x0 = std::min(paragraph_x0, pending_bullet_x0);
        pending_bullet = false;
        paragraph = std::string(text);
      } else {
        pdf_join(paragraph, text, words);
      }
      prev = &line;
    }
  }
  flush();
  return w.finish();
}

std::string pdf_text(std::string_view bytes, const std::string& file_name) {
  pdf_init_once();
  const Location where{file_name, 0, ""};
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    throw Error(ErrorCode::parse_error, "cannot open this PDF (damaged or not a PDF)", where);
  if (doc->is_locked())
    throw Error(ErrorCode::parse_error, "this PDF is encrypted (password protected)", where);
  std::vector<std::vector<PdfLine>> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page)
      pages.push_back(pdf_page_lines(*page, i));
  }
  pdf_drop_running_lines(pages);
  return pdf_paragraphs(pages);
}

// ---------------------------------------------------------------------------------------------
// Detection

std::string_view file_extension(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos)
    file_name.remove_prefix(slash + 1);
  const std::size_t dot = file_name.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : file_name.substr(dot + 1);
}

/// An HTML document by its first bytes: a doctype, <html>, <head> or <body> anywhere near the
/// start; or a text that opens with a common HTML block tag.
bool looks_like_html(std::string_view bytes, bool strong_only) {
  const std::string head = ascii_lower(bytes.substr(0, 2048));
  std::string_view h = head;
  while (!h.empty() &&
         (h.front() == ' ' || h.front() == '\t' || h.front() == '\n' || h.front() == '\r'))
    h.remove_prefix(1);
  if (h.starts_with("<!doctype html") || h.starts_with("<html"))
    return true;
  if (h.starts_with("<?xml") || h.starts_with("<!--")) {
    if (head.find("<html") != std::string::npos)
      return true;
  }
  if (!h.starts_with("<"))
    return false;
  if (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
      head.find("<head>") != std::string::npos)
    return true;
  if (strong_only)
    return false;
  static constexpr std::array<std::string_view, 16> kTags = {
      "p",    "div",     "h1",      "h2",   "h3",   "ul", "ol",     "table",
      "span", "article", "section", "main", "meta", "br", "strong", "title"};
  h.remove_prefix(1);
  for (std::string_view tag : kTags) {
    if (h.starts_with(tag) && h.size() > tag.size() &&
        (h[tag.size()] == '>' || h[tag.size()] == ' ' || h[tag.size()] == '/' ||
         h[tag.size()] == '\n'))
      return true;
  }
  return false;
}

bool pdf_header_near_start(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace
}  // namespace input_detail

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::text:
      return "text";
    case InputFormat::markdown:
      return "markdown";
    case InputFormat::html:
      return "html";
    case InputFormat::docx:
      return "docx";
    case InputFormat::pdf:
      return "pdf";
  }
  return "text";
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  using input_detail::ascii_iequals;
  if (ascii_iequals(name, "text") || ascii_iequals(name, "txt"))
    return InputFormat::text;
  if (ascii_iequals(name, "markdown") || ascii_iequals(name, "md"))
    return InputFormat::markdown;
  if (ascii_iequals(name, "html") || ascii_iequals(name, "htm"))
    return InputFormat::html;
  if (ascii_iequals(name, "docx"))
    return InputFormat::docx;
  if (ascii_iequals(name, "pdf"))
    return InputFormat::pdf;
  return std::nullopt;
}

InputFormat detect_input_format(std::string_view bytes, std::string_view file_name) {
  using namespace input_detail;
  const std::string_view ext = file_extension(file_name);
  const bool markdown_name = ascii_iequals(ext, "md") || ascii_iequals(ext, "markdown") ||
                             ascii_iequals(ext, "mdown") || ascii_iequals(ext, "mkd");
  const std::string_view body = strip_bom(bytes);
  if (pdf_header_near_start(bytes))
    return InputFormat::pdf;
  // A ZIP or an old binary Word file: docx, whose reader says what it is if not Word.
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06") ||
      bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return InputFormat::docx;
  // Markdown may open with an HTML tag (<p align="center">): then only a doctype, <html>,
  // <head> or <body> makes it HTML.
  if (looks_like_html(body, markdown_name))
    return InputFormat::html;
  if (markdown_name)
    return InputFormat::markdown;
  if (ascii_iequals(ext, "html") || ascii_iequals(ext, "htm") || ascii_iequals(ext, "xhtml"))
    return InputFormat::html;
  if (ascii_iequals(ext, "docx"))
    return InputFormat::docx;
  if (ascii_iequals(ext, "pdf"))
    return InputFormat::pdf;
  return InputFormat::text;
}

std::string extract_text(std::string_view bytes, InputFormat format, const std::string& file_name) {
  using namespace input_detail;
  if (bytes.size() > kMaxInputBytes)
    throw Error(ErrorCode::too_large,
                "the document has " + std::to_string(bytes.size()) +
                    " bytes; the largest accepted is " +
                    std::to_string(kMaxInputBytes / kMebibyte) + " MB",
                {file_name, 0, ""});
  std::string out;
  switch (format) {
    case InputFormat::text:
      out = plain_text(bytes, file_name);
      break;
    case InputFormat::markdown:
      out = markdown_text(bytes, file_name);
      break;
    case InputFormat::html:
      out = html_text(bytes, file_name);
      break;
    case InputFormat::docx:
      out = docx_text(bytes, file_name);
      break;
    case InputFormat::pdf:
      out = pdf_text(bytes, file_name);
      break;
  }
  // One spelling of each accented letter (PDFs and macOS often decompose them).
  for (char c : out)
    if (static_cast<unsigned char>(c) >= 0x80)
      return text::nfc(out);
  return out;
}

}  // namespace vakkaart::analysis
