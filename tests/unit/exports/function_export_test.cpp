#include "exports/function_export.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <zip.h>
#include <pugixml.hpp>

#include "exports/function_document.h"
#include "exports/function_docx.h"
#include "exports/function_html.h"
#include "exports/function_markdown.h"
#include "exports/function_pdf.h"
#include "store/store.h"
#include "text/text_utils.h"
#include "unit/support/bundled_sources.h"
#include "unit/support/count_occurrences.h"
#include "unit/support/generated_function.h"
#include "unit/support/temp_dir.h"
#include "unit/support/test_store.h"

// Fontconfig (under pango) keeps its configuration and font cache for the life of the process
// and never frees them: a fixed ~115 kB, the same after one PDF or a hundred. LeakSanitizer
// reports that as a leak in every binary that renders a PDF; this hook (read by LSan at start,
// unused in builds without it) keeps the report to our own code.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

namespace vakkaart::exports {
namespace {

using testing::count_occurrences;

/// The bundled Sociare framework, imported once for the whole suite.
const model::Framework& bundled_framework() {
  static const model::Framework framework = [] {
    testing::TempDir dir;
    auto store = testing::open_test_store(dir.file("vakkaart.db"));
    testing::import_bundled_sources(*store);
    return *store->find_framework(store->list_frameworks().at(0).id);
  }();
  return framework;
}

model::FunctionItem taken(const std::string& id, const std::string& text, int position) {
  return {id, "sub_activity", text, position, std::nullopt};
}

/// A realistic function: Dutch texts with diacritics, curly quotes and markup characters, a
/// reworded item, a block written from scratch and a block in a cluster the model lacks.
model::FunctionProfile sample_function() {
  model::FunctionProfile f;
  f.id = "coordinator-vrijwilligers";
  f.organisation = "Vormingplus Oost & West";
  f.title = "Coördinator vrijwilligerswerking";
  f.purpose = "Zorgt dat vrijwilligers zich “thuis” voelen en groeien in hun engagement.";
  f.context = "Een regionale organisatie met < 20 medewerkers en > 150 vrijwilligers.";
  f.status = model::FunctionStatus::draft;
  f.version = 7;
  f.created = "2024-03-05T10:00:00Z";
  f.updated = "2024-04-12T08:30:00Z";
  f.framework_id = bundled_framework().id;

  model::FunctionBlock a;
  a.id = "b1";
  a.layer_id = "kernactiviteiten";
  a.cluster_id = "afwegen-kiezen-ontwerpen";
  a.title = "Activiteiten ontwerpen";
  model::BlockSource source;
  source.kind = model::SourceKind::profile;
  source.ref = "gemeenschapswerker:afwegen-kiezen-ontwerpen:2";
  source.item_id = "gemeenschapswerker";
  source.item_title = "Gemeenschapswerker";
  source.framework_id = f.framework_id;
  source.cluster_id = "afwegen-kiezen-ontwerpen";
  source.position = 2;
  source.title = "Activiteiten ontwerpen";
  source.version = "fnv1a:0123abcd";
  a.source = source;
  a.weight = 40;
  a.items = {taken("i1", "Bepaalt doelen en doelgroep van een activiteit", 1),
             taken("i2", "Werkt een plan van aanpak uit & bewaakt de haalbaarheid", 2),
             taken("i3", "Kiest gepaste methodieken", 3)};
  a.items[2].wording = "Kiest methodieken die passen bij de “idee\u00ebn” van vrijwilligers";

  model::FunctionBlock b;
  b.id = "b2";
  b.layer_id = "lerende-professional";
  b.cluster_id = "de-eigen-deskundigheid-opbouwen";
  b.title = "Deskundigheid opbouwen";
  model::BlockSource q;
  q.kind = model::SourceKind::qualification;
  q.ref = "BK-0338-3:4";
  q.item_id = "BK-0338-3";
  q.item_title = "Syndicaal deskundige";
  q.position = 4;
  q.title = "Ontwikkelt de eigen deskundigheid";
  q.version = "3";
  b.source = q;
  b.weight = 25;
  b.items = {taken("i4", "Volgt de actualiteit op <en> reflecteert over het eigen handelen", 1),
             taken("i5", "Wisselt ervaringen uit met collega’s", 2)};

  model::FunctionBlock own;
  own.id = "b3";
  own.layer_id = "ondersteunende-activiteiten";
  own.cluster_id = "communiceren";
  own.title = "Nieuwsbrief verzorgen";
  own.weight = 15;
  own.items = {{"i6", "own", "", 0, "Schrijft maandelijks de nieuwsbrief voor vrijwilligers"},
               {"i7", "own", "", 0, "Houdt de website up-to-date (café-agenda)"}};

  model::FunctionBlock unknown;
  unknown.id = "b4";
  unknown.layer_id = "kernactiviteiten";
  unknown.cluster_id = "fondsenwerving";
  unknown.title = "Fondsen werven";
  unknown.weight = 20;
  unknown.items = {{"i8", "own", "", 0, "Zoekt sponsors bij lokale handelaars"}};

  // Function order differs from model order on purpose: the export follows the model.
  f.blocks = {a, b, own, unknown};
  f.next_id = 9;
  return f;
}

model::FunctionProfile generated_function(int count = 60) {
  return testing::generated_function(bundled_framework(), count);
}

/// Every statement of the function in document order (model order, then the rest).
std::vector<std::string> texts_in_order(const FunctionDocument& doc) {
  std::vector<std::string> out;
  for (const auto& node : doc.nodes) {
    if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items)
        out.push_back(item.text);
    }
  }
  return out;
}

