#pragma once

#include <string>
#include <vector>

#include "model/qualification.h"

namespace vakkaart::exchange {

/// A footnote as the exports write it: its mark, a space, its text ("* Ook tegenover de eigen
/// organisatie."), so a reader can match it to the mark the marked text keeps.
std::string footnote_note(const model::Footnote& footnote);

/// The path of a competence's title, activity or knowledge item in the canonical JSON (what a
/// footnote's `referenced_at` names): "competences[2].title", "competences[2].activities[0]",
/// "competences[2].knowledge[1]".
std::string competence_title_path(std::size_t competence);
std::string competence_activity_path(std::size_t competence, std::size_t activity);
std::string competence_knowledge_path(std::size_t competence, std::size_t knowledge);

/// The footnotes referenced at `path`, each as footnote_note, in page order.
std::vector<std::string> footnotes_at(const model::Qualification& q, const std::string& path);

/// The footnotes the exports cannot hang on a node of their own: those referenced at a text that
/// is no competence, activity or knowledge item of `q` (the definition, the scope, the context,
/// …) or at no text at all. The exports put them on the qualification as a whole, so none is
/// lost; a footnote referenced both there and at an item is written at both.
std::vector<const model::Footnote*> footnotes_off_items(const model::Qualification& q);

/// Joins texts with '\n' ("" for none).
std::string join_lines(const std::vector<std::string>& lines);

}  // namespace vakkaart::exchange
