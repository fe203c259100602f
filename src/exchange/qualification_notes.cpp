#include "exchange/qualification_notes.h"

namespace vakkaart::exchange {

namespace {

bool notes_path_is_item(const model::Qualification& q, const std::string& path) {
  return path.rfind("competences[", 0) == 0 && model::text_at(q, path) != nullptr;
}

}  // namespace

std::string footnote_note(const model::Footnote& footnote) {
  return footnote.mark + " " + footnote.text;
}

std::string competence_title_path(std::size_t competence) {
  return "competences[" + std::to_string(competence) + "].title";
}

std::string competence_activity_path(std::size_t competence, std::size_t activity) {
  return "competences[" + std::to_string(competence) + "].activities[" + std::to_string(activity) +
         "]";
}

std::string competence_knowledge_path(std::size_t competence, std::size_t knowledge) {
  return "competences[" + std::to_string(competence) + "].knowledge[" + std::to_string(knowledge) +
         "]";
}

std::vector<std::string> footnotes_at(const model::Qualification& q, const std::string& path) {
  std::vector<std::string> out;
  for (const model::Footnote& f : q.footnotes)
    for (const std::string& at : f.referenced_at)
      if (at == path) {
        out.push_back(footnote_note(f));
        break;
      }
  return out;
}

std::vector<const model::Footnote*> footnotes_off_items(const model::Qualification& q) {
  std::vector<const model::Footnote*> out;
  for (const model::Footnote& f : q.footnotes) {
    bool off = f.referenced_at.empty();
    for (const std::string& at : f.referenced_at)
      off = off || !notes_path_is_item(q, at);
    if (off)
      out.push_back(&f);
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += (i == 0 ? "" : "\n") + lines[i];
  return out;
}

}  // namespace vakkaart::exchange
