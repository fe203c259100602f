#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "analysis/input/reader_lines.h"
#include "analysis/input/readers.h"
#include "analysis/input/zip_archive.h"
#include "core/error.h"

namespace vakkaart::analysis::input_detail {

namespace {

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

/// Far deeper than tables in tables in text boxes get in real documents.
constexpr int kMaxDocxDepth = 256;

/// Walks the WordprocessingML body: each w:p is a line; lists (numbering or a list style) get
/// "- "; table cells, content controls and text boxes hold paragraphs of their own.
class DocxWalker {
 public:
  DocxWalker(LineWriter& w, const std::string& file_name) : w_(w), file_name_(file_name) {}

  void blocks(const pugi::xml_node& n) {
    const DocxDepth depth(*this);
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
    const DocxDepth depth(*this);
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
    const DocxDepth depth(*this);
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

  /// Counts the walk's nesting; a document nested deeper than any Word writes is refused
  /// rather than walked into a stack overflow.
  class DocxDepth {
   public:
    explicit DocxDepth(DocxWalker& walker) : walker_(walker) {
      if (++walker_.depth_ > kMaxDocxDepth)
        throw Error(
            ErrorCode::parse_error,
            "the document is nested more than " + std::to_string(kMaxDocxDepth) + " levels deep",
            {walker_.file_name_, 0, ""});
    }
    ~DocxDepth() { --walker_.depth_; }
    DocxDepth(const DocxDepth&) = delete;
    DocxDepth& operator=(const DocxDepth&) = delete;

   private:
    DocxWalker& walker_;
  };

  LineWriter& w_;
  const std::string& file_name_;
  int depth_ = 0;
};

/// The target of the package's officeDocument relationship (normally word/document.xml).
std::string docx_main_part(ZipArchive& zip) {
  const std::optional<std::string> rels = zip.read("_rels/.rels");
  if (!rels || rels->size() > kMebibyte)
    return {};
  pugi::xml_document doc;
  if (!doc.load_buffer(rels->data(), rels->size()))
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

}  // namespace

std::string read_docx(std::string_view bytes, const std::string& file_name) {
  const Location where{file_name, 0, ""};
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    throw Error(ErrorCode::unsupported_format,
                "a Word 97-2003 document (.doc), not a .docx: save it as .docx", where);
  if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06"))
    throw Error(ErrorCode::unsupported_format, "not a Word document (not a ZIP archive)", where);
  ZipArchive zip(bytes, file_name);

  std::string part = "word/document.xml";
  if (!zip.contains(part)) {
    if (std::string target = docx_main_part(zip); !target.empty() && zip.contains(target))
      part = target;
  }
  if (!zip.contains(part)) {
    if (zip.contains("content.xml"))
      throw Error(ErrorCode::unsupported_format,
                  "an OpenDocument file, not a Word document (no word/document.xml): save it "
                  "as .docx",
                  where);
    throw Error(ErrorCode::unsupported_format, "not a Word document (no word/document.xml)", where);
  }
  std::string xml = zip.read(part).value_or(std::string());

  pugi::xml_document doc;
  // Whitespace-only runs (<w:t xml:space="preserve"> </w:t>) are the spaces between words.
  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
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
  DocxWalker(w, file_name).blocks(body);
  return w.finish();
}

}  // namespace vakkaart::analysis::input_detail
