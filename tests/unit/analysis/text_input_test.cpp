#include "analysis/input/input.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <cairo/cairo-pdf.h>
#include <cairo/cairo.h>
#include <gtest/gtest.h>
#include <zip.h>

#include "analysis/input/job_text.h"
#include "analysis/input/zip_archive.h"
#include "analysis/segmenter.h"
#include "core/error.h"
#include "unit/analysis/adversarial_inputs.h"

namespace vakkaart::analysis {
namespace {

/// Runs `f`, which must throw an Error; returns it.
template <typename F>
Error text_input_error(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no Error thrown";
  return Error(ErrorCode::internal, "none");
}

/// A ZIP archive in memory holding `entries` (name, content).
std::string text_input_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), data, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  EXPECT_EQ(zip_source_open(buffer), 0);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  EXPECT_EQ(zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)), size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

/// A Word document whose body is `body` (WordprocessingML).
std::string text_input_docx(const std::string& body) {
  const std::string content_types =
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
  const std::string document =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>)" +
      body + "<w:sectPr/></w:body></w:document>";
  return text_input_zip({{"[Content_Types].xml", content_types},
                         {"_rels/.rels", rels},
                         {"word/document.xml", document}});
}

cairo_status_t text_input_append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// A line of text drawn on a PDF page: position in points from the top left, size, weight.
struct TextInputPdfLine {
  double x, y;
  const char* text;
  double size = 11;
  bool bold = false;
};

/// A PDF (A4) with one page per entry of `pages`, drawn with cairo's own text API.
std::string text_input_pdf(const std::vector<std::vector<TextInputPdfLine>>& pages) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(text_input_append, &bytes, 595.28, 841.89);
  cairo_t* cr = cairo_create(surface);
  for (const auto& lines : pages) {
    for (const TextInputPdfLine& line : lines) {
      cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                             line.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, line.size);
      cairo_move_to(cr, line.x, line.y);
      cairo_show_text(cr, line.text);
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  EXPECT_EQ(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surface);
  return bytes;
}

