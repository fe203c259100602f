#include "sources/akov_bk.h"

#include <charconv>
#include <optional>
#include <regex>

#include "sources/akov/descriptor_links.h"
#include "sources/akov/footnotes.h"
#include "sources/akov/line_shapes.h"
#include "sources/akov/partial_qualifications.h"
#include "sources/akov/title_reference.h"
#include "text/text_utils.h"
#include "text/utf8.h"

namespace vakkaart::sources {
namespace {

/// What the lines under a heading are.
enum class Section {
  none,         // before the first heading
  group,        // a heading that only groups others ("Globaal", "Competenties", ...)
  title,        // Titel
  definition,   // Definitie
  scope,        // Afbakening
  partials,     // Deelkwalificaties
  level,        // Niveau (VKS en EQF)
  recognition,  // Jaar van erkenning
  competences,  // Opsomming competenties
  general_knowledge,
  specific_knowledge,
  cognitive,
  problem_solving,
  motor,
  environment_context,
  action_context,
  independent_in,
  bound_to,
  relies_on,
  responsibility,
  certificates,
  raw,  // a heading we do not know
};

struct KnownHeading {
  const char* text;  // lower case
  Section section;
};
constexpr KnownHeading kHeadings[] = {
    {"globaal", Section::group},
    {"titel", Section::title},
    {"definitie", Section::definition},
    {"afbakening", Section::scope},
    {"deelkwalificaties", Section::partials},
    {"deelkwalificatie", Section::partials},
    {"niveau (vks en eqf)", Section::level},
    {"niveau", Section::level},
    {"jaar van erkenning", Section::recognition},
    {"competenties", Section::group},
    {"opsomming competenties", Section::competences},
    {"beschrijving competenties a.d.h.v. de descriptorelementen", Section::group},
    {"kennis", Section::group},
    {"algemene kennis", Section::general_knowledge},
    {"specifieke kennis", Section::specific_knowledge},
    {"vaardigheden", Section::group},
    {"cognitieve vaardigheden", Section::cognitive},
    {"probleemoplossende vaardigheden", Section::problem_solving},
    {"motorische vaardigheden", Section::motor},
    {"omgevingscontext", Section::environment_context},
    {"handelingscontext", Section::action_context},
    {"autonomie", Section::group},
    {"is zelfstandig in", Section::independent_in},
    {"is gebonden aan", Section::bound_to},
    {"doet beroep op", Section::relies_on},
    {"verantwoordelijkheid", Section::responsibility},
    {"attesten en voorwaarden", Section::certificates},
};
/// Where a note under the title that names neither a Competent-fiche nor a sector profile is
/// kept: a raw section, so the title stays the title and the note's text is not lost.
constexpr const char* kTitleNoteSection = "Titel (benaming)";

/// A sub-heading of "Attesten en voorwaarden" that the certificates text does not include.
constexpr std::string_view kLegalCertificatesHeading = "wettelijke attesten en voorwaarden";

std::optional<Section> known_section(std::string_view line) {
  const std::string key = text::to_lower(text::collapse_whitespace(line));
  for (const auto& heading : kHeadings) {
    if (key == heading.text)
      return heading.section;
  }
  return std::nullopt;
}

class BkParser {
 public:
  BkParser(std::string_view text, const std::string& file_name) : file_(file_name) {
    for (auto line : text::split(text, '\n'))
      lines_.push_back(line);
  }

  ParseResult parse() {
    read_header();
    // A web copy may render every bullet as indentation alone ("two-space bullets"): when no
    // line of the body has a bullet mark, an indented line is a bullet.
    bulletless_ = true;
    for (std::size_t i = body_start_; i < lines_.size() && bulletless_; ++i)
      bulletless_ = !akov::bullet_text(lines_[i]).has_value();
    for (std::size_t i = body_start_; i < lines_.size(); ++i)
      read_line(i);
    finish();
    ParseResult result;
    result.documents.emplace_back(std::move(q_));
    result.notes = std::move(notes_);
    return result;
  }

 private:
  // --- header: first line title, code line, "actuele versie" line -------------------------------