/// Finds each needle after the previous one; reports the first that is missing or out of order.
::testing::AssertionResult in_order(const std::string& haystack,
                                    const std::vector<std::string>& needles) {
  std::size_t at = 0;
  for (const auto& needle : needles) {
    const std::size_t found = haystack.find(needle, at);
    if (found == std::string::npos) {
      return ::testing::AssertionFailure()
             << "\"" << needle << "\" missing or out of order"
             << (haystack.find(needle) != std::string::npos ? " (found earlier)" : "");
    }
    at = found + needle.size();
  }
  return ::testing::AssertionSuccess();
}

/// One entry of a zip held in memory; empty when there is no such entry.
std::string unzip(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (src)
      zip_source_free(src);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) == 0) {
    zip_file_t* file = zip_fopen(archive, name, 0);
    out.resize(st.size);
    if (file && zip_fread(file, out.data(), st.size) != static_cast<zip_int64_t>(st.size))
      out.clear();
    if (file)
      zip_fclose(file);
  }
  zip_close(archive);
  return out;
}

/// Collapses whitespace and joins words split after a hyphen at a line end, so text laid out
/// in lines compares with the model's text.
std::string normalise(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space && out.back() != '-')
      out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// Runs pdftotext -layout on a PDF; nullopt when the tool is not installed.
std::optional<std::string> pdf_text(const std::string& pdf) {
  if (std::FILE* probe = std::fopen("/usr/bin/pdftotext", "r"))
    std::fclose(probe);
  else
    return std::nullopt;
  testing::TempDir dir;
  const std::string path = dir.file("f.pdf");
  {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    std::fwrite(pdf.data(), 1, pdf.size(), out);
    std::fclose(out);
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> pipe(
      popen(("/usr/bin/pdftotext -layout -enc UTF-8 '" + path + "' -").c_str(), "r"), pclose);
  if (!pipe)
    return std::nullopt;
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0)
    text.append(buf, n);
  return text;
}

std::size_t pdf_pages(const std::string& pdf) {
  return count_occurrences(pdf, "/Type /Page\n") + count_occurrences(pdf, "/Type /Page ") +
         count_occurrences(pdf, "/Type /Page/") + count_occurrences(pdf, "/Type /Page>");
}