/// A PDF whose trailer points to a standard security handler with a user password we do not
/// know: poppler opens it locked.
std::string text_input_encrypted_pdf() {
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
      "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, '1') + "> /U <" +
          std::string(64, '2') + "> /P -4 >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 5\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf +=
      "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899AABBCCDDEEFF>"
      "<00112233445566778899AABBCCDDEEFF>] >>\nstartxref\n" +
      std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// ---------------------------------------------------------------------------------------------

TEST(TextInput, FormatNamesRoundTrip) {
  for (InputFormat f : {InputFormat::text, InputFormat::markdown, InputFormat::html,
                        InputFormat::docx, InputFormat::pdf})
    EXPECT_EQ(input_format_from_string(to_string(f)), f);
  EXPECT_STREQ(to_string(InputFormat::markdown), "markdown");
  EXPECT_EQ(input_format_from_string("txt"), InputFormat::text);
  EXPECT_EQ(input_format_from_string("md"), InputFormat::markdown);
  EXPECT_EQ(input_format_from_string("htm"), InputFormat::html);
  EXPECT_EQ(input_format_from_string("PDF"), InputFormat::pdf);
  EXPECT_EQ(input_format_from_string("odt"), std::nullopt);
  EXPECT_EQ(input_format_from_string(""), std::nullopt);
}

TEST(TextInput, DetectsFormatByContentFirst) {
  const std::string pdf = text_input_pdf({{{60, 60, "Hallo."}}});
  EXPECT_EQ(detect_input_format(pdf, "vacature.txt"), InputFormat::pdf);
  EXPECT_EQ(detect_input_format(text_input_docx(""), "upload.bin"), InputFormat::docx);
  EXPECT_EQ(detect_input_format("<!DOCTYPE html><html><body>x</body></html>", "a.txt"),
            InputFormat::html);
  EXPECT_EQ(detect_input_format("\xEF\xBB\xBF\n  <html lang=\"nl\"><p>x</p></html>", ""),
            InputFormat::html);
  EXPECT_EQ(detect_input_format("<p>Wij zoeken een collega.</p>", "plak.txt"), InputFormat::html);
  EXPECT_EQ(detect_input_format("<div class=\"job\">x</div>", ""), InputFormat::html);
  // By name: Markdown (even when it opens with a tag, as README files do).
  EXPECT_EQ(detect_input_format("# Vacature\n\n- taak\n", "vacature.md"), InputFormat::markdown);
  EXPECT_EQ(detect_input_format("Vacature", "C:\\docs\\VACATURE.MARKDOWN"), InputFormat::markdown);
  EXPECT_EQ(detect_input_format("<p align=\"center\">logo</p>\n# Titel\n", "README.md"),
            InputFormat::markdown);
  EXPECT_EQ(detect_input_format("<!doctype html><p>x</p>", "page.md"), InputFormat::html);
  EXPECT_EQ(detect_input_format("Gewone tekst.", "vacature.html"), InputFormat::html);
  // Otherwise text: a '<' that opens no tag, plain words.
  EXPECT_EQ(detect_input_format("<3 jaar ervaring>", ""), InputFormat::text);
  EXPECT_EQ(detect_input_format("# Titel\nTekst", "vacature.txt"), InputFormat::text);
  EXPECT_EQ(detect_input_format("", ""), InputFormat::text);
  // Any ZIP or old Word file goes to the Word reader, which says what it is.
  EXPECT_EQ(detect_input_format(text_input_zip({{"a.txt", "x"}}), "a.zip"), InputFormat::docx);
}

TEST(TextInput, PlainTextKeepsLinesAndNormalisesSpace) {
  const std::string in =
      "\xEF\xBB\xBF"
      "Vacature\r\n\r\n\r\nWij  zoeken\teen collega   \r\n- voor de\xC2\xA0werking\rin Gent.\n\n";
  EXPECT_EQ(extract_text(in, InputFormat::text, "v.txt"),
            "Vacature\n\nWij zoeken een collega\n- voor de werking\nin Gent.");
  EXPECT_EQ(extract_text("", InputFormat::text, "leeg.txt"), "");
  EXPECT_EQ(extract_text("  \n\t\n", InputFormat::text, "leeg.txt"), "");
  // Soft hyphens and zero-width spaces are invisible: they go.
  EXPECT_EQ(extract_text("begelei\xC2\xAD"
                         "ding\xE2\x80\x8B",
                         InputFormat::text, "v.txt"),
            "begeleiding");
}

TEST(TextInput, InvalidUtf8NamesFileLineAndByte) {
  const std::string latin1 = "Vacature\nWij zoeken\nJe werkt in een caf\xE9.\n";
  for (InputFormat f : {InputFormat::text, InputFormat::markdown}) {
    const Error e = text_input_error([&] { extract_text(latin1, f, "vacature.txt"); });
    EXPECT_EQ(e.code(), ErrorCode::encoding_error);
    EXPECT_EQ(e.where().file, "vacature.txt");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_NE(e.message().find("0xE9"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("line 3"), std::string::npos) << e.message();
    EXPECT_NE(std::string(e.what()).find("vacature.txt:3"), std::string::npos) << e.what();
  }
  // An overlong encoding and a lone continuation byte are not UTF-8 either.
  EXPECT_EQ(text_input_error([] { extract_text("a\xC0\xAF", InputFormat::text, "x"); }).code(),
            ErrorCode::encoding_error);
  EXPECT_EQ(text_input_error([] { extract_text("\x80", InputFormat::text, "x"); }).code(),
            ErrorCode::encoding_error);
  const Error utf16 =
      text_input_error([] { extract_text(std::string("\xFF\xFEV\0", 4), InputFormat::text, "x"); });
  EXPECT_EQ(utf16.code(), ErrorCode::encoding_error);
  EXPECT_NE(utf16.message().find("UTF-16"), std::string::npos);
  const Error nul =
      text_input_error([] { extract_text(std::string("ab\0cd", 5), InputFormat::text, "x"); });
  EXPECT_EQ(nul.code(), ErrorCode::encoding_error);
}

TEST(TextInput, RejectsInputAboveTheLimit) {
  const std::string big(kMaxInputBytes + 1, 'a');
  for (InputFormat f : {InputFormat::text, InputFormat::html, InputFormat::pdf}) {
    const Error e = text_input_error([&] { extract_text(big, f, "groot.txt"); });
    EXPECT_EQ(e.code(), ErrorCode::too_large);
    EXPECT_EQ(e.where().file, "groot.txt");
  }
}

TEST(TextInput, MarkdownBlocksBecomeLines) {
  const std::string md = R"(# Medewerker onthaal

Vormingplus zoekt een **enthousiaste** collega voor
de *sociaal-culturele* werking in [Gent](https://gent.be).

<div class="banner">Schrijf je in op de nieuwsbrief</div>

## Taken

- Je onthaalt bezoekers.
- Je beheert de `agenda` en
  de planning.
  - Tweede niveau

1. Genummerd
2. Ook genummerd

![logo van Vormingplus](logo.png)

    ingesprongen regel een
    ingesprongen regel twee

> Citaat van een collega.

Einde<br>nieuwe regel &amp; meer.
)";
  EXPECT_EQ(extract_text(md, InputFormat::markdown, "v.md"),
            "Medewerker onthaal\n"
            "Vormingplus zoekt een enthousiaste collega voor de sociaal-culturele werking in "
            "Gent.\n"
            "Taken\n"
            "- Je onthaalt bezoekers.\n"
            "- Je beheert de agenda en de planning.\n"
            "- Tweede niveau\n"
            "- Genummerd\n"
            "- Ook genummerd\n"
            "ingesprongen regel een\n"
            "ingesprongen regel twee\n"
            "Citaat van een collega.\n"
            "Einde\n"
            "nieuwe regel & meer.");
  EXPECT_EQ(extract_text("", InputFormat::markdown, "leeg.md"), "");
}

TEST(TextInput, HtmlTakesMainContentAndDropsChrome) {
  const std::string html = R"(<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Vacature | Vormingplus</title>
<style>p { color: red }</style><script>var s = "<p>geen tekst</p>";</script></head>
<body>
<header><a href="/">Home</a><nav><ul><li><a href="/jobs">Vacatures</a></li></ul></nav></header>
<div id="cookie-banner">Wij gebruiken cookies.</div>
<main>
<article>
<header><h1>Co&ouml;rdinator vrijwilligers</h1></header>
<p>Vormingplus zoekt een   <strong>enthousiaste</strong>
   collega &amp; teamspeler in Gent&nbsp;&ndash; caf&eacute;.</p>
<h2>Taken</h2>
<ul><li>Je werft vrijwilligers.</li><li><p>Je begeleidt</p><p>tweede alinea</p></li></ul>
<p>Regel een<br>Regel twee</p>
<table><tr><th>Plaats</th><td>Gent</td></tr></table>
<aside>Andere vacatures</aside>
<form><label>E-mail</label><input name="mail"><button>Verstuur</button></form>
<p hidden>verborgen</p><p style="display: none">ook verborgen</p>
<noscript>Zet JavaScript aan.</noscript>
</article>
</main>
<footer>&copy; 2024 Vormingplus</footer>
</body></html>)";
  EXPECT_EQ(extract_text(html, InputFormat::html, "v.html"),
            "Coördinator vrijwilligers\n"
            "Vormingplus zoekt een enthousiaste collega & teamspeler in Gent – café.\n"
            "Taken\n"
            "- Je werft vrijwilligers.\n"
            "- Je begeleidt\n"
            "tweede alinea\n"
            "Regel een\n"
            "Regel twee\n"
            "Plaats\n"
            "Gent");
}

TEST(TextInput, HtmlWithoutMainDropsSiteHeaderAndFooter) {
  const std::string html =
      "<html><body><header><h1>Site</h1></header><nav>Menu</nav>"
      "<div class=\"content\"><h1>Vacature</h1><p>Tekst van de vacature.</p>"
      "<ol><li>Een</li><li>Twee</li></ol></div>"
      "<aside><p>Deel deze vacature</p></aside><footer><p>Contact</p></footer></body></html>";
  EXPECT_EQ(extract_text(html, InputFormat::html, "v.html"),
            "Vacature\nTekst van de vacature.\n- Een\n- Twee");
  // Of several articles, the one with the most text.
  const std::string articles =
      "<body><article><p>Kort.</p></article><article><h2>Vacature</h2><p>De langste tekst van "
      "de pagina.</p></article></body>";
  EXPECT_EQ(extract_text(articles, InputFormat::html, "v.html"),
            "Vacature\nDe langste tekst van de pagina.");
  // A form around the whole page (ASP.NET) is kept; a form of fields is not.
  EXPECT_EQ(extract_text("<body><form id=\"aspnetForm\"><h1>Titel</h1><p>Tekst.</p></form>"
                         "<form><label>Naam</label><input></form></body>",
                         InputFormat::html, "v.html"),
            "Titel\nTekst.");
  EXPECT_EQ(extract_text("", InputFormat::html, "leeg.html"), "");
  EXPECT_EQ(extract_text("<html><head><title>x</title></head><body></body></html>",
                         InputFormat::html, "leeg.html"),
            "");
}

TEST(TextInput, HtmlEncodings) {
  // Windows-1252 without a declaration; Latin-1 with one; UTF-8 declared as Latin-1.
  EXPECT_EQ(extract_text("<html><body><p>caf\xE9 en cr\xE8"
                         "che \x80 5</p></body></html>",
                         InputFormat::html, "a.html"),
            "café en crèche € 5");
  // A byte Windows-1252 leaves undefined does not cut the page short.
  EXPECT_EQ(extract_text("<p>een\x9D twee\xE9</p><p>drie</p>", InputFormat::html, "d.html"),
            "een\uFFFD twee\u00E9\ndrie");
  EXPECT_EQ(extract_text("<html><head><meta charset=\"iso-8859-1\"></head><body><p>co\xF6"
                         "rdinator</p></body></html>",
                         InputFormat::html, "b.html"),
            "coördinator");
  EXPECT_EQ(extract_text("<html><head><meta charset=\"iso-8859-1\"></head><body><p>co\xC3\xB6"
                         "rdinator</p></body></html>",
                         InputFormat::html, "c.html"),
            "coördinator");
}

TEST(TextInput, DocxParagraphsListsTablesAndRuns) {
  const std::string body = R"(
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Medewerker onthaal</w:t></w:r></w:p>
<w:p><w:r><w:t>Wij zoeken een</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>enthousiaste</w:t></w:r><w:r><w:t xml:space="preserve"> collega</w:t></w:r><w:r><w:tab/><w:t>in Gent.</w:t></w:r></w:p>
<w:p><w:r><w:t>Eerste regel</w:t><w:br/><w:t>tweede regel</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Je onthaalt bezoekers.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Lijstopsomteken"/></w:pPr><w:r><w:t>Je plant activiteiten.</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Geen lijst meer.</w:t></w:r></w:p>
<w:p><w:hyperlink r:id="rId5"><w:r><w:t>www.vormingplus.be</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>weg</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> erbij</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Veldresultaat</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>verborgen</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Plaats</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Gent</w:t></w:r></w:p><w:p><w:r><w:t>Brussel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Tekstvak</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Tekstvak</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>&#x2022;&#x9;Handmatig opsommingsteken</w:t></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="Titel"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>In een inhoudsbesturingselement</w:t></w:r></w:p></w:sdtContent></w:sdt>
)";
  EXPECT_EQ(extract_text(text_input_docx(body), InputFormat::docx, "v.docx"),
            "Medewerker onthaal\n"
            "Wij zoeken een enthousiaste collega in Gent.\n"
            "Eerste regel\n"
            "tweede regel\n"
            "- Je onthaalt bezoekers.\n"
            "- Je plant activiteiten.\n"
            "Geen lijst meer.\n"
            "www.vormingplus.be erbij\n"
            "Veldresultaat\n"
            "Plaats\n"
            "Gent\n"
            "Brussel\n"
            "Tekstvak\n"
            "- Handmatig opsommingsteken\n"
            "In een inhoudsbesturingselement");
  EXPECT_EQ(extract_text(text_input_docx(""), InputFormat::docx, "leeg.docx"), "");
}

