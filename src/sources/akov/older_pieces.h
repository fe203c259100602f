#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::sources::akov {

/// What the lines under a heading of an older BK layout are, for joining and bullets.
enum class OlderSection {
  group,        // a heading that only groups others ("1. GLOBAAL", "3. CONTEXT")
  free_text,    // title, definition, level, year, certificates: lines joined by the parser
  competences,  // "2.1 Opsomming competenties"
  list,         // descriptor lists, contexts, autonomy, responsibility: one item per bullet
  unknown,      // a numbered heading we do not know ("1.3 EXTRA UITLEG"): kept as a raw section
};

/// A heading of an older layout and the modern heading it stands for.
struct OlderHeading {
  /// The modern layout's heading ("Jaar van erkenning" for "d. Jaartal"); empty when the modern
  /// layout has none ("3. CONTEXT" only groups "Omgevingscontext" and "Handelingscontext"), and
  /// the heading text without its number for an unknown heading.
  std::string modern;
  OlderSection section;
};

/// The heading a piece of text is, with or without its number ("2.1 Opsomming competenties",
/// "a. Titel", "1.1 TITEL", "OPSOMMING COMPETENTIES"); nullopt for anything else. A numbered
/// short line without final punctuation that names no known heading is an unknown heading.
std::optional<OlderHeading> older_heading(std::string_view piece);

/// The pieces of one line: the line itself, or, when a page was flattened onto one line, the
/// parts between its numbered headings, bullets ("•", Word's symbol bullets; on a line with two
/// numbered headings or more also " o ", " - " and " – " before a capital), grouping words
/// ("BASISACTIVITEITEN"), "met inbegrip van kennis:", around "////" rules and after each
/// "(co 01310)" code. Each piece is trimmed; empty pieces are left out.
std::vector<std::string> split_pieces(std::string_view line);

/// "• text", "o text", "- text", "\uF0B7 text" -> "text"; nullopt when the piece is no bullet.
std::optional<std::string> bullet_item(std::string_view piece);

/// "BASISACTIVITEITEN", "SPECIFIEKE ACTIVITEITEN": groups of competences in the decree annexes.
bool is_competence_group(std::string_view piece);

/// "met inbegrip van kennis:", "Met inbegrip van de kennis van:".
bool is_knowledge_marker(std::string_view piece);

/// A competence title with its code: "Werkt in teamverband (co 01310)" -> {title, "co 01310"}
/// (the code as written inside its brackets, its spaces collapsed).
struct CodedTitle {
  std::string title;
  std::string code;
};
std::optional<CodedTitle> coded_competence(std::string_view item);

/// A rule drawn with characters: "//////////", "-----", "_____", "=====".
bool is_rule(std::string_view piece);

}  // namespace vakkaart::sources::akov
