// The older BK layouts (decree annexes, dossier exports) give the qualification the modern page
// gives, apart from what they do not carry: docs/formats/bk-decree-annex.md,
// docs/formats/bk-dossier-export.md. The fixtures are in tests/data/bk-layouts (README there).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "sources/akov/decree_annex.h"
#include "sources/akov/dossier_export.h"
#include "sources/akov/older_pieces.h"
#include "sources/akov_bk.h"
#include "sources/canonical_json.h"
#include "sources/format.h"
#include "unit/support/bk_layout_fixture.h"

namespace vakkaart::sources {
namespace {

model::Qualification only(const ParseResult& result) {
  return std::get<model::Qualification>(result.documents.at(0));
}

model::Qualification modern() {
  return only(parse_akov_bk(testing::bk_layout_fixture("bk-0338-3-cut.txt"), "bk-0338-3-cut.txt"));
}

/// What an older layout carries apart from the modern page's content: its own id, version and
/// year, no claim to be current, and the raw sections only it has.
model::Qualification content(model::Qualification q) {
  q.id.clear();
  q.version = 0;
  q.current = false;
  q.withdrawn = false;
  q.recognition.clear();
  q.year.reset();
  std::erase_if(q.raw_sections, [](const model::RawSection& s) {
    return s.title == "Kop" || s.title == "Opheffing";
  });
  for (auto& c : q.competences) {
    c.code.reset();
    c.group.clear();
  }
  return q;
}

const model::RawSection* raw(const model::Qualification& q, const std::string& title) {
  for (const auto& s : q.raw_sections) {
    if (s.title == title)
      return &s;
  }
  return nullptr;
}

bool has_note(const ParseResult& r, ReportNote::Kind kind, const std::string& part, int line = -1) {
  for (const auto& note : r.notes) {
    if (note.kind == kind && note.message.find(part) != std::string::npos &&
        (line < 0 || note.where.line == line))
      return true;
  }
  return false;
}

int warnings(const ParseResult& r) {
  int n = 0;
  for (const auto& note : r.notes)
    n += note.kind == ReportNote::Kind::warning;
  return n;
}

TEST(BkOlderLayouts, DecreeAnnexIsTheModernQualification) {
  const auto result =
      parse_bk_decree_annex(testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"),
                            "some/dir/BK-0338-1-decree-annex.txt");
  const auto q = only(result);
  EXPECT_EQ(q.id, "BK-0338-1");
  EXPECT_EQ(q.code, "BK-0338");
  EXPECT_EQ(q.version, 1);
  EXPECT_FALSE(q.current);
  EXPECT_FALSE(q.withdrawn);
  EXPECT_EQ(q.recognition, "2014");
  EXPECT_EQ(q.year, 2014);
  ASSERT_EQ(q.competences.size(), 2u);
  EXPECT_EQ(q.competences[0].title, "Werkt doelgroepgericht");
  EXPECT_EQ(q.competences[0].code, "co 01310");
  EXPECT_EQ(q.competences[1].title, "Werkt veranderingsgericht");
  EXPECT_EQ(q.competences[1].code, "co 01320");
  EXPECT_EQ(raw(q, "Competentiecodes"), nullptr);  // no longer a raw section: modelled
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "each is the code of its competence"));
  ASSERT_NE(raw(q, "Kop"), nullptr);
  EXPECT_EQ(raw(q, "Kop")->lines.front().rfind("Bijlage bij het besluit", 0), 0u);
  EXPECT_EQ(content(q), content(modern()));
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "taken from the file name"));
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "BASISACTIVITEITEN", 13));
  EXPECT_EQ(q.competences[0].group, "BASISACTIVITEITEN");
  EXPECT_EQ(q.competences[1].group, "SPECIFIEKE ACTIVITEITEN");
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision,
                       "\"SPECIFIEKE ACTIVITEITEN\" is the group of the competences under it", 29));
  EXPECT_EQ(warnings(result),
            warnings(parse_akov_bk(testing::bk_layout_fixture("bk-0338-3-cut.txt"), "m.txt")));
}

TEST(BkOlderLayouts, DecreeAnnexOnOneLineIsTheSame) {
  const auto lines = only(parse_bk_decree_annex(
      testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "BK-0338-1-decree-annex.txt"));
  const auto result =
      parse_bk_decree_annex(testing::bk_layout_fixture("BK-0338-1-decree-annex-one-line.txt"),
                            "BK-0338-1-decree-annex-one-line.txt");
  EXPECT_EQ(only(result), lines);
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "flattened", 1));
}

