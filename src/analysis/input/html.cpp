#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "core/error.h"
#include "text/decode.h"
#include "text/utf8.h"

namespace vakkaart::analysis::input_detail {

namespace {

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

/// Elements whose text is no part of the job text: code, metadata, controls, site chrome.
bool html_dropped_element(std::string_view name) {
  return in_list(name,
                 {"script", "style",  "noscript", "template", "head",  "title",  "nav",   "aside",
                  "svg",    "math",   "iframe",   "object",   "embed", "canvas", "video", "audio",
                  "select", "option", "textarea", "button",   "input", "dialog", "map"});
}

bool html_block_element(std::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
    return true;
  return in_list(name, {"p",       "div",        "section", "article",    "main",   "header",
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
  if (in_list(role, {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                     "alertdialog"}))
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
      if (in_list(std::string_view(value).substr(i, j - i),
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
    if (in_list(html_name(c), names) || html_has_descendant(c, names))
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

/// Deeper than any real page nests; the tree walks below recurse, so a deeper page is refused
/// before they start.
constexpr int kMaxHtmlDepth = 1000;

/// RECOVER reads broken markup as browsers do. HUGE lifts libxml2's own limits, which it
/// enforces by stopping and leaving the rest of the page out without a word (RECOVER keeps
/// what it read): elements nested deeper than 256 (with HUGE: none before libxml2 2.13, 2048
/// from then on) and a text node above 10 MB. Ours bound the work instead: a job text has at
/// most kMaxInputBytes (20 MB), and html_guarded_start stops at kMaxHtmlDepth, so a deep page
/// costs no more than its first kMaxHtmlDepth levels. (libxml2 names the option
/// HTML_PARSE_HUGE only from 2.14 on; it has always taken XML_PARSE_HUGE.)
constexpr int kHtmlParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET | static_cast<int>(XML_PARSE_HUGE);

/// Beside a parse: libxml2's own start of an element, and whether the page went too deep.
struct HtmlDepthGuard {
  startElementSAXFunc start = nullptr;
  bool too_deep = false;
};

/// Starts an element as libxml2 would, unless it lies deeper than kMaxHtmlDepth: then the
/// parse stops (as libxml2 stops at its own limit) and read_html refuses the page.
void html_guarded_start(void* context, const xmlChar* name, const xmlChar** attributes) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(context);
  auto* guard = static_cast<HtmlDepthGuard*>(ctxt->_private);
  if (ctxt->nodeNr > kMaxHtmlDepth) {
    guard->too_deep = true;
    xmlStopParser(ctxt);
    return;
  }
  guard->start(context, name, attributes);
}

struct HtmlContextFree {
  void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};

/// The page's tree, or null when libxml2 reads none; `guard` says whether it went too deep.
std::unique_ptr<xmlDoc, HtmlDocFree> html_parse(std::string_view bytes, const char* encoding,
                                                HtmlDepthGuard& guard) {
  std::unique_ptr<htmlParserCtxt, HtmlContextFree> ctxt(htmlNewParserCtxt());
  if (!ctxt || !ctxt->sax)
    return nullptr;
  guard.start = ctxt->sax->startElement;
  ctxt->sax->startElement = html_guarded_start;
  ctxt->_private = &guard;  // the parser leaves _private to its user
  return std::unique_ptr<xmlDoc, HtmlDocFree>(
      htmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                         encoding, kHtmlParseOptions));
}

Error html_too_deep(const std::string& file_name) {
  return Error(
      ErrorCode::parse_error,
      "the page nests elements more than " + std::to_string(kMaxHtmlDepth) + " levels deep",
      {file_name, 0, ""});
}

/// The depth of the deepest node under `root`, walked without recursion.
int html_tree_depth(const xmlNode* root) {
  int depth = 0, deepest = 0;
  const xmlNode* n = root;
  for (;;) {
    if (n->children) {
      n = n->children;
      deepest = std::max(deepest, ++depth);
      continue;
    }
    while (n != root && !n->next) {
      n = n->parent;
      --depth;
    }
    if (n == root)
      return deepest;
    n = n->next;
  }
}

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

}  // namespace

std::string read_html(std::string_view raw, const std::string& file_name) {
  html_init_once();
  std::string_view bytes = text::strip_utf8_bom_refusing_utf16(raw, file_name);
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos)
    return {};  // libxml2 reads no document from nothing
  // Bytes that are UTF-8 are read as UTF-8 whatever the page declares (misdeclared pages are
  // common). Other bytes are Windows-1252 (the shared decoding step converts them) unless the
  // page declares a charset beyond Latin-1, which libxml2 then follows. (libxml2 itself would
  // stop at Windows-1252's undefined bytes and drop the rest of the page.)
  const char* encoding = "UTF-8";
  std::string decoded;
  const std::string declared =
      text::is_valid_utf8(bytes) ? std::string() : html_declared_charset(bytes);
  if (declared.empty() ||
      in_list(declared, {"iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
                         "us-ascii", "ascii", "utf-8", "utf8"})) {
    decoded = text::decode_text(bytes, file_name, {.allow_windows_1252 = true}).text;
    bytes = decoded;
  } else {
    encoding = nullptr;
  }
  const HtmlQuiet quiet;
  HtmlDepthGuard guard;
  const std::unique_ptr<xmlDoc, HtmlDocFree> doc = html_parse(bytes, encoding, guard);
  if (guard.too_deep)
    throw html_too_deep(file_name);
  if (!doc)
    throw Error(ErrorCode::parse_error, "cannot read this HTML document", {file_name, 0, ""});
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root)
    return {};
  if (html_tree_depth(root) > kMaxHtmlDepth)
    throw html_too_deep(file_name);
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

}  // namespace vakkaart::analysis::input_detail
