#include "store/sql/sql_qualification_parts.h"

#include <string>
#include <vector>

namespace vakkaart::store::sql {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> split_lines(const std::string& body) {
  std::vector<std::string> out;
  if (body.empty())
    return out;
  std::size_t start = 0;
  for (auto nl = body.find('\n'); nl != std::string::npos; nl = body.find('\n', start)) {
    out.push_back(body.substr(start, nl - start));
    start = nl + 1;
  }
  out.push_back(body.substr(start));
  return out;
}

void insert_partials(Db& db, const model::Qualification& q) {
  Stmt partial = db.prepare(
      "INSERT INTO partial_qualifications(qualification_id, position, code, title) VALUES "
      "(?,?,?,?)");
  Stmt member = db.prepare(
      "INSERT INTO partial_qualification_competences(qualification_id, partial_position, "
      "position, competence_number) VALUES (?,?,?,?)");
  for (std::size_t i = 0; i < q.partial_qualifications.size(); ++i) {
    const auto& p = q.partial_qualifications[i];
    partial.bind(1, q.id).bind(2, static_cast<int>(i)).bind(3, p.code).bind(4, p.title).run();
    for (std::size_t n = 0; n < p.competences.size(); ++n)
      member.bind(1, q.id)
          .bind(2, static_cast<int>(i))
          .bind(3, static_cast<int>(n))
          .bind(4, p.competences[n])
          .run();
  }
}

}  // namespace

void insert_qualification_parts(Db& db, const model::Qualification& q) {
  if (!q.scope.empty())
    db.prepare("UPDATE qualifications SET scope = ? WHERE id = ?")
        .bind(1, q.scope)
        .bind(2, q.id)
        .run();
  if (!q.title_references.empty()) {
    Stmt ref = db.prepare(
        "INSERT INTO title_references(qualification_id, position, kind, code, name, title_used, "
        "note) VALUES (?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < q.title_references.size(); ++i) {
      const auto& r = q.title_references[i];
      ref.bind(1, q.id)
          .bind(2, static_cast<int>(i))
          .bind(3, model::to_string(r.kind))
          .bind(4, r.code)
          .bind(5, r.name)
          .bind(6, r.title_used ? 1 : 0)
          .bind(7, r.note)
          .run();
    }
  }
  if (!q.partial_qualifications.empty())
    insert_partials(db, q);
  if (!q.footnotes.empty()) {
    Stmt note = db.prepare(
        "INSERT INTO footnotes(qualification_id, position, mark, body, referenced_at) VALUES "
        "(?,?,?,?,?)");
    for (std::size_t i = 0; i < q.footnotes.size(); ++i) {
      const auto& f = q.footnotes[i];
      note.bind(1, q.id)
          .bind(2, static_cast<int>(i))
          .bind(3, f.mark)
          .bind(4, f.text)
          .bind(5, join_lines(f.referenced_at))
          .run();
    }
  }
}

void load_qualification_parts(Db& db, model::Qualification& q) {
  Stmt scope = db.prepare("SELECT scope FROM qualifications WHERE id = ?");
  scope.bind(1, q.id);
  if (scope.step())
    q.scope = scope.text(0);
  Stmt refs = db.prepare(
      "SELECT kind, code, name, title_used, note FROM title_references WHERE qualification_id = "
      "? ORDER BY position");
  refs.bind(1, q.id);
  while (refs.step()) {
    q.title_references.push_back({model::reference_kind_from_string(refs.text(0))
                                      .value_or(model::ReferenceKind::competent_fiche),
                                  refs.text(1), refs.text(2), refs.integer(3) != 0, refs.text(4)});
  }
  Stmt partials = db.prepare(
      "SELECT code, title FROM partial_qualifications WHERE qualification_id = ? ORDER BY "
      "position");
  partials.bind(1, q.id);
  while (partials.step())
    q.partial_qualifications.push_back({partials.text(0), partials.text(1), {}});
  if (!q.partial_qualifications.empty()) {
    Stmt members = db.prepare(
        "SELECT partial_position, competence_number FROM partial_qualification_competences "
        "WHERE qualification_id = ? ORDER BY partial_position, position");
    members.bind(1, q.id);
    while (members.step()) {
      const auto at = static_cast<std::size_t>(members.integer(0));
      if (at < q.partial_qualifications.size())
        q.partial_qualifications[at].competences.push_back(members.integer(1));
    }
  }
  Stmt notes = db.prepare(
      "SELECT mark, body, referenced_at FROM footnotes WHERE qualification_id = ? ORDER BY "
      "position");
  notes.bind(1, q.id);
  while (notes.step())
    q.footnotes.push_back({notes.text(0), notes.text(1), split_lines(notes.text(2))});
}

}  // namespace vakkaart::store::sql
