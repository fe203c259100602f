#include "sources/akov/older_layout.h"

#include <optional>
#include <regex>

#include "sources/akov/line_shapes.h"
#include "sources/akov/older_pieces.h"
#include "sources/akov_bk.h"
#include "text/text_utils.h"

namespace vakkaart::sources::akov {
namespace {

const char* layout_name(OlderLayout layout) {
  return layout == OlderLayout::decree_annex ? "decree annex" : "dossier export";
}

/// A label of the layout rather than of the qualification ("BEROEPSKWALIFICATIEDOSSIER").
bool is_document_label(const std::string& piece) {
  const std::string key = text::to_lower(piece);
  return key == "beroepskwalificatiedossier" || key == "bijlage" || key == "bijlage.";
}

class OlderReader {
 public:
  OlderReader(std::string_view text, const std::string& file_name, OlderLayout layout)
      : text_(text), file_(file_name), layout_(layout) {}

  ParseResult read() {
    int line_number = 0;
    for (auto line : text::split(text_, '\n')) {
      ++line_number;
      const auto pieces = split_pieces(line);
      if (pieces.empty())
        item_open_ = false;  // a blank line ends an item: what follows is no wrapped part of it
      if (pieces.size() >= 3)
        flattened_lines_.push_back(line_number);
      for (const auto& piece : pieces)
        read_piece(piece, line_number);
    }
    // The page's last line (a final newline ends the last line rather than starting one).
    last_line_ = line_number - (text_.ends_with('\n') ? 1 : 0);
    find_code();
    ParseResult result = parse_rendering();
    finish(result);
    return result;
  }

 private:
  // --- reading the page --------------------------------------------------------------------------

  void read_piece(const std::string& piece, int line) {
    if (is_rule(piece)) {
      ++rules_;
      return;
    }
    if (auto heading = older_heading(piece)) {
      enter(*heading, line);
      return;
    }
    if (in_preamble_) {
      read_preamble(piece, line);
      return;
    }
    switch (section_) {
      case OlderSection::competences:
        read_competence_piece(piece, line);
        return;
      case OlderSection::list:
        read_list_piece(piece, line);
        return;
      default: {
        // Indented, so the AKOV parser never takes a free-text line for a heading.
        const auto bullet = bullet_item(piece);
        emit("  " + (bullet ? *bullet : piece), line);
        return;
      }
    }
  }

  void enter(const OlderHeading& heading, int line) {
    in_preamble_ = false;
    section_ = heading.section;
    item_open_ = false;
    expect_title_ = false;
    if (heading.modern.empty())
      return;
    emit("", line);
    emit(heading.modern, line);
  }

  void read_preamble(const std::string& piece, int line) {
    static const std::regex code_line(R"(^BK-\d{4}-\d+$)");
    if (std::regex_match(piece, code_line)) {
      code_ = piece;
      code_line_ = line;
    } else if (says_withdrawn(piece)) {
      withdrawn_ = true;
      repeal_lines_.push_back(piece);
      repeal_line_ = line;
    } else if (is_document_label(piece)) {
      notes_.push_back({ReportNote::Kind::decision,
                        "\"" + piece + "\" names the document, not the qualification; skipped",
                        {file_, line, ""}});
    } else {
      preamble_.push_back({piece, line});
    }
  }