TEST(FunctionExport, DocumentFollowsTheModelAndKeepsTheRestLast) {
  const auto& fw = bundled_framework();
  const auto f = sample_function();
  const auto doc = build_function_document(f, &fw, "nl");
  std::vector<std::pair<int, std::string>> headings;
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node))
      headings.emplace_back(h->level, h->text);
  }
  const std::vector<std::pair<int, std::string>> expected = {
      {1, "Coördinator vrijwilligerswerking"},
      {2, "Doel"},
      {2, "Context"},
      {2, "Tijdsbesteding"},
      {2, "De lerende professional"},
      {3, "De eigen deskundigheid opbouwen"},
      {4, "Deskundigheid opbouwen"},
      {2, "Kernactiviteiten"},
      {3, "Afwegen - kiezen - ontwerpen"},
      {4, "Activiteiten ontwerpen"},
      {2, "Ondersteunende activiteiten"},
      {3, "Communiceren"},
      {4, "Nieuwsbrief verzorgen"},
      {2, "Overige"},
      {3, "fondsenwerving"},
      {4, "Fondsen werven"}};
  EXPECT_EQ(headings, expected);
  EXPECT_EQ(doc.meta.title, f.title);
  EXPECT_EQ(doc.meta.author, f.organisation);
  EXPECT_EQ(doc.meta.status, "ontwerp");
  EXPECT_EQ(doc.meta.page_label, "pagina");

  const Table* table = nullptr;
  std::vector<std::string> notes;
  for (const auto& node : doc.nodes) {
    if (const auto* t = std::get_if<Table>(&node))
      table = t;
    if (const auto* p = std::get_if<Paragraph>(&node); p && p->style == ParagraphStyle::note)
      notes.push_back(p->text);
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 4u);
  EXPECT_EQ(table->rows[0], (std::vector<std::string>{"Activiteiten ontwerpen",
                                                      "Afwegen - kiezen - ontwerpen", "40"}));
  EXPECT_EQ(table->total, (std::vector<std::string>{"Totaal", "", "100"}));
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_EQ(notes[0],
            "Bron: Syndicaal deskundige (BK-0338-3) \u00b7 competentie 4: Ontwikkelt de "
            "eigen deskundigheid (versie 3)");
  EXPECT_EQ(notes[1],
            "Bron: Gemeenschapswerker \u00b7 Afwegen - kiezen - ontwerpen \u00b7 hoofdactiviteit 2 "
            "(Beroepenstructuur Sociaal Cultureel Werk, 6 juli 2016)");  // not the fingerprint
  EXPECT_EQ(notes[2], "Eigen tekst van de organisatie");

  // The reworded item carries its original as a note; texts are never altered.
  bool found = false;
  for (const auto& node : doc.nodes) {
    if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items) {
        if (item.text == *f.blocks[0].items[2].wording) {
          EXPECT_EQ(item.note, "Oorspronkelijk: Kiest gepaste methodieken");
          found = true;
        } else {
          EXPECT_EQ(item.note, "");
        }
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST(FunctionExport, EnglishLabelsAndNoFramework) {
  auto f = sample_function();
  f.status = model::FunctionStatus::final;
  for (auto& b : f.blocks)
    b.weight.reset();
  const auto doc = build_function_document(f, nullptr, "en");
  EXPECT_EQ(doc.meta.status, "final");
  EXPECT_EQ(doc.meta.language, "en");
  std::vector<std::string> headings;
  for (const auto& node : doc.nodes) {
    EXPECT_FALSE(std::holds_alternative<Table>(node)) << "no weights, no table";
    if (const auto* h = std::get_if<Heading>(&node))
      headings.push_back(h->text);
  }
  // Without a framework, blocks are grouped by their own ids in order of appearance.
  const std::vector<std::string> expected = {f.title,
                                             "Purpose",
                                             "Context",
                                             "kernactiviteiten",
                                             "afwegen-kiezen-ontwerpen",
                                             "Activiteiten ontwerpen",
                                             "fondsenwerving",
                                             "Fondsen werven",
                                             "lerende-professional",
                                             "de-eigen-deskundigheid-opbouwen",
                                             "Deskundigheid opbouwen",
                                             "ondersteunende-activiteiten",
                                             "communiceren",
                                             "Nieuwsbrief verzorgen"};
  EXPECT_EQ(headings, expected);
  const std::string md = function_to_markdown(doc);
  EXPECT_NE(md.find("*Original: Kiest gepaste methodieken*"), std::string::npos);
  EXPECT_NE(md.find("Status: final"), std::string::npos);
}

TEST(FunctionExport, TheUserChoosesOriginalsWeightsAndSources) {
  const auto f = sample_function();
  const auto md = [&](ExportOptions o) {
    return export_function(f, &bundled_framework(), ExportFormat::markdown, o);
  };
  const std::string all = md({});
  EXPECT_NE(all.find("Oorspronkelijk: Kiest gepaste methodieken"), std::string::npos);
  EXPECT_NE(all.find("Tijdsbesteding"), std::string::npos);
  EXPECT_NE(all.find("Bron: "), std::string::npos);
  const std::string bare = md({"nl", false, false, false});
  EXPECT_EQ(bare.find("Oorspronkelijk"), std::string::npos) << "originals left out";
  EXPECT_EQ(bare.find("Tijdsbesteding"), std::string::npos) << "weights left out";
  EXPECT_EQ(bare.find("Bron: "), std::string::npos) << "sources left out";
  // What the function itself says is all there, the wording in place of the original.
  for (const auto& b : f.blocks)
    for (const auto& i : b.items)
      EXPECT_NE(bare.find(i.text().substr(0, 20)), std::string::npos) << i.text();
  EXPECT_EQ(md({"en", true, true, true}),
            export_function(f, &bundled_framework(), ExportFormat::markdown, "en"));
}

TEST(FunctionExport, ACompetencesKnowledgeIsAListOfItsOwn) {
  auto f = sample_function();
  auto& competence = f.blocks.at(1);
  competence.items.push_back({"i9", "knowledge", "Kennis van het arbeidsrecht", 3, std::nullopt});
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  std::vector<std::vector<std::string>> lists;
  std::vector<std::string> labelled;  // the first line of each list headed "Kennis"
  for (std::size_t n = 1; n < doc.nodes.size(); ++n) {
    if (const auto* l = std::get_if<BulletList>(&doc.nodes[n])) {
      lists.emplace_back();
      for (const auto& item : l->items)
        lists.back().push_back(item.text);
      const auto* before = std::get_if<Paragraph>(&doc.nodes[n - 1]);
      if (before && before->text == "Kennis")
        labelled.push_back(lists.back().front());
    }
  }
  std::vector<std::string> knowledge{"Kennis van het arbeidsrecht"};
  std::vector<std::string> activities{
      "Volgt de actualiteit op <en> reflecteert over het eigen handelen",
      "Wisselt ervaringen uit met collega’s"};
  EXPECT_NE(std::find(lists.begin(), lists.end(), activities), lists.end());
  EXPECT_NE(std::find(lists.begin(), lists.end(), knowledge), lists.end());
  EXPECT_EQ(labelled, knowledge) << "only the knowledge list is headed 'Kennis'";
}

TEST(FunctionExport, MarkdownHasEveryTextInOrder) {
  const auto f = sample_function();
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  const std::string md = export_function(f, &bundled_framework(), ExportFormat::markdown, "nl");
  EXPECT_EQ(md, function_to_markdown(doc));
  EXPECT_EQ(md.rfind("# Coördinator vrijwilligerswerking\n", 0), 0u);
  std::vector<std::string> expected;
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node))
      expected.push_back(std::string(static_cast<std::size_t>(h->level), '#') + " " + h->text);
    if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items)
        expected.push_back("- " + escape_markdown(item.text));
    }
  }
  EXPECT_TRUE(in_order(md, expected));
  EXPECT_NE(md.find("- Volgt de actualiteit op \\<en> reflecteert"), std::string::npos);
  EXPECT_NE(md.find("- Kiest methodieken die passen bij de “ideeën” van vrijwilligers\\\n"
                    "  *Oorspronkelijk: Kiest gepaste methodieken*"),
            std::string::npos);
  EXPECT_NE(md.find("| Blok | Cluster | Tijd (%) |\n| --- | --- | ---: |\n"), std::string::npos);
  EXPECT_NE(md.find("| **Totaal** |  | **100** |"), std::string::npos);
  EXPECT_NE(md.find("*Bron: Gemeenschapswerker"), std::string::npos);
}