TEST(BkOlderLayouts, DecreeAnnexOnOneLineWithItsOwnBulletsIsTheSame) {
  // Flattened as it is: "•" before each competence, "o" before activities and knowledge, "-"
  // before the items of the other lists.
  const auto lines = only(parse_bk_decree_annex(
      testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "BK-0338-1-decree-annex.txt"));
  const auto result =
      parse_bk_decree_annex(testing::bk_layout_fixture("BK-0338-1-decree-annex-one-line-mixed.txt"),
                            "BK-0338-1-decree-annex-one-line-mixed.txt");
  EXPECT_EQ(dump_canonical(qualification_to_json(only(result))),
            dump_canonical(qualification_to_json(lines)));
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "flattened", 1));
}

TEST(BkOlderLayouts, SpacedSubBulletsStartItemsOnlyOnAFlattenedLine) {
  using Pieces = std::vector<std::string>;
  EXPECT_EQ(akov::split_pieces("Werkt samen - Met collega's o Ook"),
            (Pieces{"Werkt samen - Met collega's o Ook"}));
  EXPECT_EQ(akov::split_pieces("3.1 Omgevingscontext - Dit beroep o Het takenpakket "
                               "3.2 Handelingscontext - De deskundige - werkt \xE2\x80\x93 Zelf"),
            (Pieces{"3.1 Omgevingscontext", "- Dit beroep", "o Het takenpakket",
                    "3.2 Handelingscontext", "- De deskundige - werkt", "\xE2\x80\x93 Zelf"}));
}

TEST(BkOlderLayouts, DossierExportIsTheModernQualification) {
  const auto result = parse_bk_dossier_export(
      testing::bk_layout_fixture("BK-0338-3-dossier-export.txt"), "BK-0338-3-dossier-export.txt");
  const auto q = only(result);
  EXPECT_EQ(q.id, "BK-0338-3");
  EXPECT_FALSE(q.year.has_value());  // a dossier precedes its recognition
  EXPECT_EQ(content(q), content(modern()));
  EXPECT_EQ(raw(q, "Kop"), nullptr);  // its label and its title repeated are no content
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "rule line"));
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "wrapped line"));
  EXPECT_EQ(q.competences.at(0).code, "co 01310");
  EXPECT_EQ(q.competences.at(1).code, "co 01320");
  EXPECT_EQ(q.competences.at(0).group, "");  // the export has no group headings
}

TEST(BkOlderLayouts, CompetencesUnderOneGroupHeadingShareIt) {
  // Both competences under "BASISACTIVITEITEN": the heading holds until the next one.
  std::string text = testing::bk_layout_fixture("BK-0338-1-decree-annex.txt");
  text.erase(text.find("SPECIFIEKE ACTIVITEITEN\n"),
             std::string("SPECIFIEKE ACTIVITEITEN\n").size());
  const auto q = only(parse_bk_decree_annex(text, "BK-0338-1.txt"));
  ASSERT_EQ(q.competences.size(), 2u);
  EXPECT_EQ(q.competences[0].group, "BASISACTIVITEITEN");
  EXPECT_EQ(q.competences[1].group, "BASISACTIVITEITEN");
  // Without any heading, no group.
  text.erase(text.find("BASISACTIVITEITEN\n"), std::string("BASISACTIVITEITEN\n").size());
  const auto plain = only(parse_bk_decree_annex(text, "BK-0338-1.txt"));
  EXPECT_EQ(plain.competences[0].group, "");
  EXPECT_EQ(plain.competences[1].group, "");
}

TEST(BkOlderLayouts, GroupIsInTheCanonicalJsonOnlyWhenGiven) {
  auto q = modern();
  // The JSON is held here: a range-for over a member of a temporary would read freed memory.
  const auto plain = qualification_to_json(q);
  for (const auto& c : plain.at("competences"))
    EXPECT_FALSE(c.contains("group"));
  q.competences.at(1).group = "SPECIFIEKE ACTIVITEITEN";
  const std::string text = dump_canonical(qualification_to_json(q));
  EXPECT_NE(text.find("\"group\": \"SPECIFIEKE ACTIVITEITEN\""), std::string::npos);
  EXPECT_EQ(only(parse_canonical_json(text, "q.json")), q);
  auto empty = qualification_to_json(q);
  empty["competences"][0]["group"] = "";
  try {
    parse_canonical_json(dump_canonical(empty), "q.json");
    FAIL() << "an empty group was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "$.competences[0].group");
  }
}