  void read_header() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string line(lines_[i]);
      if (known_section(line)) {
        body_start_ = i;
        break;
      }
      // One rendering puts title, code and version on one line, split by " • ".
      for (const auto& part : akov::header_parts(line))
        read_header_part(part, static_cast<int>(i) + 1);
      body_start_ = i + 1;
    }
    if (q_.id.empty()) {
      fail(0, "no qualification code line such as \"BK-0338-3\" before the first section");
    }
    if (!saw_version_line_) {
      notes_.push_back(
          {ReportNote::Kind::decision,
           "no \"Dit is de actuele versie\" line: " + q_.id + " imported as not current",
           {file_, code_line_, "current"}});
    }
  }

  void read_header_part(const std::string& line, int line_number) {
    static const std::regex code_line(R"(^\s*(BK-(\d{4}))-(\d+)\s*$)");
    std::smatch match;
    if (std::regex_match(line, match, code_line)) {
      q_.id = match.str(1) + "-" + match.str(3);
      q_.code = match.str(1);
      q_.version = number(match.str(3), line_number, "version");
      code_line_ = line_number;
    } else if (line.find("actuele versie") != std::string::npos) {
      q_.current = line.find("niet") == std::string::npos;
      saw_version_line_ = true;
    } else if (!header_title_.empty() && akov::says_withdrawn(line)) {
      q_.withdrawn = true;  // "Deze beroepskwalificatie is opgeheven" (kept as "Opheffing")
      withdrawn_lines_.push_back({text::collapse_whitespace(line), line_number});
    } else if (header_title_.empty() && akov::is_skip_link(line)) {
      notes_.push_back({ReportNote::Kind::decision,
                        "\"Skip to Main Content\" is the web page's skip link; skipped",
                        {file_, line_number, ""}});
    } else if (!header_title_.empty() && akov::is_title_note(line)) {
      keep_title_note(text::collapse_whitespace(line), line_number);
    } else if (header_title_.empty() && !text::trim(line).empty()) {
      header_title_ = text::collapse_whitespace(line);
    } else if (!text::collapse_whitespace(line).empty()) {
      header_extra_.push_back(text::collapse_whitespace(line));
    }
  }

  // --- body: one line at a time ------------------------------------------------------------------

  void read_line(std::size_t index) {
    const int number = static_cast<int>(index) + 1;
    const std::string_view line = lines_[index];
    if (text::collapse_whitespace(line).empty()) {
      blank_before_ = true;
      in_footnote_ = false;
      return;
    }
    if (read_footnote_line(line, number))
      return;
    auto bullet = akov::bullet_text(line);
    if (!bullet && bulletless_ && akov::starts_with_space(line))
      bullet = text::trim(line);
    if (!bullet && !akov::starts_with_space(line)) {
      if (auto section = known_section(line)) {
        enter(*section, number, text::collapse_whitespace(line));
        return;
      }
      if (section_ == Section::certificates &&
          text::to_lower(text::collapse_whitespace(line)) == kLegalCertificatesHeading) {
        return;
      }
      // A partial qualification's code or title line reads like a heading; offered first.
      if (section_ == Section::partials && partials_.add(text::collapse_whitespace(line), number)) {
        blank_before_ = false;
        return;
      }
      if (starts_unknown_section(line)) {
        enter(Section::raw, number, text::collapse_whitespace(line));
        q_.raw_sections.push_back({text::collapse_whitespace(line), {}});
        notes_.push_back(
            {ReportNote::Kind::warning,
             "unknown section \"" + text::collapse_whitespace(line) + "\" kept as a raw section",
             {file_, number, ""}});
        return;
      }
    }
    blank_before_ = false;
    const std::string content = text::collapse_whitespace(bullet ? *bullet : line);
    if (content.empty())
      return;
    section_lines_++;
    add(content, bullet.has_value(), number);
    if (auto place = place_of_last_text())
      footnotes_.saw_place(*place);
  }

  // --- footnotes
  // ----------------------------------------------------------------------------------