TEST(FunctionExport, MarkdownEscapesOnlyWhatWouldBeMarkup) {
  EXPECT_EQ(escape_markdown("Plant & organiseert < 5 dagen"), "Plant & organiseert < 5 dagen");
  EXPECT_EQ(escape_markdown("*nieuw* [link] `code` a_b"),
            "\\*nieuw\\* \\[link\\] \\`code\\` a\\_b");
  EXPECT_EQ(escape_markdown("<b>vet</b> &amp;"), "\\<b>vet\\</b> \\&amp;");
  EXPECT_EQ(escape_markdown("1. eerst"), "1\\. eerst");
  EXPECT_EQ(escape_markdown("# geen kop"), "\\# geen kop");
  EXPECT_EQ(escape_markdown("- geen lijst"), "\\- geen lijst");
  EXPECT_EQ(escape_markdown("a | b"), "a | b");
  EXPECT_EQ(escape_markdown("a | b", true), "a \\| b");
}

TEST(FunctionExport, HtmlIsAStandaloneEscapedDocument) {
  const auto f = sample_function();
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  const std::string html = export_function(f, &bundled_framework(), ExportFormat::html, "nl");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0), 0u);
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  EXPECT_NE(html.find("break-after: avoid"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"author\" content=\"Vormingplus Oost &amp; West\">"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Coördinator vrijwilligerswerking \u2013 Vormingplus Oost &amp; "
                      "West</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<li>Volgt de actualiteit op &lt;en&gt; reflecteert over het eigen "
                      "handelen</li>"),
            std::string::npos);
  EXPECT_NE(html.find("Werkt een plan van aanpak uit &amp; bewaakt de haalbaarheid"),
            std::string::npos);
  EXPECT_EQ(html.find("<en>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"note\">Oorspronkelijk: Kiest gepaste methodieken</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<tfoot><tr><td>Totaal</td><td></td><td class=\"num\">100</td>"),
            std::string::npos);
  std::vector<std::string> expected;
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node))
      expected.push_back(">" + text::escape_markup(h->text) + "</h");
    if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items)
        expected.push_back("<li>" + text::escape_markup(item.text));
    }
  }
  EXPECT_TRUE(in_order(html, expected));
  EXPECT_EQ(count_occurrences(html, "<li>"), 8u);
}

