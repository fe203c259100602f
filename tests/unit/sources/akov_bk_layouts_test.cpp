#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sources/akov/line_shapes.h"
#include "sources/akov/title_reference.h"
#include "sources/akov_bk.h"
#include "sources/source_file.h"
#include "unit/support/bk_every_part.h"
#include "unit/support/bk_layout_fixture.h"

namespace vakkaart::sources {
namespace {

model::Qualification parse_layout(const std::string& text, std::vector<ReportNote>& notes) {
  auto result = parse_akov_bk(text, "layout.txt");
  notes = result.notes;
  return std::get<model::Qualification>(result.documents.at(0));
}

TEST(AkovBkLayouts, TitleNoteIsNotGluedIntoTheTitle) {
  std::vector<ReportNote> notes;
  const auto q = parse_layout(testing::bk_layout_fixture("title-note-competent-fiche.txt"), notes);
  EXPECT_EQ(q.title, "Syndicaal deskundige");
  // In the header and in "Titel": kept once, as a reference, with the note exactly as written.
  EXPECT_TRUE(q.raw_sections.empty());
  ASSERT_EQ(q.title_references.size(), 1u);
  const auto& ref = q.title_references[0];
  EXPECT_EQ(ref.kind, model::ReferenceKind::competent_fiche);
  EXPECT_EQ(ref.code, "K140301");
  EXPECT_EQ(ref.name, "Syndicaal deskundige");
  EXPECT_TRUE(ref.title_used);
  EXPECT_EQ(ref.note,
            "Deze benaming wordt gebruikt in de Competent-fiche K140301 Syndicaal deskundige");
  bool reported = false;
  for (const auto& note : notes) {
    reported |= note.kind == ReportNote::Kind::decision && note.where.line == 2 &&
                note.message.find("note under the title") != std::string::npos;
    EXPECT_EQ(note.message.find("unexpected header line"), std::string::npos) << note.message;
    EXPECT_EQ(note.message.find("differs from"), std::string::npos) << note.message;
  }
  EXPECT_TRUE(reported);
}

TEST(AkovBkLayouts, TitleNoteOnlyInTitelSection) {
  std::string text = testing::bk_layout_fixture("title-note-competent-fiche.txt");
  const std::string note = "Deze benaming komt NIET voor in de Competent fiche";
  text.erase(text.find("Deze benaming"),
             text.find('\n', text.find("Deze benaming")) - text.find("Deze benaming") + 1);
  const auto second = text.find("Deze benaming");
  text.replace(second, text.find('\n', second) - second, note);
  std::vector<ReportNote> notes;
  const auto q = parse_layout(text, notes);
  EXPECT_EQ(q.title, "Syndicaal deskundige");
  EXPECT_TRUE(q.raw_sections.empty());
  ASSERT_EQ(q.title_references.size(), 1u);
  EXPECT_EQ(q.title_references[0].kind, model::ReferenceKind::competent_fiche);
  EXPECT_EQ(q.title_references[0].code, "");
  EXPECT_FALSE(q.title_references[0].title_used);
  EXPECT_EQ(q.title_references[0].note, note);
}

TEST(AkovBkLayouts, SectorProfileNoteAndAfbakening) {
  std::vector<ReportNote> notes;
  const auto q =
      parse_layout(testing::bk_layout_fixture("afbakening-sector-profile-note.txt"), notes);
  EXPECT_EQ(q.title, "Syndicaal deskundige");
  ASSERT_EQ(q.title_references.size(), 1u);
  EXPECT_EQ(q.title_references[0].kind, model::ReferenceKind::sector_profile);
  EXPECT_EQ(q.title_references[0].name, "Constructiv");
  EXPECT_EQ(q.title_references[0].code, "");
  EXPECT_TRUE(q.title_references[0].title_used);
  EXPECT_EQ(q.scope,
            "De syndicaal deskundige werkt binnen een vakorganisatie of een "
            "uitbetalingsinstelling.\nHet vertegenwoordigen van werknemers in een ondernemingsraad "
            "valt buiten deze beroepskwalificatie.");
  EXPECT_EQ(q.level.vks, 5);  // the section after "Afbakening" is still read
  EXPECT_TRUE(q.raw_sections.empty());
  for (const auto& note : notes)
    EXPECT_EQ(note.message.find("unknown section"), std::string::npos) << note.message;
}

TEST(AkovBkLayouts, TitleNotesAreReadIntoReferences) {
  struct Case {
    const char* note;
    model::ReferenceKind kind;
    const char* code;
    const char* name;
    bool used;
  };
  const Case cases[] = {
      {"Deze benaming wordt gebruikt in de Competent-fiche G160201 - 'Syndicaal deskundige'.",
       model::ReferenceKind::competent_fiche, "G160201", "Syndicaal deskundige", true},
      {"Deze benaming komt niet voor in de Competentfiche", model::ReferenceKind::competent_fiche,
       "", "", false},
      {"Deze benaming wordt niet gebruikt in het beroepscompetentieprofiel van de Constructiv",
       model::ReferenceKind::sector_profile, "", "Constructiv", false},
  };
  for (const auto& c : cases) {
    const auto ref = akov::read_title_reference(c.note);
    ASSERT_TRUE(ref.has_value()) << c.note;
    EXPECT_EQ(ref->kind, c.kind) << c.note;
    EXPECT_EQ(ref->code, c.code) << c.note;
    EXPECT_EQ(ref->name, c.name) << c.note;
    EXPECT_EQ(ref->title_used, c.used) << c.note;
    EXPECT_EQ(ref->note, c.note);
  }
  // Naming neither: no reference; the parser keeps such a note as raw text (warning).
  EXPECT_FALSE(akov::read_title_reference("Deze benaming is beschermd").has_value());
  std::string text = testing::bk_layout_fixture("title-note-competent-fiche.txt");
  for (auto at = text.find("Deze benaming wordt gebruikt in de Competent-fiche K140301");
       at != std::string::npos; at = text.find("Deze benaming wordt gebruikt", at))
    text.replace(at, text.find('\n', at) - at, "Deze benaming is beschermd");
  std::vector<ReportNote> notes;
  const auto q = parse_layout(text, notes);
  EXPECT_TRUE(q.title_references.empty());
  ASSERT_EQ(q.raw_sections.size(), 1u);
  EXPECT_EQ(q.raw_sections[0].title, "Titel (benaming)");
  EXPECT_EQ(q.raw_sections[0].lines, std::vector<std::string>{"Deze benaming is beschermd"});
}

/// The bundled page as a flattened rendering gives it: no indentation, no blank lines, "- " for
/// every bullet whatever its level.
std::string flattened(const std::string& page) {
  std::istringstream in(page);
  std::string out, line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos)
      continue;
    line = line.substr(first);
    if (line.rfind("\xC2\xA0", 0) == 0)
      line = line.substr(2);
    if (line.rfind("\xE2\x80\xA2", 0) == 0)
      line = "-" + line.substr(3);
    if (!line.empty())
      out += line + '\n';
  }
  return out;
}