TEST(BkOlderLayouts, CompetenceCodeIsReadAsWrittenInsideItsBrackets) {
  const auto coded = akov::coded_competence("Werkt in teamverband ( co  01310 )");
  ASSERT_TRUE(coded.has_value());
  EXPECT_EQ(coded->title, "Werkt in teamverband");
  EXPECT_EQ(coded->code, "co 01310");
  EXPECT_EQ(akov::coded_competence("Werkt in teamverband (CO01310)")->code, "CO01310");
  EXPECT_FALSE(akov::coded_competence("Werkt in teamverband").has_value());
  EXPECT_FALSE(akov::coded_competence("Werkt in teamverband (co 12)").has_value());
}

TEST(BkOlderLayouts, CompetenceCodeIsInTheCanonicalJsonOnlyWhenGiven) {
  auto q = modern();
  // The JSON is held here: a range-for over a member of a temporary would read freed memory.
  const auto plain = qualification_to_json(q);
  for (const auto& c : plain.at("competences"))
    EXPECT_FALSE(c.contains("code"));
  q.competences.at(0).code = "co 01310";
  const std::string text = dump_canonical(qualification_to_json(q));
  EXPECT_NE(text.find("\"code\": \"co 01310\""), std::string::npos);
  EXPECT_EQ(only(parse_canonical_json(text, "q.json")), q);
  auto empty = qualification_to_json(q);
  empty["competences"][0]["code"] = "";
  try {
    parse_canonical_json(dump_canonical(empty), "q.json");
    FAIL() << "an empty code was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().field, "$.competences[0].code");
  }
}

/// The export as a copy flattened onto one line gives it (as docplayer's copy of the real
/// export is): every bullet a "•", its rules inline.
std::string on_one_line(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  while (from < text.size()) {
    auto end = text.find('\n', from);
    std::string line = text.substr(from, end - from);
    from = end == std::string::npos ? text.size() : end + 1;
    line.erase(0, line.find_first_not_of(' '));
    if (line.rfind("o ", 0) == 0)
      line.replace(0, 1, "\xE2\x80\xA2");
    if (line.rfind("\xEF\x82\xB7", 0) == 0)
      line.replace(0, 3, "\xE2\x80\xA2");
    if (!line.empty())
      out += (out.empty() ? "" : " ") + line;
  }
  return out + '\n';
}

TEST(BkOlderLayouts, DossierExportOnOneLineIsTheSame) {
  const auto text = testing::bk_layout_fixture("BK-0338-3-dossier-export.txt");
  const auto result = parse_bk_dossier_export(on_one_line(text), "BK-0338-3.txt");
  // As JSON text, so a difference shows where it is.
  EXPECT_EQ(
      dump_canonical(qualification_to_json(only(result))),
      dump_canonical(qualification_to_json(only(parse_bk_dossier_export(text, "BK-0338-3.txt")))));
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "flattened", 1));
}

TEST(BkOlderLayouts, RepealedIsWithdrawn) {
  const auto result =
      parse_bk_decree_annex(testing::bk_layout_fixture("BK-0338-2-decree-annex-repealed.txt"),
                            "BK-0338-2-decree-annex-repealed.txt");
  const auto q = only(result);
  EXPECT_EQ(q.id, "BK-0338-2");
  EXPECT_TRUE(q.withdrawn);
  ASSERT_NE(raw(q, "Opheffing"), nullptr);
  EXPECT_EQ(raw(q, "Opheffing")->lines,
            std::vector<std::string>{"Deze beroepskwalificatie is opgeheven."});
  EXPECT_TRUE(has_note(result, ReportNote::Kind::decision, "imported as withdrawn", 2));
  EXPECT_EQ(content(q), content(modern()));
}

TEST(BkOlderLayouts, WithdrawnIsInTheCanonicalJsonOnlyWhenTrue) {
  auto q = modern();
  EXPECT_FALSE(qualification_to_json(q).contains("withdrawn"));
  q.withdrawn = true;
  const std::string text = dump_canonical(qualification_to_json(q));
  EXPECT_NE(text.find("\"withdrawn\": true"), std::string::npos);
  EXPECT_EQ(only(parse_canonical_json(text, "q.json")), q);
}