TEST(TextInput, DocxThatIsNotAWordDocument) {
  const Error no_document = text_input_error([] {
    extract_text(text_input_zip({{"content.txt", "hallo"}}), InputFormat::docx, "x.docx");
  });
  EXPECT_EQ(no_document.code(), ErrorCode::unsupported_format);
  EXPECT_EQ(no_document.where().file, "x.docx");
  EXPECT_NE(no_document.message().find("not a Word document (no word/document.xml)"),
            std::string::npos)
      << no_document.message();

  const Error odt = text_input_error([] {
    extract_text(text_input_zip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                 {"content.xml", "<x/>"}}),
                 InputFormat::docx, "x.odt");
  });
  EXPECT_EQ(odt.code(), ErrorCode::unsupported_format);
  EXPECT_NE(odt.message().find("OpenDocument"), std::string::npos);

  EXPECT_EQ(
      text_input_error([] { extract_text("gewone tekst", InputFormat::docx, "x.docx"); }).code(),
      ErrorCode::unsupported_format);
  EXPECT_EQ(text_input_error([] {
              extract_text("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", InputFormat::docx, "x.doc");
            }).code(),
            ErrorCode::unsupported_format);
  // A ZIP header over garbage: a damaged archive.
  EXPECT_EQ(text_input_error([] {
              extract_text(std::string("PK\x03\x04", 4) + std::string(100, 'x'), InputFormat::docx,
                           "x.docx");
            }).code(),
            ErrorCode::parse_error);
  // word/document.xml that is not XML.
  const Error broken = text_input_error([] {
    extract_text(text_input_zip({{"word/document.xml", "<w:document><w:body>"}}), InputFormat::docx,
                 "kapot.docx");
  });
  EXPECT_EQ(broken.code(), ErrorCode::parse_error);
  EXPECT_EQ(broken.where().file, "kapot.docx");
}

