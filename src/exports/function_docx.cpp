#include "exports/function_docx.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <utility>
#include <vector>

#include <zip.h>
#include <pugixml.hpp>

#include "core/error.h"
#include "text/utf8.h"

namespace vakkaart::exports {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A4 in twentieths of a point, 2 cm margins: the text is 9638 twips wide.
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMargin = 1134;
constexpr int kTextWidth = kPageWidth - 2 * kMargin;

/// The same input gives the same bytes: entries carry a fixed time instead of "now".
constexpr std::time_t kZipTime = 1704067200;  // 2024-01-01T00:00:00Z

constexpr const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>)";

constexpr const char* kPackageRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>)";

constexpr const char* kDocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>)";

// Compatibility mode 15 keeps Word from opening the file in "compatibility mode".
constexpr const char* kSettings = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)";

// One bullet list definition; level 1 exists so a list can be nested when edited in Word.
constexpr const char* kNumbering = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="714" w:hanging="357"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";

/// Styles: Normal 10 pt; Title and Heading1-4 keep with the next paragraph and carry outline
/// levels (Word's navigation pane and PDF bookmarks); ListBullet is numbered by list 1.
std::string styles_xml(const std::string& lang) {
  std::string s =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val=")" +
      lang + R"(" w:eastAsia=")" + lang +
      R"("/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>)";
  s +=
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="1A1A1A"/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>)";
  struct HeadingStyle {
    int size, before, after;
    const char* color;
    bool rule;
  };
  const HeadingStyle headings[] = {{28, 320, 100, "1D4E79", true},
                                   {24, 220, 60, "1D4E79", false},
                                   {21, 160, 20, "1A1A1A", false},
                                   {20, 120, 20, "1A1A1A", false}};
  for (int i = 0; i < 4; ++i) {
    const auto& h = headings[i];
    const std::string n = std::to_string(i + 1);
    s +=
        R"(<w:style w:type="paragraph" w:styleId="Heading)" + n + R"("><w:name w:val="heading )" +
        n +
        R"("/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>)";
    if (h.rule)
      s += R"(<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="C9D3DD"/></w:pBdr>)";
    s += R"(<w:spacing w:before=")" + std::to_string(h.before) + R"(" w:after=")" +
         std::to_string(h.after) + R"("/><w:outlineLvl w:val=")" + std::to_string(i) +
         R"("/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val=")" + h.color + R"("/><w:sz w:val=")" +
         std::to_string(h.size) + R"("/><w:szCs w:val=")" + std::to_string(h.size) +
         R"("/></w:rPr></w:style>)";
  }
  s +=
      R"(<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepLines/><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="30"/><w:ind w:left="357" w:hanging="357"/></w:pPr></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:next w:val="ListBullet"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="40"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="666666"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>)";
  s +=
      R"(<w:style w:type="character" w:styleId="OriginalText"><w:name w:val="Original Text"/><w:rPr><w:i/><w:iCs/><w:color w:val="666666"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos=")" +
      std::to_string(kTextWidth) +
      R"("/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="777777"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>)";
  s +=
      R"(<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Header"/></w:style>)";
  s +=
      R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)";
  s += "</w:styles>";
  return s;
}