TEST(BkOlderLayouts, DetectedBeforeTheModernLayout) {
  EXPECT_EQ(detect_format(testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "a.txt"),
            Format::bk_decree_annex);
  EXPECT_EQ(
      detect_format(testing::bk_layout_fixture("BK-0338-1-decree-annex-one-line.txt"), "a.txt"),
      Format::bk_decree_annex);
  EXPECT_EQ(detect_format(testing::bk_layout_fixture("BK-0338-3-dossier-export.txt"), "a.txt"),
            Format::bk_dossier_export);
  EXPECT_EQ(detect_format(testing::bk_layout_fixture("bk-0338-3-cut.txt"), "a.txt"),
            Format::akov_bk);
  // A code line does not make an annex a modern page.
  EXPECT_EQ(detect_format("BK-0338-1\n" + testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"),
                          "a.txt"),
            Format::bk_decree_annex);
  EXPECT_EQ(format_from_name("bk-dossier-export"), Format::bk_dossier_export);
}

TEST(BkOlderLayouts, CodeLineWinsOverTheFileName) {
  const auto q = only(parse_bk_decree_annex(
      "BK-0338-4\n" + testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"),
      "BK-0338-1-decree-annex.txt"));
  EXPECT_EQ(q.id, "BK-0338-4");
}

TEST(BkOlderLayouts, NoCodeIsRefused) {
  try {
    parse_bk_decree_annex(testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"),
                          "dir/annex.txt");
    FAIL() << "expected a parse error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::parse_error);
    EXPECT_EQ(e.where().field, "code");
    EXPECT_EQ(e.where().file, "dir/annex.txt");
  }
}

/// The page up to and including the line holding `last`.
std::string cut_after(const std::string& text, const std::string& last) {
  const auto at = text.find(last);
  EXPECT_NE(at, std::string::npos) << last;
  return text.substr(0, text.find('\n', at) + 1);
}

int error_line(const std::string& text, bool dossier) {
  try {
    if (dossier)
      parse_bk_dossier_export(text, "BK-0338-3.txt");
    else
      parse_bk_decree_annex(text, "BK-0338-1.txt");
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("truncated"), std::string::npos) << e.message();
    return e.where().line;
  }
  ADD_FAILURE() << "a cut-off page was accepted";
  return -1;
}

TEST(BkOlderLayouts, CutOffPageIsRefusedAtItsLastLine) {
  const std::string annex =
      cut_after(testing::bk_layout_fixture("BK-0338-1-decree-annex.txt"), "Stelt zich empathisch");
  EXPECT_EQ(error_line(annex, false),
            static_cast<int>(std::count(annex.begin(), annex.end(), '\n')));
  const std::string dossier = cut_after(testing::bk_layout_fixture("BK-0338-3-dossier-export.txt"),
                                        "Kennis van kantoorsoftware");
  EXPECT_EQ(error_line(dossier, true),
            static_cast<int>(std::count(dossier.begin(), dossier.end(), '\n')));
  std::string one_line = testing::bk_layout_fixture("BK-0338-1-decree-annex-one-line.txt");
  one_line = one_line.substr(0, one_line.find("Stelt zich empathisch"));
  EXPECT_EQ(error_line(one_line, false), 1);
}

TEST(BkOlderLayouts, UnknownNumberedSectionIsKeptAtItsLine) {
  std::string text = testing::bk_layout_fixture("BK-0338-3-dossier-export.txt");
  const auto at = text.find("1.3 NIVEAU");
  text.insert(at, "1.2.1 EXTRA UITLEG\nUitleg bij het beroep.\n");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
  const auto result = parse_bk_dossier_export(text, "BK-0338-3.txt");
  const auto q = only(result);
  ASSERT_NE(raw(q, "EXTRA UITLEG"), nullptr);
  EXPECT_EQ(raw(q, "EXTRA UITLEG")->lines, std::vector<std::string>{"Uitleg bij het beroep."});
  EXPECT_TRUE(has_note(result, ReportNote::Kind::warning, "EXTRA UITLEG", line));
  EXPECT_EQ(q.level.vks, 5);
}

}  // namespace
}  // namespace vakkaart::sources