TEST(FunctionExport, DocxIsARealWordDocument) {
  const auto f = sample_function();
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  const std::string docx = export_function(f, &bundled_framework(), ExportFormat::docx, "nl");
  ASSERT_EQ(docx.rfind("PK\x03\x04", 0), 0u);
  EXPECT_EQ(docx, function_to_docx(doc)) << "the same function gives the same bytes";
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
        "word/numbering.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"}) {
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(unzip(docx, part).c_str())) << part;
  }

  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(unzip(docx, "word/document.xml").c_str()));
  std::string text;  // paragraphs' text, one per line
  std::vector<std::string> styles;
  std::size_t numbered = 0;
  for (auto p : document.select_nodes("//w:p")) {
    for (auto t : p.node().select_nodes(".//w:t"))
      text += t.node().text().get();
    text += "\n";
    if (auto s = p.node().child("w:pPr").child("w:pStyle"))
      styles.push_back(s.attribute("w:val").value());
    if (p.node().child("w:pPr").child("w:numPr").child("w:numId"))
      ++numbered;
  }
  std::vector<std::string> expected;
  for (const auto& node : doc.nodes) {
    if (const auto* h = std::get_if<Heading>(&node))
      expected.push_back(h->text + "\n");
    if (const auto* l = std::get_if<BulletList>(&node)) {
      for (const auto& item : l->items)
        expected.push_back(item.text);
    }
  }
  EXPECT_TRUE(in_order(text, expected));
  EXPECT_NE(text.find("Oorspronkelijk: Kiest gepaste methodieken"), std::string::npos);
  EXPECT_EQ(numbered, 8u);
  for (const char* style : {"Title", "Heading1", "Heading2", "Heading3", "ListBullet", "Note"})
    EXPECT_NE(std::find(styles.begin(), styles.end(), style), styles.end()) << style;
  EXPECT_TRUE(document.select_node("//w:t[@xml:space='preserve']"));

  const auto table = document.select_node("//w:tbl").node();
  ASSERT_TRUE(table);
  EXPECT_TRUE(table.child("w:tblPr").child("w:tblBorders"));
  EXPECT_EQ(table.select_nodes("w:tr").size(), 6u);  // header, 4 blocks, total
  EXPECT_TRUE(table.child("w:tr").child("w:trPr").child("w:tblHeader"));

  pugi::xml_document styles_xml;
  ASSERT_TRUE(styles_xml.load_string(unzip(docx, "word/styles.xml").c_str()));
  EXPECT_STREQ(styles_xml.select_node("//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl/@w:val")
                   .attribute()
                   .value(),
               "1");
  pugi::xml_document numbering;
  ASSERT_TRUE(numbering.load_string(unzip(docx, "word/numbering.xml").c_str()));
  EXPECT_STREQ(numbering.select_node("//w:lvl[@w:ilvl='0']/w:numFmt/@w:val").attribute().value(),
               "bullet");

  pugi::xml_document core;
  ASSERT_TRUE(core.load_string(unzip(docx, "docProps/core.xml").c_str()));
  const auto props = core.child("cp:coreProperties");
  EXPECT_STREQ(props.child_value("dc:title"), "Coördinator vrijwilligerswerking");
  EXPECT_STREQ(props.child_value("dc:creator"), "Vormingplus Oost & West");
  EXPECT_STREQ(props.child_value("dcterms:created"), "2024-03-05T10:00:00Z");
  EXPECT_STREQ(props.child_value("dcterms:modified"), "2024-04-12T08:30:00Z");
  EXPECT_NE(std::string(props.child_value("cp:keywords")).find("Gemeenschapswerker"),
            std::string::npos);
  EXPECT_NE(unzip(docx, "word/footer1.xml").find("w:instr=\" PAGE \""), std::string::npos);
}