/// The modern cut as read, apart from what a repeal line changes.
model::Qualification unrepealed(model::Qualification q) {
  q.withdrawn = false;
  q.current = true;
  std::erase_if(q.raw_sections, [](const model::RawSection& s) { return s.title == "Opheffing"; });
  return q;
}

TEST(AkovBkLayouts, RepealLineAtTheTopOfAModernPageMakesItWithdrawn) {
  std::vector<ReportNote> notes, cut_notes;
  const auto cut = parse_layout(testing::bk_layout_fixture("bk-0338-3-cut.txt"), cut_notes);
  EXPECT_FALSE(cut.withdrawn);
  const std::string page = testing::bk_layout_fixture("bk-0338-3-repealed.txt");
  const auto q = parse_layout(page, notes);
  EXPECT_TRUE(q.withdrawn);
  EXPECT_FALSE(q.current);  // its line stands where "Dit is de actuele versie" stood
  ASSERT_FALSE(q.raw_sections.empty());
  EXPECT_EQ(q.raw_sections.back().title, "Opheffing");
  EXPECT_EQ(q.raw_sections.back().lines,
            std::vector<std::string>{"Deze beroepskwalificatie is opgeheven."});
  EXPECT_EQ(unrepealed(q), cut);
  const bool noted = std::any_of(notes.begin(), notes.end(), [](const ReportNote& n) {
    return n.kind == ReportNote::Kind::decision && n.where.line == 5 &&
           n.where.field == "withdrawn" &&
           n.message ==
               "the page says the qualification was repealed or withdrawn: BK-0338-3 "
               "imported as withdrawn";
  });
  EXPECT_TRUE(noted);
  for (const auto& note : notes)
    EXPECT_EQ(note.message.find("unexpected header line"), std::string::npos) << note.message;

  // "ingetrokken" too, any case, also on a header line split by " • ".
  std::string withdrawn = page;
  const std::string line =
      "\xC2\xA0"
      "Deze beroepskwalificatie is opgeheven.";
  withdrawn.replace(withdrawn.find(line), line.size(), "Deze beroepskwalificatie werd INGETROKKEN");
  EXPECT_TRUE(parse_layout(withdrawn, notes).withdrawn);
  const std::string one_line =
      "Syndicaal deskundige \xE2\x80\xA2 BK-0338-3 \xE2\x80\xA2 Deze beroepskwalificatie is "
      "opgeheven.\n\n" +
      page.substr(page.find("Globaal"));
  EXPECT_EQ(parse_layout(one_line, notes), q);
}