TEST(TextInput, PdfJoinsParagraphsKeepsBulletsDropsRunningLines) {
  const std::vector<std::vector<TextInputPdfLine>> pages = {
      {
          {60, 30, "Vormingplus Gent - vacature", 8},
          {60, 70, "Medewerker onthaal", 16, true},
          {60, 100, "Wij zoeken een enthousiaste collega voor de sociaal-"},
          {60, 114, "culturele werking in Gent. Je werkt samen met de mensen van"},
          {60, 128, "Vormingplus Gent en ondersteunt ook de andere begelei-"},
          {60, 142, "dende diensten van het huis in de stad."},
          {60, 172, "Taken", 13, true},
          {60, 192, "\u2022 Je onthaalt bezoekers en beantwoordt hun vragen aan"},
          {72, 206, "de balie en aan de telefoon."},
          {60, 220, "\u2022 Je plant activiteiten."},
          {60, 234, "- Je beheert de agenda."},
          {60, 264, "De begeleidende diensten en de lange lijn zonder punt die"},
          {60, 278, "doorloopt op de volgende regel met een kleine letter."},
          {280, 800, "Pagina 1 van 2", 8},
      },
      {
          {60, 30, "Vormingplus Gent - vacature", 8},
          {60, 70, "Solliciteer v\u00F3\u00F3r 1 mei via info@vormingplus.be."},
          {280, 800, "Pagina 2 van 2", 8},
      },
  };
  EXPECT_EQ(extract_text(text_input_pdf(pages), InputFormat::pdf, "v.pdf"),
            "Medewerker onthaal\n"
            "Wij zoeken een enthousiaste collega voor de sociaal-culturele werking in Gent. Je "
            "werkt samen met de mensen van Vormingplus Gent en ondersteunt ook de andere "
            "begeleidende diensten van het huis in de stad.\n"
            "Taken\n"
            "- Je onthaalt bezoekers en beantwoordt hun vragen aan de balie en aan de telefoon.\n"
            "- Je plant activiteiten.\n"
            "- Je beheert de agenda.\n"
            "De begeleidende diensten en de lange lijn zonder punt die doorloopt op de volgende "
            "regel met een kleine letter.\n"
            "Solliciteer vóór 1 mei via info@vormingplus.be.");
}

