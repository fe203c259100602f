#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/qualification.h"

namespace vakkaart::sources::akov {

/// A line that may define a footnote: "* text", "*text", "** text", "(1) text".
struct FootnoteLine {
  std::string mark;  // "*", "**", "(1)"
  std::string text;
};
std::optional<FootnoteLine> footnote_line(std::string_view line);

/// Whether `text` carries `mark`: "(1)" anywhere; for asterisks, a run of exactly as many.
bool carries_mark(std::string_view text, std::string_view mark);

/// Links footnotes to the texts that carry their mark. The parser tells it every place it keeps
/// a text at (a path into the canonical JSON); a footnote claims the places since the previous
/// footnote with the same mark, so a page may reuse "*" for another footnote further down.
class FootnoteLinker {
 public:
  void saw_place(const std::string& path);

  /// Whether a text kept so far, not yet claimed by a footnote with this mark, carries it: only
  /// then is a line such as "* …" a footnote rather than a bullet.
  bool referenced(const model::Qualification& q, const std::string& mark) const;

  /// Adds the footnote to `q`, linked to the places that carry its mark.
  void add(model::Qualification& q, FootnoteLine line);

  /// Whether `line` repeats the first line of a footnote already kept (a page may print the
  /// footnote again under a later section).
  static bool repeats(const model::Qualification& q, const FootnoteLine& line);

 private:
  std::vector<std::string> unclaimed(const model::Qualification& q, const std::string& mark) const;

  std::vector<std::string> places_;
  std::map<std::string, std::size_t> claimed_upto_;  // by mark: places before this index
};

}  // namespace vakkaart::sources::akov