/// XML 1.0 cannot carry C0 control characters other than tab and line breaks, nor U+FFFE and
/// U+FFFF; a stray one would make Word refuse the whole file. A function stored before its texts
/// were checked (compose/function_edits.h) may still hold one. Carriage returns go too: a line
/// break is w:br.
std::string xml_safe(const std::string& s) {
  std::string out = text::without_forbidden_characters(s);
  std::erase(out, '\r');
  return out;
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

pugi::xml_document new_part() {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  return doc;
}

pugi::xml_node child(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

/// `<name w:val="value"/>`, the commonest shape in WordprocessingML.
pugi::xml_node val(pugi::xml_node parent, const char* name, const std::string& value) {
  auto n = parent.append_child(name);
  n.append_attribute("w:val") = value.c_str();
  return n;
}

/// Runs for `text`: line breaks become w:br and tabs w:tab, so nothing is lost or merged.
void add_runs(pugi::xml_node p, const std::string& text, const char* char_style = nullptr,
              bool bold = false) {
  const std::string safe = xml_safe(text);
  auto run = [&]() {
    auto r = child(p, "w:r");
    if (char_style || bold) {
      auto rpr = child(r, "w:rPr");
      if (char_style)
        val(rpr, "w:rStyle", char_style);
      if (bold)
        child(rpr, "w:b");
    }
    return r;
  };
  std::size_t start = 0;
  while (start <= safe.size()) {
    std::size_t end = safe.find_first_of("\n\t", start);
    const std::string piece = safe.substr(start, end == std::string::npos ? end : end - start);
    if (!piece.empty()) {
      auto t = child(run(), "w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text().set(piece.c_str());
    }
    if (end == std::string::npos)
      break;
    child(run(), safe[end] == '\n' ? "w:br" : "w:tab");
    start = end + 1;
  }
}

pugi::xml_node paragraph(pugi::xml_node body, const char* style) {
  auto p = child(body, "w:p");
  if (style)
    val(child(p, "w:pPr"), "w:pStyle", style);
  return p;
}

const char* heading_style(int level) {
  switch (level) {
    case 1:
      return "Title";
    case 2:
      return "Heading1";
    case 3:
      return "Heading2";
    case 4:
      return "Heading3";
    default:
      return "Heading4";
  }
}

void add_list(pugi::xml_node body, const BulletList& list) {
  for (const auto& item : list.items) {
    auto p = child(body, "w:p");
    auto ppr = child(p, "w:pPr");
    val(ppr, "w:pStyle", "ListBullet");
    auto num = child(ppr, "w:numPr");
    val(num, "w:ilvl", "0");
    val(num, "w:numId", "1");
    add_runs(p, item.text);
    if (!item.note.empty()) {
      // The note shares the item's paragraph after a line break: it is indented under the
      // text by the list's hanging indent and can never be separated from it by a page break.
      child(child(p, "w:r"), "w:br");
      add_runs(p, item.note, "OriginalText");
    }
  }
}

pugi::xml_node border(pugi::xml_node parent, const char* side, int size, const char* color) {
  auto b = child(parent, side);
  b.append_attribute("w:val") = "single";
  b.append_attribute("w:sz") = size;
  b.append_attribute("w:space") = 0;
  b.append_attribute("w:color") = color;
  return b;
}

void add_table(pugi::xml_node body, const Table& table) {
  const std::size_t columns = table.header.size();
  std::vector<int> widths(columns,
                          kTextWidth / static_cast<int>(std::max<std::size_t>(1, columns)));
  for (std::size_t c = 0; c < columns && c < table.widths.size(); ++c)
    widths[c] = static_cast<int>(table.widths[c] * kTextWidth);

  auto tbl = child(body, "w:tbl");
  auto tpr = child(tbl, "w:tblPr");
  auto tw = child(tpr, "w:tblW");
  tw.append_attribute("w:w") = kTextWidth;
  tw.append_attribute("w:type") = "dxa";
  auto borders = child(tpr, "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    border(borders, side, 4, "A8B6C4");
  child(tpr, "w:tblLayout").append_attribute("w:type") = "fixed";
  auto look = child(tpr, "w:tblLook");
  look.append_attribute("w:val") = "04A0";
  look.append_attribute("w:firstRow") = 1;
  look.append_attribute("w:lastRow") = table.total.empty() ? 0 : 1;
  look.append_attribute("w:firstColumn") = 0;
  look.append_attribute("w:lastColumn") = 0;
  look.append_attribute("w:noHBand") = 1;
  look.append_attribute("w:noVBand") = 1;
  auto grid = child(tbl, "w:tblGrid");
  for (int w : widths)
    child(grid, "w:gridCol").append_attribute("w:w") = w;

  enum class RowKind { header, body, total };
  auto add_row = [&](const std::vector<std::string>& cells, RowKind kind) {
    auto tr = child(tbl, "w:tr");
    auto trpr = child(tr, "w:trPr");
    child(trpr, "w:cantSplit");
    if (kind == RowKind::header)
      child(trpr, "w:tblHeader");  // repeated on each page the table spans
    for (std::size_t c = 0; c < columns; ++c) {
      auto tc = child(tr, "w:tc");
      auto tcpr = child(tc, "w:tcPr");
      auto tcw = child(tcpr, "w:tcW");
      tcw.append_attribute("w:w") = widths[c];
      tcw.append_attribute("w:type") = "dxa";
      if (kind == RowKind::total)
        border(child(tcpr, "w:tcBorders"), "w:top", 12, "5B6F82");
      if (kind == RowKind::header) {
        auto shd = child(tcpr, "w:shd");
        shd.append_attribute("w:val") = "clear";
        shd.append_attribute("w:color") = "auto";
        shd.append_attribute("w:fill") = "EEF2F6";
      }
      auto p = child(tc, "w:p");
      auto ppr = child(p, "w:pPr");
      val(ppr, "w:pStyle", "TableText");
      if (kind == RowKind::header)
        child(ppr, "w:keepNext");
      if (c < table.numeric.size() && table.numeric[c])
        val(ppr, "w:jc", "right");
      add_runs(p, c < cells.size() ? cells[c] : "", nullptr, kind != RowKind::body);
    }
  };
  add_row(table.header, RowKind::header);
  for (const auto& row : table.rows)
    add_row(row, RowKind::body);
  if (!table.total.empty())
    add_row(table.total, RowKind::total);
  // Word needs a paragraph between a table and what follows; it also gives the table air.
  paragraph(body, "Normal");
}

std::string document_xml(const FunctionDocument& doc) {
  auto xml = new_part();
  auto root = child(xml, "w:document");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  auto body = child(root, "w:body");
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node)) {
      add_runs(paragraph(body, heading_style(h->level)), h->text);
    } else if (const auto* p = std::get_if<Paragraph>(&node)) {
      const char* style = p->style == ParagraphStyle::meta   ? "Meta"
                          : p->style == ParagraphStyle::note ? "Note"
                                                             : "Normal";
      add_runs(paragraph(body, style), p->text);
    } else if (const auto* l = std::get_if<BulletList>(&node)) {
      add_list(body, *l);
    } else if (const auto* t = std::get_if<Table>(&node)) {
      add_table(body, *t);
    }
  }
  auto sect = child(body, "w:sectPr");
  for (auto [name, id] : {std::pair{"w:headerReference", "rId4"}, {"w:footerReference", "rId5"}}) {
    auto ref = child(sect, name);
    ref.append_attribute("w:type") = "default";
    ref.append_attribute("r:id") = id;
  }
  auto size = child(sect, "w:pgSz");
  size.append_attribute("w:w") = kPageWidth;
  size.append_attribute("w:h") = kPageHeight;
  auto margins = child(sect, "w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"})
    margins.append_attribute(side) = kMargin;
  margins.append_attribute("w:header") = 567;
  margins.append_attribute("w:footer") = 567;
  margins.append_attribute("w:gutter") = 0;
  return save(xml);
}