TEST(FunctionExport, PdfHasEveryStatementInOrder) {
  const auto f = sample_function();
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  const std::string pdf = export_function(f, &bundled_framework(), ExportFormat::pdf, "nl");
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf_pages(pdf), 1u);
  const auto text = pdf_text(pdf);
  if (!text)
    FAIL() << "pdftotext is missing: scripts/install-deps.sh installs poppler-utils";
  std::vector<std::string> expected;
  for (const auto& s : texts_in_order(doc))
    expected.push_back(normalise(s));
  const std::string flat = normalise(*text);
  EXPECT_TRUE(in_order(flat, expected)) << flat;
  EXPECT_NE(flat.find("Oorspronkelijk: Kiest gepaste methodieken"), std::string::npos);
  EXPECT_NE(flat.find("pagina 1 / 1"), std::string::npos);
  EXPECT_NE(flat.find("Tijdsbesteding"), std::string::npos);
}

TEST(FunctionExport, SixtyStatementsFitInThreePages) {
  const auto f = generated_function(60);
  std::size_t statements = 0;
  for (const auto& b : f.blocks)
    statements += b.items.size();
  ASSERT_EQ(statements, 60u);
  ASSERT_GE(f.blocks.size(), 8u);
  const auto doc = build_function_document(f, &bundled_framework(), "nl");
  const std::string pdf = function_to_pdf(doc);
  const std::size_t pages = pdf_pages(pdf);
  EXPECT_GE(pages, 2u);
  EXPECT_LE(pages, 3u);
  const auto text = pdf_text(pdf);
  if (!text)
    FAIL() << "pdftotext is missing: scripts/install-deps.sh installs poppler-utils";
  std::vector<std::string> expected;
  for (const auto& s : texts_in_order(doc))
    expected.push_back(normalise(s));
  EXPECT_TRUE(in_order(normalise(*text), expected));
  EXPECT_NE(text->find("pagina " + std::to_string(pages) + " / " + std::to_string(pages)),
            std::string::npos);
}

