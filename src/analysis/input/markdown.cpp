#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

// Without the short names (NODE_TEXT, BULLET_LIST, ...) that would leak into the other files
// of a unity batch.
#define CMARK_NO_SHORT_NAMES
#include <cmark.h>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "core/error.h"
#include "text/decode.h"

namespace vakkaart::analysis::input_detail {

namespace {

struct CmarkNodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CmarkIterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

bool markdown_is_html_break(std::string_view tag) {
  std::string t = ascii_lower(tag);
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t == "<br>" || t == "<br/>";
}

}  // namespace

std::string read_markdown(std::string_view raw, const std::string& file_name) {
  // Like plain text, Markdown is typed: bytes that are not UTF-8 are refused.
  const std::string bytes = text::decode_text(raw, file_name, {.allow_windows_1252 = false}).text;
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
        if (const char* literal = cmark_node_get_literal(node);
            literal && markdown_is_html_break(literal))
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

}  // namespace vakkaart::analysis::input_detail