/// A simple field (PAGE, NUMPAGES) with a placeholder result until the reader updates it.
void field(pugi::xml_node p, const char* instruction) {
  auto f = child(p, "w:fldSimple");
  f.append_attribute("w:instr") = instruction;
  auto t = child(child(f, "w:r"), "w:t");
  t.text().set("1");
}

std::string header_xml(const FunctionDocument& doc) {
  auto xml = new_part();
  auto root = child(xml, "w:hdr");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  auto p = paragraph(root, "Header");
  // Title left, organisation right-aligned on the style's right tab stop.
  add_runs(p, doc.meta.title + (doc.meta.author.empty() ? "" : "\t" + doc.meta.author));
  return save(xml);
}

std::string footer_xml(const FunctionDocument& doc) {
  auto xml = new_part();
  auto root = child(xml, "w:ftr");
  root.append_attribute("xmlns:w") = kW;
  root.append_attribute("xmlns:r") = kR;
  auto p = paragraph(root, "Footer");
  val(p.child("w:pPr"), "w:jc", "right");
  add_runs(p, doc.meta.page_label + " ");
  field(p, " PAGE ");
  add_runs(p, " / ");
  field(p, " NUMPAGES ");
  return save(xml);
}

std::string core_xml(const FunctionDocument& doc) {
  const auto& m = doc.meta;
  auto xml = new_part();
  auto root = child(xml, "cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  auto text = [&](const char* name, const std::string& value) {
    child(root, name).text().set(xml_safe(value).c_str());
  };
  std::string keywords;
  for (const auto& k : m.keywords)
    keywords += (keywords.empty() ? "" : ", ") + k;
  text("dc:title", m.title);
  text("dc:subject", m.subject);
  text("dc:creator", m.author);
  text("cp:keywords", keywords);
  text("dc:language", m.language == "en" ? "en-GB" : "nl-BE");
  text("cp:lastModifiedBy", m.author);
  text("cp:revision", std::to_string(std::max(1, m.version)));
  text("cp:contentStatus", m.status);
  for (auto [name, value] :
       {std::pair{"dcterms:created", &m.created}, std::pair{"dcterms:modified", &m.updated}}) {
    const std::string date = utc_timestamp(*value);
    if (date.empty())
      continue;
    auto n = child(root, name);
    n.append_attribute("xsi:type") = "dcterms:W3CDTF";
    n.text().set(date.c_str());
  }
  return save(xml);
}