  /// A line without a bullet right after an item continues it when the page wrapped the item:
  /// it starts in lower case (or with a digit or a bracket), or the line before it filled the
  /// page's width.
  bool continues_item(const std::string& piece) const {
    if (!item_open_)
      return false;
    const unsigned char first = static_cast<unsigned char>(piece[0]);
    const bool lower = (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9') ||
                       first == '(' || first == ',' || first == ';';
    return lower || last_piece_size_ >= 60;
  }

  void join_to_item(const std::string& piece) {
    out_.back() += ' ' + piece;
    ++joined_;
    last_piece_size_ = piece.size();
  }

  void emit_item(const std::string& line, const std::string& item, int origin) {
    emit(line, origin);
    item_open_ = true;
    last_piece_size_ = item.size();
  }

  /// The item a piece starts, without its bullet (`bulleted` says whether it had one); nothing
  /// when the piece is empty or, unbulleted, continues the open item (then joined to it).
  std::optional<std::string> new_item(const std::string& piece, bool& bulleted) {
    const auto bullet = bullet_item(piece);
    bulleted = bullet.has_value();
    std::string item = bullet ? *bullet : piece;
    if (item.empty())
      return std::nullopt;
    if (!bullet && continues_item(item)) {
      join_to_item(item);
      return std::nullopt;
    }
    return item;
  }

  void read_competence_piece(const std::string& piece, int line) {
    static const std::regex numbered(R"(^Competentie\s+\d+\s*:?\s*(.*)$)", std::regex::icase);
    if (is_competence_group(piece)) {
      groups_.push_back({piece, line});
      group_ = piece;
      item_open_ = false;
      return;
    }
    if (is_knowledge_marker(piece)) {
      emit(" \xE2\x80\xA2 met inbegrip van kennis:", line);
      item_open_ = false;
      return;
    }
    bool bulleted = false;
    const auto next = new_item(piece, bulleted);
    if (!next)
      return;
    const std::string& item = *next;
    if (!bulleted && expect_title_) {
      emit("  " + item, line);  // the title under "Competentie N:"
      expect_title_ = false;
      return;
    }
    std::smatch match;
    if (std::regex_match(item, match, numbered)) {
      ++competences_;
      grouped_.emplace_back(competences_, group_);
      emit(" \xE2\x80\xA2 " + item, line);
      expect_title_ = match.str(1).empty();
      item_open_ = !expect_title_;
      return;
    }
    if (auto coded = coded_competence(item)) {
      const std::string number = std::to_string(++competences_);
      codes_.emplace_back(competences_, coded->code);
      grouped_.emplace_back(competences_, group_);
      emit_item(" \xE2\x80\xA2 Competentie " + number + ": " + coded->title, item, line);
      return;
    }
    emit_item("  \xE2\x80\xA2 " + item, item, line);
  }

  void read_list_piece(const std::string& piece, int line) {
    bool bulleted = false;
    const auto next = new_item(piece, bulleted);
    if (!next)
      return;
    const std::string& item = *next;
    emit_item(" \xE2\x80\xA2 " + item, item, line);
  }

  void emit(std::string line, int origin) {
    out_.push_back(std::move(line));
    origin_.push_back(origin);
  }

  // --- the code ----------------------------------------------------------------------------------

  void find_code() {
    if (!code_.empty())
      return;
    static const std::regex in_name(R"(BK-\d{4}-\d+)");
    const auto slash = file_.find_last_of("/\\");
    const std::string base = slash == std::string::npos ? file_ : file_.substr(slash + 1);
    std::smatch match;
    if (!std::regex_search(base, match, in_name)) {
      throw Error(ErrorCode::parse_error,
                  std::string("no qualification code: this ") + layout_name(layout_) +
                      " names none; put it on a line of its own before the first section "
                      "(\"BK-0338-1\") or in the file name (\"BK-0338-1-….txt\")",
                  {file_, 0, "code"});
    }
    code_ = match.str();
    notes_.push_back({ReportNote::Kind::decision,
                      "the page names no code; " + code_ + " is taken from the file name",
                      {file_, 0, "code"}});
  }

  // --- the modern rendering, read by the AKOV parser ---------------------------------------------

  /// The modern line's source line: notes and errors name the page's own lines.
  int source_line(int modern_line) const {
    if (modern_line <= 0)
      return modern_line;
    if (modern_line == 1)
      return code_line_;
    const auto index = static_cast<std::size_t>(modern_line - 2);
    if (origin_.empty())
      return code_line_;
    // Past the rendering's last line (where a cut-off page is found to end): the page's end.
    return index < origin_.size() ? origin_[index] : last_line_;
  }

  ParseResult parse_rendering() {
    std::string modern = code_ + '\n';
    for (const auto& line : out_)
      modern += line + '\n';
    try {
      ParseResult result = parse_akov_bk(modern, file_);
      for (auto& note : result.notes)
        note.where.line = source_line(note.where.line);
      return result;
    } catch (const Error& e) {
      Location where = e.where();
      where.line = source_line(where.line);
      throw Error(e.code(), e.message(), where);
    }
  }

  // --- what the modern layout has no place for ---------------------------------------------------

  void finish(ParseResult& result) {
    auto& q = std::get<model::Qualification>(result.documents.at(0));
    std::vector<std::string> kept;
    for (const auto& [piece, line] : preamble_) {
      if (piece == q.title)
        continue;  // the title above the sections, as on the modern page
      kept.push_back(piece);
      notes_.push_back({ReportNote::Kind::decision,
                        "the line above the first section is kept as the raw section \"Kop\"",
                        {file_, line, ""}});
    }
    if (!kept.empty())
      q.raw_sections.push_back({"Kop", kept});
    if (withdrawn_) {
      q.withdrawn = true;
      q.raw_sections.push_back({"Opheffing", repeal_lines_});
      notes_.push_back({ReportNote::Kind::decision,
                        "the page says the qualification was repealed (\"opgeheven\"): " + q.id +
                            " imported as withdrawn",
                        {file_, repeal_line_, "withdrawn"}});
    }
    if (!codes_.empty()) {
      for (const auto& [number, code] : codes_) {
        for (auto& c : q.competences) {
          if (c.number == number)
            c.code = code;
        }
      }
      notes_.push_back({ReportNote::Kind::decision,
                        "the competence codes \"(co …)\" are not part of the titles; each is the "
                        "code of its competence",
                        {file_, 0, "competences"}});
    }
    for (const auto& [number, group] : grouped_) {
      for (auto& c : q.competences) {
        if (c.number == number)
          c.group = group;
      }
    }
    for (const auto& [group, line] : groups_) {
      notes_.push_back({ReportNote::Kind::decision,
                        "the grouping heading \"" + group +
                            "\" is the group of the competences under it; they are numbered on "
                            "across groups",
                        {file_, line, "competences"}});
    }
    add_layout_notes();
    result.notes.insert(result.notes.end(), notes_.begin(), notes_.end());
  }

  void add_layout_notes() {
    notes_.insert(notes_.begin(),
                  {ReportNote::Kind::info,
                   std::string("read as a ") + layout_name(layout_) + " (an older BK layout)",
                   {file_, 0, ""}});
    if (!flattened_lines_.empty()) {
      notes_.push_back({ReportNote::Kind::decision,
                        "the page is flattened: its lines are split at numbered headings, "
                        "bullets and competence codes",
                        {file_, flattened_lines_.front(), ""}});
    }
    if (joined_ > 0) {
      notes_.push_back(
          {ReportNote::Kind::decision,
           std::to_string(joined_) + " wrapped line(s) without a bullet joined to the item above",
           {file_, 0, ""}});
    }
    if (rules_ > 0) {
      notes_.push_back({ReportNote::Kind::decision,
                        std::to_string(rules_) + " rule line(s) (\"////\") skipped",
                        {file_, 0, ""}});
    }
  }

  std::string_view text_;
  std::string file_;
  OlderLayout layout_;
  std::vector<ReportNote> notes_;

  std::vector<std::string> out_;  // the modern rendering, without its code line
  std::vector<int> origin_;       // the page's line of each of them
  int last_line_ = 0;

  bool in_preamble_ = true;
  std::vector<std::pair<std::string, int>> preamble_;
  std::string code_;
  int code_line_ = 0;
  bool withdrawn_ = false;
  std::vector<std::string> repeal_lines_;
  int repeal_line_ = 0;

  OlderSection section_ = OlderSection::group;
  bool item_open_ = false;
  bool expect_title_ = false;
  std::size_t last_piece_size_ = 0;
  int competences_ = 0;
  std::vector<std::pair<int, std::string>> codes_;  // competence number, its code
  std::vector<std::pair<std::string, int>> groups_;
  std::string group_;                                 // the group heading above, as written
  std::vector<std::pair<int, std::string>> grouped_;  // competence number, its group

  std::vector<int> flattened_lines_;
  int joined_ = 0;
  int rules_ = 0;
};

}  // namespace

ParseResult parse_older_layout(std::string_view text, const std::string& file_name,
                               OlderLayout layout) {
  return OlderReader(text, file_name, layout).read();
}

bool head_opens_with_globaal_then(std::string_view text, const std::regex& title_heading) {
  static const std::regex globaal(R"((^|\s)1\.\s+GLOBAAL(\s|$))", std::regex::icase);
  const std::string head(text.substr(0, 8192));
  std::smatch first;
  if (!std::regex_search(head, first, globaal))
    return false;
  const std::string after = first.suffix();
  return std::regex_search(after, title_heading);
}

}  // namespace vakkaart::sources::akov