TEST(AkovBkLayouts, OpgehevenBelowTheFirstSectionOrInsideAWordIsNoRepeal) {
  std::vector<ReportNote> notes;
  std::string page = testing::bk_layout_fixture("bk-0338-3-cut.txt");
  // In a section's text: the page's content, not its status.
  page.replace(page.find("Stelt zich empathisch op"), 0, "Meldt opgeheven afspraken; ");
  const auto q = parse_layout(page, notes);
  EXPECT_FALSE(q.withdrawn);
  EXPECT_TRUE(q.current);
  EXPECT_FALSE(akov::says_withdrawn("Deze beroepskwalificatie is actueel"));
  EXPECT_FALSE(akov::says_withdrawn("Niet-opgehevenheid"));  // made up: no word of its own
  EXPECT_TRUE(akov::says_withdrawn("Opgeheven bij besluit van 5 december 2014"));
}

TEST(AkovBkLayouts, FlattenedRenderingGivesTheSameQualification) {
  const std::string page =
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text;
  const std::string flat = flattened(page);
  ASSERT_EQ(flat.find("\xE2\x80\xA2"), std::string::npos);
  ASSERT_EQ(flat.find("\n\n"), std::string::npos);
  std::vector<ReportNote> page_notes, flat_notes;
  EXPECT_EQ(parse_layout(flat, flat_notes), parse_layout(page, page_notes));
}

TEST(AkovBkLayouts, SkipLinkOfAWebRenderingIsNotTheTitle) {
  const std::string page =
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text;
  std::vector<ReportNote> page_notes, web_notes;
  EXPECT_EQ(parse_layout("Skip to Main Content\n\n" + page, web_notes),
            parse_layout(page, page_notes));
  for (const auto& note : web_notes)
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
}