  /// A footnote ("* …", "(1) …") whose mark a text kept so far carries, or a line continuing the
  /// footnote above (no bullet, heading or competence line; a blank line ends a footnote).
  bool read_footnote_line(std::string_view line, int number) {
    const std::string content = text::collapse_whitespace(line);
    if (in_footnote_) {
      const bool continues = !akov::bullet_text(line) &&
                             !(bulletless_ && akov::starts_with_space(line)) &&
                             !known_section(line) && !akov::footnote_line(content) &&
                             !text::starts_with(text::to_lower(content), "competentie");
      if (continues) {
        if (!repeating_footnote_)
          q_.footnotes.back().text += '\n' + content;
        return true;
      }
      in_footnote_ = false;
    }
    auto footnote = akov::footnote_line(content);
    if (!footnote)
      return false;
    if (footnotes_.referenced(q_, footnote->mark)) {
      footnotes_.add(q_, std::move(*footnote));
      notes_.push_back({ReportNote::Kind::decision,
                        "footnote " + q_.footnotes.back().mark + " linked to " +
                            std::to_string(q_.footnotes.back().referenced_at.size()) +
                            " text(s) that carry its mark",
                        {file_, number, "footnotes"}});
      in_footnote_ = true;
      repeating_footnote_ = false;
      return true;
    }
    if (akov::FootnoteLinker::repeats(q_, *footnote)) {
      in_footnote_ = true;
      repeating_footnote_ = true;
      return true;
    }
    return false;
  }

  /// Where the text just kept is, as a path into the canonical JSON (for footnote links).
  std::optional<std::string> place_of_last_text() const {
    auto item = [](const char* list, std::size_t size) {
      return std::string(list) + "[" + std::to_string(size - 1) + "]";
    };
    switch (section_) {
      case Section::definition:
        return "definition";
      case Section::scope:
        return "scope";
      case Section::environment_context:
        return item("environment_context", q_.environment_context.size());
      case Section::action_context:
        return item("action_context", q_.action_context.size());
      case Section::responsibility:
        return item("responsibility", q_.responsibility.size());
      case Section::competences: {
        if (q_.competences.empty())
          return std::nullopt;
        const auto& c = q_.competences.back();
        const std::string at = item("competences", q_.competences.size());
        if (in_knowledge_ && !c.knowledge.empty())
          return at + "." + item("knowledge", c.knowledge.size());
        if (!in_knowledge_ && !c.activities.empty())
          return at + "." + item("activities", c.activities.size());
        return at + ".title";
      }
      default:
        return std::nullopt;
    }
  }

  /// A column-0 line that is no bullet and no known heading starts an unknown section when the
  /// current section holds lists, or when free text already has its content and a blank line
  /// separates the two.
  bool starts_unknown_section(std::string_view line) const {
    if (!akov::looks_like_heading(line))
      return false;
    switch (section_) {
      case Section::title:
      case Section::definition:
      case Section::scope:
      case Section::level:
      case Section::recognition:
      case Section::certificates:
        return section_lines_ > 0 && blank_before_;
      case Section::raw:
        return blank_before_;
      case Section::competences:
        return !expect_competence_title_;
      default:
        return true;
    }
  }

  void enter(Section section, int line, const std::string& heading) {
    if (section_ == Section::competences)
      close_competence(line);
    section_ = section;
    section_line_ = line;
    section_heading_ = heading;
    section_lines_ = 0;
    blank_before_ = false;
    seen_.push_back(section);
  }