TEST(FunctionExport, CharactersNoDocumentCarriesAreLeftOutNotFatal) {
  // A function stored before edits checked their characters (or a source, kept as written) may
  // hold U+FFFE, a noncharacter or a control character: the PDF's metadata made cairo refuse the
  // document (a 500), and Word refused the DOCX as not well-formed XML.
  auto f = sample_function();
  f.title = "Co\xEF\xBF\xBE\xC3\xB6rdinator\x01";  // U+FFFE, U+0001
  f.organisation =
      "Vzw \xEF\xB7\x90"
      "Buurt\xEF\xBF\xBF";                                    // U+FDD0, U+FFFF
  f.blocks[0].items[0].original = "Werkt\xEF\xBF\xBE samen";  // U+FFFE
  const std::string pdf = export_function(f, &bundled_framework(), ExportFormat::pdf, "nl");
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const auto text = pdf_text(pdf);
  if (!text)
    FAIL() << "pdftotext is missing: scripts/install-deps.sh installs poppler-utils";
  EXPECT_NE(text->find("Coördinator"), std::string::npos);
  const std::string docx = export_function(f, &bundled_framework(), ExportFormat::docx, "nl");
  for (const char* part :
       {"word/document.xml", "word/header1.xml", "docProps/core.xml", "docProps/app.xml"}) {
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(unzip(docx, part).c_str())) << part;
  }
  EXPECT_NE(unzip(docx, "docProps/core.xml").find("Coördinator"), std::string::npos);
  EXPECT_NE(unzip(docx, "word/document.xml").find("Werkt samen"), std::string::npos);
}

TEST(FunctionExport, EmptyFunctionAndOverlongStatementStillExport) {
  model::FunctionProfile empty;
  empty.title = "Lege functie";
  for (auto format :
       {ExportFormat::markdown, ExportFormat::html, ExportFormat::docx, ExportFormat::pdf})
    EXPECT_FALSE(export_function(empty, nullptr, format, "en").empty()) << to_string(format);

  // A statement taller than a page is the one case a statement may be split across pages.
  auto f = sample_function();
  std::string long_text;
  for (int i = 0; i < 400; ++i)
    long_text += "Werkt samen met partners in de buurt en bouwt een duurzaam netwerk uit. ";
  f.blocks[0].items[0].original = long_text;
  const std::string pdf = export_function(f, &bundled_framework(), ExportFormat::pdf, "en");
  EXPECT_GE(pdf_pages(pdf), 3u);
  const auto text = pdf_text(pdf);
  if (!text)
    FAIL() << "pdftotext is missing: scripts/install-deps.sh installs poppler-utils";
  EXPECT_NE(normalise(*text).find(normalise(long_text.substr(0, 2000))), std::string::npos);
  EXPECT_NE(text->find("page 1 / " + std::to_string(pdf_pages(pdf))), std::string::npos);
  EXPECT_NE(text->find("Time allocation"), std::string::npos);
}

TEST(FunctionExport, FormatNamesAndTypes) {
  EXPECT_EQ(export_format_from_name("md"), ExportFormat::markdown);
  EXPECT_EQ(export_format_from_name("markdown"), ExportFormat::markdown);
  EXPECT_EQ(export_format_from_name("html"), ExportFormat::html);
  EXPECT_EQ(export_format_from_name("docx"), ExportFormat::docx);
  EXPECT_EQ(export_format_from_name("pdf"), ExportFormat::pdf);
  EXPECT_EQ(export_format_from_name("odt"), std::nullopt);
  EXPECT_STREQ(media_type(ExportFormat::pdf), "application/pdf");
  EXPECT_STREQ(media_type(ExportFormat::docx),
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_STREQ(file_extension(ExportFormat::markdown), "md");
  EXPECT_STREQ(file_extension(ExportFormat::docx), "docx");
}

}  // namespace
}  // namespace vakkaart::exports