TEST(TextInput, PdfSoftHyphensLigaturesAndSymbolBullets) {
  const std::vector<std::vector<TextInputPdfLine>> pages = {{
      {60, 60, "Je zorgt voor een goede opvolging en de begelei\u00AD"},
      {60, 74, "ding van alle vrijwilligers van het huis."},
      {60, 104, "\uF0B7 Een opsommingsteken uit het Symbol-lettertype."},
      {60, 118, "\uFB01nanciering en o\uFB03ce"},
      {60, 148, "1. Je plant de activiteiten van het"},
      {72, 162, "najaar."},
      {60, 176, "2. Je volgt ze op."},
  }};
  EXPECT_EQ(extract_text(text_input_pdf(pages), InputFormat::pdf, "v.pdf"),
            "Je zorgt voor een goede opvolging en de begeleiding van alle vrijwilligers van het "
            "huis.\n"
            "- Een opsommingsteken uit het Symbol-lettertype.\n"
            "financiering en office\n"
            "- Je plant de activiteiten van het najaar.\n"
            "- Je volgt ze op.");
}

TEST(TextInput, PdfThatCannotBeRead) {
  const Error garbage = text_input_error(
      [] { extract_text("%PDF-1.4\nniet echt een PDF\n", InputFormat::pdf, "kapot.pdf"); });
  EXPECT_EQ(garbage.code(), ErrorCode::parse_error);
  EXPECT_EQ(garbage.where().file, "kapot.pdf");

  const Error locked = text_input_error(
      [] { extract_text(text_input_encrypted_pdf(), InputFormat::pdf, "geheim.pdf"); });
  EXPECT_EQ(locked.code(), ErrorCode::parse_error);
  EXPECT_EQ(locked.where().file, "geheim.pdf");
  EXPECT_NE(locked.message().find("encrypted"), std::string::npos) << locked.message();

  // A PDF without text (a scan) gives no text, not an error.
  EXPECT_EQ(extract_text(text_input_pdf({{}}), InputFormat::pdf, "scan.pdf"), "");
}