TEST(AkovBkLayouts, TitleLineWithBulletsGivesTheSameQualification) {
  const std::string page =
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text;
  // Constructed after the description: title, code and version line on one line.
  const auto body = page.find("Globaal");
  const std::string one_line =
      "Syndicaal deskundige \xE2\x80\xA2 BK-0338-3 \xE2\x80\xA2 Dit is "
      "de actuele versie van de beroepskwalificatie.\n\n" +
      page.substr(body);
  std::vector<ReportNote> page_notes, line_notes;
  EXPECT_EQ(parse_layout(one_line, line_notes), parse_layout(page, page_notes));
  for (const auto& note : line_notes)
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
}

TEST(AkovBkLayouts, CutOffFlattenedPageIsRefusedAtItsLastLine) {
  const std::string flat = flattened(
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text);
  const std::string cut = flat.substr(0, flat.find("- Competentie 9:"));
  const auto lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n'));
  try {
    parse_akov_bk(cut, "cut.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_NE(e.message().find("truncated"), std::string::npos);
    // The page ends after its last line; the split of a final '\n' yields one empty line more.
    EXPECT_GE(e.where().line, lines);
    EXPECT_LE(e.where().line, lines + 1);
  }
}

std::string page_with_partials(const std::string& section) {
  return testing::bk_page_with_partials(testing::bk_bundled_page(), section);
}

TEST(AkovBkLayouts, DeelkwalificatiesWithTheirCompetences) {
  std::vector<ReportNote> notes;
  const auto q = parse_layout(
      page_with_partials(testing::bk_layout_fixture("deelkwalificaties-section.txt")), notes);
  ASSERT_EQ(q.partial_qualifications.size(), 2u);
  EXPECT_EQ(q.partial_qualifications[0],
            (model::PartialQualification{
                "BKD-0593-1-DBK-01", "Onthaalmedewerker vakorganisatie", {1, 3}}));
  EXPECT_EQ(q.partial_qualifications[1],
            (model::PartialQualification{
                "BKD-0593-1-DBK-02", "Dossierbeheerder werkloosheid", {2, 4, 6, 7, 8}}));
  EXPECT_TRUE(q.raw_sections.empty());
  for (const auto& note : notes)
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
  // The rest of the page is read as without the section.
  std::vector<ReportNote> page_notes;
  auto without = q;
  without.partial_qualifications.clear();
  EXPECT_EQ(without, parse_layout(page_with_partials(""), page_notes));
}

TEST(AkovBkLayouts, DeelkwalificatieNamingAMissingCompetenceIsRefusedAtItsLine) {
  std::string section = testing::bk_layout_fixture("deelkwalificaties-section.txt");
  section.replace(section.find("6-8"), 3, "6-18");
  const std::string page = page_with_partials(section);
  const std::string before = page.substr(0, page.find("6-18"));
  const int line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  try {
    parse_akov_bk(page, "partials.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_EQ(e.where().line, line);
    EXPECT_NE(e.message().find("BKD-0593-1-DBK-02 names competence 16"), std::string::npos)
        << e.message();
  }
}

TEST(AkovBkLayouts, DeelkwalificatieCompetenceTitleThatDiffersIsReported) {
  std::string section = testing::bk_layout_fixture("deelkwalificaties-section.txt");
  section.replace(section.find("Werkt doelgroepgericht"), 22, "Werkt klantgericht");
  std::vector<ReportNote> notes;
  const auto q = parse_layout(page_with_partials(section), notes);
  EXPECT_EQ(q.partial_qualifications[0].competences, (std::vector<int>{1, 3}));
  bool reported = false;
  for (const auto& note : notes)
    reported |= note.kind == ReportNote::Kind::warning &&
                note.message.find("\"Werkt klantgericht\" here") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST(AkovBkLayouts, WebRenderingWithTwoSpaceBulletsGivesTheSameQualification) {
  const std::string page =
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text;
  // Constructed after the description: the skip link, and every bullet mark rendered
  // as indentation alone ("\u2022 " becomes two spaces).
  std::string web = "Skip to Main Content\n\n" + page;
  for (auto at = web.find("\xE2\x80\xA2 "); at != std::string::npos;
       at = web.find("\xE2\x80\xA2 ", at))
    web.replace(at, 4, "  ");
  ASSERT_EQ(web.find("\xE2\x80\xA2"), std::string::npos);
  std::vector<ReportNote> page_notes, web_notes;
  EXPECT_EQ(parse_layout(web, web_notes), parse_layout(page, page_notes));
  for (const auto& note : web_notes)
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
}

TEST(AkovBkLayouts, AnActivitySplitOverTwoBulletsIsJoined) {
  const std::string page =
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text;
  // The page splits the activity in the competence list and in its descriptor section alike.
  const std::string whole =
      "Houdt rekening met de kenmerken, belangen, wensen en noden van de "
      "belanghebbenden (individueel en collectief)";
  std::string split = page;
  std::size_t count = 0;
  for (auto at = split.find(whole); at != std::string::npos; at = split.find(whole, at + 1)) {
    const auto line_start = split.rfind('\n', at) + 1;
    const std::string indent = split.substr(line_start, at - line_start);
    split.replace(at, whole.size(),
                  "Houdt rekening met de kenmerken, belangen, wensen en noden\n" + indent +
                      "van de belanghebbenden (individueel en collectief)");
    ++count;
  }
  ASSERT_GE(count, 2u);
  std::vector<ReportNote> page_notes, split_notes;
  const auto q = parse_layout(split, split_notes);
  EXPECT_EQ(q, parse_layout(page, page_notes));
  EXPECT_EQ(q.competences[0].activities[1].text, whole);
  bool reported = false;
  for (const auto& note : split_notes) {
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
    reported |= note.kind == ReportNote::Kind::decision &&
                note.message.find("continues that item") != std::string::npos;
  }
  EXPECT_TRUE(reported);
}

std::string page_with_footnotes() {
  return testing::bk_page_with_footnotes(testing::bk_bundled_page());
}

TEST(AkovBkLayouts, FootnotesAreLinkedToTheTextsThatCarryTheirMark) {
  std::vector<ReportNote> notes, page_notes;
  const auto q = parse_layout(page_with_footnotes(), notes);
  ASSERT_EQ(q.footnotes.size(), 2u);
  EXPECT_EQ(q.footnotes[0],
            (model::Footnote{"(1)",
                             "Verwachtingen over de uitkomst van een dossier,\nook bij een "
                             "beroepsprocedure.",
                             {"competences[0].activities[2]"}}));
  EXPECT_EQ(
      q.footnotes[1],
      (model::Footnote{"*", "Ook tegenover de eigen organisatie.", {"competences[1].title"}}));
  // The texts keep their marks; the marked activity still finds its descriptor.
  EXPECT_EQ(q.competences[0].activities[2].text, "Wekt geen onrealiseerbare verwachtingen (1)");
  EXPECT_TRUE(q.competences[0].activities[2].descriptor.has_value());
  EXPECT_EQ(q.competences[1].title, "Werkt veranderingsgericht*");
  // Everything else reads as the page without footnotes.
  const auto page = parse_layout(
      read_source_file(std::string(VAKKAART_SOURCES_DIR) + "/BK-0338-3-syndicaal-deskundige.txt")
          .text,
      page_notes);
  EXPECT_EQ(q.competences[0].activities.size(), page.competences[0].activities.size());
  EXPECT_EQ(q.competences[0].knowledge, page.competences[0].knowledge);
  EXPECT_EQ(q.competences[1].activities, page.competences[1].activities);
  EXPECT_EQ(q.competences[1].knowledge, page.competences[1].knowledge);
  EXPECT_TRUE(q.raw_sections.empty());
  for (const auto& note : notes)
    EXPECT_NE(note.kind, ReportNote::Kind::warning) << note.message;
}

}  // namespace
}  // namespace vakkaart::sources