  void add(const std::string& content, bool is_bullet, int line) {
    switch (section_) {
      case Section::none:
      case Section::group:
        keep_raw(content, line);
        return;
      case Section::title:
        if (!title_.empty() && akov::is_title_note(content)) {
          keep_title_note(content, line);
          return;
        }
        append_text(title_, content);
        return;
      case Section::definition:
        append_text(q_.definition, content);
        return;
      case Section::scope:
        // Kept line by line: its paragraphs and lists are the page's own structure.
        if (!q_.scope.empty())
          q_.scope += '\n';
        q_.scope += content;
        return;
      case Section::level:
        append_text(level_text_, content);
        level_line_ = line;
        return;
      case Section::recognition:
        append_text(q_.recognition, content);
        recognition_line_ = line;
        return;
      case Section::competences:
        add_competence_line(content, is_bullet, line);
        return;
      case Section::general_knowledge:
        add_list_item(lists_.general_knowledge, content, line);
        return;
      case Section::specific_knowledge:
        add_list_item(lists_.specific_knowledge, content, line);
        return;
      case Section::cognitive:
        add_list_item(lists_.cognitive, content, line);
        return;
      case Section::problem_solving:
        add_list_item(lists_.problem_solving, content, line);
        return;
      case Section::motor:
        add_list_item(lists_.motor, content, line);
        return;
      case Section::environment_context:
        q_.environment_context.push_back(content);
        return;
      case Section::action_context:
        q_.action_context.push_back(content);
        return;
      case Section::independent_in:
        q_.autonomy.independent_in.push_back(content);
        return;
      case Section::bound_to:
        q_.autonomy.bound_to.push_back(content);
        return;
      case Section::relies_on:
        q_.autonomy.relies_on.push_back(content);
        return;
      case Section::responsibility:
        q_.responsibility.push_back(content);
        return;
      case Section::certificates:
        if (!q_.certificates.empty())
          q_.certificates += '\n';
        q_.certificates += content;
        return;
      case Section::raw:
        q_.raw_sections.back().lines.push_back(content);
        return;
      case Section::partials:
        if (!partials_.add(content, line)) {
          if (q_.raw_sections.empty() || q_.raw_sections.back().title != "Deelkwalificaties")
            q_.raw_sections.push_back({"Deelkwalificaties", {}});
          q_.raw_sections.back().lines.push_back(content);
          notes_.push_back({ReportNote::Kind::warning,
                            "line in \"Deelkwalificaties\" is no BKD code, title or competence "
                            "line; kept as a raw section",
                            {file_, line, "partial_qualifications"}});
        }
        return;
    }
  }

  static void append_text(std::string& target, const std::string& content) {
    if (!target.empty())
      target += ' ';
    target += content;
  }

  /// Text under a grouping heading, where none is expected: kept, reported.
  void keep_raw(const std::string& content, int line) {
    const std::string title =
        section_heading_.empty() ? "(voor de eerste sectie)" : section_heading_;
    if (q_.raw_sections.empty() || q_.raw_sections.back().title != title) {
      q_.raw_sections.push_back({title, {}});
      notes_.push_back({ReportNote::Kind::warning,
                        "text under \"" + title +
                            "\", which normally only groups sections; kept "
                            "as a raw section",
                        {file_, line, ""}});
    }
    q_.raw_sections.back().lines.push_back(content);
  }

  /// The header and the "Titel" section may both carry the note; it is kept once, as the
  /// reference it makes, or as raw text when it names neither a Competent-fiche nor a profile.
  void keep_title_note(const std::string& content, int line) {
    for (const auto& reference : q_.title_references) {
      if (reference.note == content)
        return;
    }
    for (const auto& section : q_.raw_sections) {
      if (section.title == kTitleNoteSection && section.lines.front() == content)
        return;
    }
    if (auto reference = akov::read_title_reference(content)) {
      const bool fiche = reference->kind == model::ReferenceKind::competent_fiche;
      q_.title_references.push_back(std::move(*reference));
      notes_.push_back({ReportNote::Kind::decision,
                        std::string("the note under the title is kept apart from the title as a "
                                    "reference to a ") +
                            (fiche ? "Competent-fiche" : "sector profile"),
                        {file_, line, "title"}});
      return;
    }
    q_.raw_sections.push_back({kTitleNoteSection, {content}});
    notes_.push_back({ReportNote::Kind::warning,
                      "the note under the title names neither a Competent-fiche nor a sector "
                      "profile; kept as the raw section \"" +
                          std::string(kTitleNoteSection) + "\"",
                      {file_, line, "title"}});
  }

  // --- competences -------------------------------------------------------------------------------