TEST(TextInput, ExtractedTextSegments) {
  const std::string html =
      "<main><h2>Profiel</h2><ul><li>Je bent klantgericht.</li><li>Je werkt o.a. met "
      "vrijwilligers.</li></ul><p>Wij bieden een contract. Start: 1 mei.</p></main>";
  const std::string text = extract_text(html, InputFormat::html, "v.html");
  const std::vector<Segment> segments = segment_text(text);
  ASSERT_EQ(segments.size(), 5u);
  EXPECT_EQ(segments[0].text, "Profiel");
  EXPECT_TRUE(segments[0].heading);
  EXPECT_EQ(segments[2].text, "Je werkt o.a. met vrijwilligers.");
  EXPECT_TRUE(segments[2].bullet);
  EXPECT_EQ(segments[3].text, "Wij bieden een contract.");
  EXPECT_EQ(segments[4].text, "Start: 1 mei.");
}

// ---------------------------------------------------------------------------------------------
// Robustness: zip bombs, deep nesting, adversarial texts (issue 13). Times are measured by
// bench/adversarial_input_bench; these check the output on modest sizes.

/// The archive with the uncompressed size of every entry rewritten to `size` in both the
/// local headers and the central directory (a directory that lies).
std::string text_input_lying_sizes(std::string zip, std::uint32_t size) {
  const auto patch = [&](std::string_view signature, std::size_t offset) {
    for (std::size_t at = zip.find(signature); at != std::string::npos;
         at = zip.find(signature, at + 4))
      for (int k = 0; k < 4; ++k)
        zip[at + offset + static_cast<std::size_t>(k)] =
            static_cast<char>((size >> (8 * k)) & 0xFF);
  };
  patch(std::string_view("PK\x03\x04", 4), 22);
  patch(std::string_view("PK\x01\x02", 4), 24);
  return zip;
}

TEST(TextInput, ZipBombsAreRefusedNamingTheFile) {
  // 4 MB of one letter deflates about 1000:1.
  const std::string bomb = adversarial::docx_with_body(
      "<w:p><w:r><w:t>" + std::string(std::size_t{4} << 20, 'a') + "</w:t></w:r></w:p>");
  const Error ratio = text_input_error([&] { extract_text(bomb, InputFormat::docx, "bom.docx"); });
  EXPECT_EQ(ratio.code(), ErrorCode::too_large);
  EXPECT_EQ(ratio.where().file, "bom.docx");
  EXPECT_NE(ratio.message().find(":1"), std::string::npos) << ratio.message();

  // The same part with sizes that claim 1000 bytes: inflating stops at the cap (or libzip
  // calls the entry damaged), never 4 MB of text.
  const Error lie = text_input_error(
      [&] { extract_text(text_input_lying_sizes(bomb, 1000), InputFormat::docx, "leugen.docx"); });
  EXPECT_TRUE(lie.code() == ErrorCode::too_large || lie.code() == ErrorCode::parse_error)
      << lie.what();
  EXPECT_EQ(lie.where().file, "leugen.docx");
}

