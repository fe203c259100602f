#include "exports/function_html.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "text/text_utils.h"

namespace vakkaart::exports {

namespace {

using text::escape_markup;

/// A CSS string literal; "<" is escaped too so the text can never close the style element.
std::string css_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (c == '\n')
      out += "\\A ";
    else if (c == '<')
      out += "\\3C ";
    else
      out += c;
  }
  return out + "\"";
}

constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.4; color: #1a1a1a; background: #fff; max-width: 48rem; margin: 2rem auto;
  padding: 0 1rem; }
h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 .35em; }
h2 { font-size: 1.3em; color: #1d4e79; margin: 1.4em 0 .4em; padding-bottom: .15em;
  border-bottom: 1px solid #c9d3dd; }
h3 { font-size: 1.1em; color: #1d4e79; margin: 1.1em 0 .3em; }
h4 { font-size: 1em; margin: .9em 0 .1em; }
p { margin: .35em 0; orphans: 3; widows: 3; }
p.meta { margin: .1em 0; color: #555; font-size: .9em; }
p.note { margin: 0 0 .3em; color: #666; font-size: .85em; font-style: italic; }
ul { margin: .2em 0 .6em; padding-left: 1.3em; }
li { margin: .15em 0; }
li .note { display: block; color: #666; font-size: .85em; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: .95em; }
th, td { border: 1px solid #c9d3dd; padding: .25em .5em; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
tfoot td { font-weight: bold; border-top: 2px solid #8a9bab; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
/* Paged output: a heading never ends a page, a statement or row is never cut in two. */
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
li, tr, p.note { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
}
)css";

void write_list(std::ostringstream& out, const BulletList& list) {
  out << "<ul>\n";
  for (const auto& item : list.items) {
    out << "<li>" << escape_markup(item.text);
    if (!item.note.empty())
      out << " <span class=\"note\">" << escape_markup(item.note) << "</span>";
    out << "</li>\n";
  }
  out << "</ul>\n";
}

void write_table(std::ostringstream& out, const Table& table) {
  auto cls = [&](std::size_t c) {
    return c < table.numeric.size() && table.numeric[c] ? " class=\"num\"" : "";
  };
  out << "<table>\n<colgroup>";
  for (double w : table.widths) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", w * 100);
    out << "<col style=\"width:" << buf << "\">";
  }
  out << "</colgroup>\n<thead><tr>";
  for (std::size_t c = 0; c < table.header.size(); ++c)
    out << "<th scope=\"col\"" << cls(c) << ">" << escape_markup(table.header[c]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out << "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c)
      out << "<td" << cls(c) << ">" << escape_markup(row[c]) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody>\n";
  if (!table.total.empty()) {
    out << "<tfoot><tr>";
    for (std::size_t c = 0; c < table.total.size(); ++c)
      out << "<td" << cls(c) << ">" << escape_markup(table.total[c]) << "</td>";
    out << "</tr></tfoot>\n";
  }
  out << "</table>\n";
}

}  // namespace

std::string function_to_html(const FunctionDocument& doc) {
  const auto& m = doc.meta;
  std::ostringstream out;
  std::string keywords;
  for (const auto& k : m.keywords)
    keywords += (keywords.empty() ? "" : ", ") + k;
  std::string title = m.title;
  if (!m.author.empty())
    title += " \u2013 " + m.author;

  out << "<!DOCTYPE html>\n<html lang=\"" << escape_markup(m.language) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_markup(title) << "</title>\n"
      << "<meta name=\"author\" content=\"" << escape_markup(m.author) << "\">\n"
      << "<meta name=\"description\" content=\"" << escape_markup(m.subject) << "\">\n"
      << "<meta name=\"keywords\" content=\"" << escape_markup(keywords) << "\">\n"
      << "<meta name=\"generator\" content=\"vakkaart\">\n";
  if (!m.created.empty())
    out << "<meta name=\"dcterms.created\" content=\"" << escape_markup(m.created) << "\">\n";
  if (!m.updated.empty())
    out << "<meta name=\"dcterms.modified\" content=\"" << escape_markup(m.updated) << "\">\n";
  out << "<meta name=\"dcterms.status\" content=\"" << escape_markup(m.status) << "\">\n"
      << "<meta name=\"dcterms.hasVersion\" content=\"" << m.version << "\">\n"
      << "<style>"
      << kStyle
      // Margin boxes give a running header and page numbers where the browser supports them;
      // elsewhere they are ignored and the page is still A4 with these margins.
      << "@page { size: A4; margin: 2cm 2cm 2cm 2cm;\n"
      << "  @top-left { content: " << css_string(m.title) << "; font-size: 8pt; color: #777; }\n"
      << "  @top-right { content: " << css_string(m.author) << "; font-size: 8pt; color: #777; }\n"
      << "  @bottom-right { content: " << css_string(m.page_label + " ")
      << " counter(page) \" / \" counter(pages); font-size: 8pt; color: #777; }\n}\n"
      << "</style>\n</head>\n<body>\n<main>\n";
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node)) {
      const int level = std::clamp(h->level, 1, 6);
      out << "<h" << level << ">" << escape_markup(h->text) << "</h" << level << ">\n";
    } else if (const auto* p = std::get_if<Paragraph>(&node)) {
      const char* cls = p->style == ParagraphStyle::meta   ? " class=\"meta\""
                        : p->style == ParagraphStyle::note ? " class=\"note\""
                                                           : "";
      out << "<p" << cls << ">" << escape_markup(p->text) << "</p>\n";
    } else if (const auto* l = std::get_if<BulletList>(&node)) {
      write_list(out, *l);
    } else if (const auto* t = std::get_if<Table>(&node)) {
      write_table(out, *t);
    }
  }
  out << "</main>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace vakkaart::exports