  void add_competence_line(const std::string& content, bool is_bullet, int line) {
    static const std::regex competence_heading(R"(^Competentie\s+(\d+)\s*:?\s*(.*)$)",
                                               std::regex::icase);
    static const std::regex knowledge_heading(R"(^met inbegrip van (de )?kennis\s*:?$)",
                                              std::regex::icase);
    std::smatch match;
    // Cheap prefix test first: the regexes are only needed for the few heading lines.
    const bool maybe_heading = content.size() > 10 && (content[0] == 'C' || content[0] == 'c' ||
                                                       content[0] == 'M' || content[0] == 'm');
    if (maybe_heading && std::regex_match(content, match, competence_heading)) {
      close_competence(line);
      model::Competence c;
      c.number = number(match.str(1), line, "competence");
      c.title = match.str(2);
      q_.competences.push_back(std::move(c));
      competence_line_ = line;
      expect_competence_title_ = match.str(2).empty();
      in_knowledge_ = false;
      return;
    }
    if (q_.competences.empty()) {
      fail(line, "text in \"Opsomming competenties\" before the first \"Competentie 1:\" line");
    }
    auto& competence = q_.competences.back();
    if (maybe_heading && std::regex_match(content, knowledge_heading)) {
      in_knowledge_ = true;
      expect_competence_title_ = false;
      return;
    }
    // Where bullets are indentation alone, the title is indented like the bullets.
    if (expect_competence_title_ && (!is_bullet || bulletless_)) {
      competence.title = content;
      expect_competence_title_ = false;
      return;
    }
    expect_competence_title_ = false;
    if (!is_bullet) {
      // A wrapped line: it belongs to the item above it.
      std::string* previous = nullptr;
      if (in_knowledge_ && !competence.knowledge.empty())
        previous = &competence.knowledge.back().text;
      if (!in_knowledge_ && !competence.activities.empty()) {
        previous = &competence.activities.back().text;
      }
      if (previous == nullptr) {
        fail(line, "text without a bullet in competence " + std::to_string(competence.number));
      }
      *previous += ' ' + content;
      notes_.push_back({ReportNote::Kind::decision,
                        "a line without a bullet was joined to the item above it",
                        {file_, line, "competence " + std::to_string(competence.number)}});
      return;
    }
    std::string* previous = nullptr;
    if (in_knowledge_ && !competence.knowledge.empty())
      previous = &competence.knowledge.back().text;
    if (!in_knowledge_ && !competence.activities.empty())
      previous = &competence.activities.back().text;
    if (previous != nullptr && akov::continues_item(*previous, content)) {
      join_split_item(*previous, content, line);
      return;
    }
    if (in_knowledge_) {
      competence.knowledge.push_back({content, std::nullopt});
    } else {
      competence.activities.push_back({content, std::nullopt});
    }
  }

  void join_split_item(std::string& previous, const std::string& content, int line) {
    previous += ' ' + content;
    notes_.push_back({ReportNote::Kind::decision,
                      "a bullet starting in lower case after an item without final punctuation "
                      "continues that item; joined",
                      {file_, line, ""}});
  }

  /// An item of a descriptor list; a bullet split over two by the page is joined as in the
  /// competence list, so both still match.
  void add_list_item(std::vector<std::string>& list, const std::string& content, int line) {
    if (!list.empty() && akov::continues_item(list.back(), content)) {
      join_split_item(list.back(), content, line);
      return;
    }
    list.push_back(content);
  }

  void close_competence(int line) {
    if (q_.competences.empty())
      return;
    const auto& competence = q_.competences.back();
    if (competence.title.empty()) {
      fail(line, "competence " + std::to_string(competence.number) + " has no title");
    }
    if (competence.activities.empty()) {
      notes_.push_back({ReportNote::Kind::warning,
                        "competence " + std::to_string(competence.number) + " has no activities",
                        {file_, competence_line_, ""}});
    }
  }

  // --- after the last line -----------------------------------------------------------------------

  bool saw(Section section) const {
    return std::find(seen_.begin(), seen_.end(), section) != seen_.end();
  }