TEST(TextInput, ZipLimitsOnTotalSizeAndEntries) {
  using input_detail::ZipArchive;
  using input_detail::ZipLimits;
  const std::string zip =
      adversarial::zip_archive({{"a.xml", std::string(3000, 'a')}, {"b.xml", "b"}, {"c.xml", "c"}});
  // The directory admits to more than the total: refused before anything is inflated.
  const Error total =
      text_input_error([&] { ZipArchive(zip, "groot.docx", ZipLimits{.max_total_bytes = 2000}); });
  EXPECT_EQ(total.code(), ErrorCode::too_large);
  EXPECT_EQ(total.where().file, "groot.docx");
  const Error entries =
      text_input_error([&] { ZipArchive(zip, "veel.docx", ZipLimits{.max_entries = 2}); });
  EXPECT_EQ(entries.code(), ErrorCode::too_large);
  EXPECT_NE(entries.message().find("3 entries"), std::string::npos) << entries.message();
  // Within the limits it reads; inflated bytes count against the total across entries.
  ZipArchive ok(zip, "ok.docx", ZipLimits{.max_total_bytes = 3002});
  EXPECT_EQ(ok.read("a.xml")->size(), 3000u);
  EXPECT_EQ(ok.read("b.xml"), "b");
  EXPECT_FALSE(ok.read("d.xml"));
  // A lying directory: claims 10 bytes, inflates 3000; the running count stops it.
  // The archive reads the caller's bytes in place: they must outlive it (not a temporary).
  const std::string lying_bytes = text_input_lying_sizes(zip, 10);
  ZipArchive lying(lying_bytes, "lying.docx", ZipLimits{.max_total_bytes = 100});
  const Error read = text_input_error([&] { lying.read("a.xml"); });
  EXPECT_TRUE(read.code() == ErrorCode::too_large || read.code() == ErrorCode::parse_error)
      << read.what();
}

TEST(TextInput, DeepDocxIsRefusedShallowRead) {
  EXPECT_EQ(extract_text(adversarial::deep_docx(50), InputFormat::docx, "v.docx"), "diep");
  const Error deep = text_input_error(
      [] { extract_text(adversarial::deep_docx(5000), InputFormat::docx, "diep.docx"); });
  EXPECT_EQ(deep.code(), ErrorCode::parse_error);
  EXPECT_EQ(deep.where().file, "diep.docx");
}

TEST(TextInput, AdversarialTextsKeepTheirText) {
  const std::string word = adversarial::long_word(20000);
  EXPECT_EQ(extract_text(word, InputFormat::text, "w.txt"), word);
  std::vector<Segment> segments = segment_text(word);
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0].text, word);

  // A run of dots glued to a word ends no sentence: one segment, all of it.
  const std::string dots = adversarial::only_dots(20000);
  segments = segment_text(extract_text(dots, InputFormat::text, "d.txt"));
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_EQ(segments[0].text, dots);
  // Without a letter there is nothing to read.
  EXPECT_TRUE(segment_text(adversarial::only_punctuation(20000)).empty());

  // An endless sentence is cut into segments of at most kMaxSegmentWords words, none lost.
  const std::string endless = adversarial::endless_sentence(60000);
  segments = segment_text(extract_text(endless, InputFormat::text, "e.txt"));
  ASSERT_GT(segments.size(), 10u);
  std::size_t words = 0;
  for (const Segment& s : segments) {
    const auto n = static_cast<std::size_t>(std::count(s.text.begin(), s.text.end(), ' ') + 1);
    EXPECT_LE(n, static_cast<std::size_t>(kMaxSegmentWords)) << s.text.substr(0, 80);
    words += n;
  }
  EXPECT_EQ(words, static_cast<std::size_t>(std::count(endless.begin(), endless.end(), ' ') + 1));

  const std::string md = extract_text(adversarial::deep_markdown(200), InputFormat::markdown, "m");
  EXPECT_NE(md.find("Je begeleidt vrijwilligers."), std::string::npos);
  EXPECT_EQ(segment_text(md).size(), 201u);

  const std::string docx =
      extract_text(adversarial::big_docx_paragraph(100000), InputFormat::docx, "big.docx");
  EXPECT_EQ(docx.find('\n'), std::string::npos);
  EXPECT_TRUE(docx.starts_with("vrijwilliger0 vrijwilliger7919 ")) << docx.substr(0, 40);
}