std::string app_xml(const FunctionDocument& doc) {
  auto xml = new_part();
  auto root = child(xml, "Properties");
  root.append_attribute("xmlns") =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  root.append_attribute("xmlns:vt") =
      "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
  child(root, "Application").text().set("vakkaart " VAKKAART_VERSION);
  child(root, "DocSecurity").text().set("0");
  child(root, "Company").text().set(xml_safe(doc.meta.author).c_str());
  return save(xml);
}

[[noreturn]] void zip_fail(const char* what, zip_error_t* error) {
  const std::string message = std::string("writing the docx failed: ") + what + ": " +
                              (error ? zip_error_strerror(error) : "unknown error");
  if (error)
    zip_error_fini(error);
  throw Error(ErrorCode::internal, message);
}

/// Zips the parts in memory, in the given order ([Content_Types].xml first, as readers expect).
std::string zip_parts(const std::vector<std::pair<const char*, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer)
    zip_fail("buffer", &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    zip_fail("open", &error);
  }
  // Keep the buffer alive past zip_close, which writes into it and would otherwise free it.
  zip_source_keep(buffer);
  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
      if (source)
        zip_source_free(source);
      zip_error_t copy;
      zip_error_init(&copy);
      zip_error_set(&copy, zip_error_code_zip(zip_get_error(archive)), 0);
      zip_discard(archive);
      zip_source_free(buffer);
      zip_fail(name, &copy);
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kZipTime, 0);
  }
  if (zip_close(archive) < 0) {
    zip_error_t copy;
    zip_error_init(&copy);
    zip_error_set(&copy, zip_error_code_zip(zip_get_error(archive)), 0);
    zip_discard(archive);
    zip_source_free(buffer);
    zip_fail("close", &copy);
  }
  std::string bytes;
  if (zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    zip_fail("reopen", nullptr);
  }
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  bytes.resize(static_cast<std::size_t>(std::max<zip_int64_t>(0, size)));
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read != size)
    zip_fail("read back", nullptr);
  return bytes;
}

}  // namespace

std::string function_to_docx(const FunctionDocument& doc) {
  const std::string lang = doc.meta.language == "en" ? "en-GB" : "nl-BE";
  // The part strings must outlive zip_close: libzip reads them only then.
  const std::vector<std::pair<const char*, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},   {"_rels/.rels", kPackageRels},
      {"word/document.xml", document_xml(doc)}, {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/styles.xml", styles_xml(lang)},    {"word/numbering.xml", kNumbering},
      {"word/settings.xml", kSettings},         {"word/header1.xml", header_xml(doc)},
      {"word/footer1.xml", footer_xml(doc)},    {"docProps/core.xml", core_xml(doc)},
      {"docProps/app.xml", app_xml(doc)},
  };
  return zip_parts(parts);
}

}  // namespace vakkaart::exports