  void finish() {
    const int last_line = static_cast<int>(lines_.size());
    if (section_ == Section::competences) {
      fail(last_line, "the document ends inside the competence list; is it truncated?");
    }
    if (q_.competences.empty()) {
      fail(last_line, "no competences (\"Opsomming competenties\" with \"Competentie 1:\")");
    }
    for (std::size_t i = 0; i < q_.competences.size(); ++i) {
      if (q_.competences[i].number != static_cast<int>(i) + 1) {
        notes_.push_back({ReportNote::Kind::warning,
                          "competence " + std::to_string(q_.competences[i].number) + " is number " +
                              std::to_string(i + 1) + " in the list",
                          {file_, 0, "competences"}});
      }
    }
    finish_title();
    finish_level();
    finish_recognition();
    if (saw(Section::certificates) && q_.certificates.empty()) {
      notes_.push_back({ReportNote::Kind::info,
                        "\"Attesten en voorwaarden\" is empty",
                        {file_, 0, "certificates"}});
    }
    for (auto [section, name] : {std::pair{Section::definition, "Definitie"},
                                 {Section::environment_context, "Omgevingscontext"},
                                 {Section::action_context, "Handelingscontext"},
                                 {Section::responsibility, "Verantwoordelijkheid"},
                                 {Section::certificates, "Attesten en voorwaarden"}}) {
      if (!saw(section)) {
        notes_.push_back({ReportNote::Kind::warning,
                          std::string("no \"") + name + "\" section",
                          {file_, 0, ""}});
      }
    }
    akov::link_descriptors(q_, lists_, file_, notes_);
    q_.partial_qualifications = partials_.finish(q_, file_, notes_);
    if (!partials_.leftover().empty()) {
      q_.raw_sections.push_back({"Deelkwalificaties", {partials_.leftover()}});
      notes_.push_back({ReportNote::Kind::warning,
                        "\"" + partials_.leftover() +
                            "\" in \"Deelkwalificaties\" is followed by no BKD code; kept as "
                            "a raw section",
                        {file_, 0, "partial_qualifications"}});
    }
    if (!withdrawn_lines_.empty()) {
      model::RawSection repeal{"Opheffing", {}};
      for (const auto& kept : withdrawn_lines_)
        repeal.lines.push_back(kept.first);
      q_.raw_sections.push_back(std::move(repeal));
      notes_.push_back({ReportNote::Kind::decision,
                        "the page says the qualification was repealed or withdrawn: " + q_.id +
                            " imported as withdrawn",
                        {file_, withdrawn_lines_.front().second, "withdrawn"}});
    }
    for (const auto& extra : header_extra_) {
      q_.raw_sections.insert(q_.raw_sections.begin(), {"Kop", {extra}});
      notes_.push_back({ReportNote::Kind::warning,
                        "unexpected header line \"" + extra + "\" kept",
                        {file_, 0, ""}});
    }
    std::size_t activities = 0;
    std::size_t knowledge = 0;
    for (const auto& c : q_.competences) {
      activities += c.activities.size();
      knowledge += c.knowledge.size();
    }
    notes_.insert(
        notes_.begin(),
        {ReportNote::Kind::info,
         "qualification " + q_.id + (q_.current ? " (current)" : " (not current)") + ": " +
             std::to_string(q_.competences.size()) + " competences, " + std::to_string(activities) +
             " activities, " + std::to_string(knowledge) + " knowledge references",
         {file_, 0, ""}});
  }

  void finish_title() {
    q_.title = !title_.empty() ? title_ : header_title_;
    if (q_.title.empty())
      fail(0, "no title (first line or \"Titel\" section)");
    if (!title_.empty() && !header_title_.empty() && title_ != header_title_) {
      notes_.push_back({ReportNote::Kind::warning,
                        "the first line \"" + header_title_ + "\" differs from \"Titel\" \"" +
                            title_ + "\"; the \"Titel\" section is used",
                        {file_, 1, "title"}});
    }
  }