TEST(TextInput, DeepHtmlReadsOrRefusesButNeverCrashes) {
  EXPECT_EQ(extract_text(adversarial::deep_html(100), InputFormat::html, "v.html"),
            "Je begeleidt vrijwilligers.");
  const Error deep = text_input_error(
      [] { extract_text(adversarial::deep_html(100000), InputFormat::html, "diep.html"); });
  EXPECT_EQ(deep.code(), ErrorCode::parse_error);
  EXPECT_EQ(deep.where().file, "diep.html");
  EXPECT_NE(deep.message().find("more than 1000 levels deep"), std::string::npos) << deep.message();
}

// libxml2 stops at 256 levels unless told otherwise, and RECOVER made that a page cut short
// without a word: every level up to our own limit is read, and past it the page is refused.
TEST(TextInput, HtmlIsReadWholeUpToOurNestingLimit) {
  for (const std::size_t depth : {std::size_t{255}, std::size_t{256}, std::size_t{990}})
    EXPECT_EQ(extract_text(adversarial::deep_html(depth), InputFormat::html, "v.html"),
              "Je begeleidt vrijwilligers.")
        << depth;
  // Text before and after a deep part is all kept.
  const std::string page = "<p>Je organiseert vorming.</p>" + adversarial::deep_html(300) +
                           "<p>Je werkt met vrijwilligers.</p>";
  EXPECT_EQ(extract_text(page, InputFormat::html, "v.html"),
            "Je organiseert vorming.\nJe begeleidt vrijwilligers.\nJe werkt met vrijwilligers.");
  for (const std::size_t depth : {std::size_t{1001}, std::size_t{3000}}) {
    const Error deep = text_input_error([&] {
      extract_text("<p>Je organiseert vorming.</p>" + adversarial::deep_html(depth),
                   InputFormat::html, "diep.html");
    });
    EXPECT_EQ(deep.code(), ErrorCode::parse_error) << depth;
    EXPECT_NE(deep.message().find("more than 1000 levels deep"), std::string::npos)
        << deep.message();
  }
}

TEST(JobText, EmptyAndTooLargeAreRefusedNamingTheInput) {
  for (const auto& input : std::vector<std::pair<std::string, InputFormat>>{
           {"", InputFormat::text},
           {"  \n\t", InputFormat::pdf},
           {"<script>x()</script>", InputFormat::html},
           {"![beeld](a.png)", InputFormat::markdown}}) {
    const std::string& bytes = input.first;  // clang 14 cannot capture a structured binding
    const InputFormat format = input.second;
    const Error e = text_input_error([&] { read_job_text(bytes, format, "leeg.txt"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << bytes;
    EXPECT_EQ(e.message(), "there is no text to analyse");
    EXPECT_EQ(e.where().file, "leeg.txt");
  }
  const Error big = text_input_error(
      [] { read_job_text(std::string(kMaxInputBytes + 1, 'a'), InputFormat::text, "groot.txt"); });
  EXPECT_EQ(big.code(), ErrorCode::too_large);
  EXPECT_EQ(big.where().file, "groot.txt");
  EXPECT_NE(big.message().find("20 MB"), std::string::npos) << big.message();
  EXPECT_EQ(read_job_text("Je begeleidt vrijwilligers.", InputFormat::text, "v.txt"),
            "Je begeleidt vrijwilligers.");
}

}  // namespace
}  // namespace vakkaart::analysis