  void finish_level() {
    static const std::regex vks(R"(VKS\D{0,5}(\d))", std::regex::icase);
    static const std::regex eqf(R"(EQF\D{0,5}(\d))", std::regex::icase);
    static const std::regex single(R"(^\s*(\d)\s*$)");
    std::smatch match;
    if (std::regex_match(level_text_, match, single)) {
      q_.level.vks = q_.level.eqf = number(match.str(1), level_line_, "level");
      return;
    }
    if (std::regex_search(level_text_, match, vks))
      q_.level.vks = number(match.str(1), level_line_, "level");
    if (std::regex_search(level_text_, match, eqf))
      q_.level.eqf = number(match.str(1), level_line_, "level");
    if (!q_.level.vks && !q_.level.eqf) {
      notes_.push_back({ReportNote::Kind::warning,
                        level_text_.empty() ? std::string("no level (\"Niveau (VKS en EQF)\")")
                                            : "level \"" + level_text_ + "\" not understood",
                        {file_, level_line_, "level"}});
      if (!level_text_.empty())
        q_.raw_sections.push_back({"Niveau (VKS en EQF)", {level_text_}});
    }
  }

  void finish_recognition() {
    static const std::regex year(R"((19|20)\d\d)");
    static const std::regex version(R"(versie\s+(\d+))", std::regex::icase);
    std::smatch match;
    if (std::regex_search(q_.recognition, match, year))
      q_.year = number(match.str(), recognition_line_, "recognition");
    if (std::regex_search(q_.recognition, match, version) &&
        number(match.str(1), recognition_line_, "recognition") != q_.version) {
      notes_.push_back({ReportNote::Kind::warning,
                        "\"" + q_.recognition + "\" names another version than the code " + q_.id,
                        {file_, recognition_line_, "recognition"}});
    }
  }

  /// A run of digits the layout's patterns matched, as a number; one too large for an int is a
  /// parse error at its line rather than std::out_of_range (an "internal error").
  int number(const std::string& digits, int line, const char* field) const {
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      throw Error(ErrorCode::parse_error,
                  "number out of range: " + std::string(text::truncate_utf8(digits, 40)) +
                      (digits.size() > 40 ? "…" : ""),
                  {file_, line, field});
    }
    return value;
  }

  [[noreturn]] void fail(int line, const std::string& message) const {
    throw Error(ErrorCode::parse_error, message, {file_, line, ""});
  }

  std::string file_;
  std::vector<std::string_view> lines_;
  std::vector<ReportNote> notes_;
  model::Qualification q_;
  akov::DescriptorLists lists_;
  akov::PartialQualificationsReader partials_;
  bool bulletless_ = false;
  akov::FootnoteLinker footnotes_;
  bool in_footnote_ = false;
  bool repeating_footnote_ = false;

  std::size_t body_start_ = 0;
  int code_line_ = 0;
  bool saw_version_line_ = false;
  std::string header_title_;
  std::vector<std::string> header_extra_;
  std::vector<std::pair<std::string, int>> withdrawn_lines_;
  std::string title_;
  std::string level_text_;
  int level_line_ = 0;
  int recognition_line_ = 0;

  Section section_ = Section::none;
  int section_line_ = 0;
  std::string section_heading_;
  int section_lines_ = 0;
  bool blank_before_ = false;
  std::vector<Section> seen_;

  int competence_line_ = 0;
  bool expect_competence_title_ = false;
  bool in_knowledge_ = false;
};

}  // namespace

bool looks_like_akov_bk(std::string_view text) {
  // The code on a line of its own, or between " • " on a header line (see header_parts).
  static const std::regex code_line(
      R"((^|\n|\xE2\x80\xA2 )\s*BK-\d{4}-\d+\s*(\n|$| \xE2\x80\xA2))");
  const std::string head(text.substr(0, 4096));
  return std::regex_search(head, code_line) &&
         (text.find("Opsomming competenties") != std::string_view::npos ||
          text.find("Competentie 1") != std::string_view::npos);
}

ParseResult parse_akov_bk(std::string_view text, const std::string& file_name) {
  return BkParser(text, file_name).parse();
}

}  // namespace vakkaart::sources
