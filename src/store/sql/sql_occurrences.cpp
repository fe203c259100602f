// Statement occurrences: the flat view of the store that search indexes.
#include <algorithm>
#include <functional>
#include <map>

#include "store/sql/db.h"
#include "store/sql/sql_store.h"

namespace vakkaart::store::sql {

namespace {

// Columns shared by the framework-side queries: s.id, s.text, p.framework_id, p.id, p.title,
// c.layer_id, c.id, c.title, main title, main position.
const char* const kFrameworkColumns =
    "p.framework_id, p.id, p.title, c.layer_id, c.id, c.title, mt.text, "
    "(SELECT COUNT(*) FROM main_activities m2 WHERE m2.profile_id = m.profile_id AND "
    "m2.cluster_id = m.cluster_id AND m2.position <= m.position) ";
const char* const kFrameworkJoins =
    "JOIN profiles p ON p.id = m.profile_id "
    "JOIN clusters c ON c.framework_id = m.framework_id AND c.id = m.cluster_id "
    "LEFT JOIN statements mt ON mt.id = m.title_id ";

void read_framework_side(Stmt& q, std::vector<StatementOccurrence>& out,
                         const std::string& fixed_kind) {
  while (q.step()) {
    StatementOccurrence o;
    o.statement_id = q.int64(0);
    o.text = q.text(1);
    o.kind = fixed_kind.empty() ? q.text(2) : fixed_kind;
    o.framework_id = q.text(3);
    o.profile_id = q.text(4);
    o.profile_title = q.text(5);
    o.layer_id = q.text(6);
    o.cluster_id = q.text(7);
    o.cluster_title = q.text(8);
    o.main_activity_title = q.opt_text(9);
    o.main_activity_position = q.integer(10);
    out.push_back(std::move(o));
  }
}

const char* const kQualificationColumns = "q.id, q.title, q.level_vks ";

void read_qualification_side(Stmt& q, std::vector<StatementOccurrence>& out, bool has_competence,
                             bool has_detail) {
  while (q.step()) {
    StatementOccurrence o;
    o.statement_id = q.int64(0);
    o.text = q.text(1);
    o.kind = q.text(2);
    o.qualification_id = q.text(3);
    o.qualification_title = q.text(4);
    o.vks = q.opt_int(5);
    int col = 6;
    if (has_competence) {
      o.competence_number = q.integer(col++);
      o.competence_title = q.text(col++);
    }
    if (has_detail)
      o.detail = q.opt_text(col).value_or("");
    out.push_back(std::move(o));
  }
}

/// Issue 18: gives each framework-side occurrence the translations its text has in its
/// framework (a statement's labels, found by text: the index holds distinct statements).
void attach_labels(const std::vector<model::Framework>& frameworks,
                   std::vector<StatementOccurrence>& out) {
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> found;
  for (const model::Framework& f : frameworks) {
    auto add = [&](const std::string& text, const model::Labels& labels) {
      for (const auto& entry : labels)
        found[{f.id, text}].push_back(entry.second);
    };
    std::function<void(const std::vector<model::Activity>&)> walk =
        [&](const std::vector<model::Activity>& activities) {
          for (const model::Activity& a : activities) {
            add(a.text, a.labels);
            walk(a.children);
          }
        };
    for (const model::Profile& p : f.profiles) {
      add(p.definition, p.definition_labels);
      for (const model::ProfileCluster& pc : p.clusters)
        for (const model::MainActivity& ma : pc.main_activities) {
          if (ma.title)
            add(*ma.title, ma.title_labels);
          walk(ma.activities);
        }
    }
  }
  if (found.empty())
    return;
  for (StatementOccurrence& o : out) {
    if (o.framework_id.empty())
      continue;
    if (auto it = found.find({o.framework_id, o.text}); it != found.end())
      o.labels = it->second;
  }
}

}  // namespace

std::vector<StatementOccurrence> SqlStore::statement_occurrences() {
  std::vector<StatementOccurrence> out;
  Db& db = *db_;
  {
    Stmt q = db.prepare(
        "SELECT s.id, s.text, 'definition', p.framework_id, p.id, p.title, '', '', '', NULL, 0 "
        "FROM profiles p JOIN statements s ON s.id = p.definition_id");
    read_framework_side(q, out, "");
  }
  {
    Stmt q =
        db.prepare(std::string("SELECT mt.id, mt.text, 'main_activity', ") + kFrameworkColumns +
                   "FROM main_activities m " + kFrameworkJoins + "WHERE m.title_id IS NOT NULL");
    read_framework_side(q, out, "");
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, CASE WHEN a.parent_id IS NULL THEN "
                                    "'activity' ELSE 'sub_activity' END, ") +
                        kFrameworkColumns +
                        "FROM profile_activities a JOIN statements s ON s.id = a.statement_id "
                        "JOIN main_activities m ON m.id = a.main_activity_id " +
                        kFrameworkJoins);
    read_framework_side(q, out, "");
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, 'definition', ") + kQualificationColumns +
                        "FROM qualifications q JOIN statements s ON s.id = q.definition_id");
    read_qualification_side(q, out, false, false);
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, 'competence', ") + kQualificationColumns +
                        ", c.number, s.text FROM competences c JOIN qualifications q ON q.id = "
                        "c.qualification_id JOIN statements s ON s.id = c.title_id");
    read_qualification_side(q, out, true, false);
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, 'competence_activity', ") +
                        kQualificationColumns +
                        ", c.number, ct.text, a.descriptor FROM competence_activities a "
                        "JOIN competences c ON c.id = a.competence_id "
                        "JOIN qualifications q ON q.id = c.qualification_id "
                        "JOIN statements s ON s.id = a.statement_id "
                        "JOIN statements ct ON ct.id = c.title_id");
    read_qualification_side(q, out, true, true);
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, 'knowledge', ") + kQualificationColumns +
                        ", c.number, ct.text, k.kind FROM competence_knowledge k "
                        "JOIN competences c ON c.id = k.competence_id "
                        "JOIN qualifications q ON q.id = c.qualification_id "
                        "JOIN statements s ON s.id = k.statement_id "
                        "JOIN statements ct ON ct.id = c.title_id");
    read_qualification_side(q, out, true, true);
  }
  {
    Stmt q = db.prepare(std::string("SELECT s.id, s.text, l.section, ") + kQualificationColumns +
                        "FROM qualification_lines l JOIN qualifications q ON q.id = "
                        "l.qualification_id JOIN statements s ON s.id = l.statement_id");
    read_qualification_side(q, out, false, false);
  }
  std::vector<model::Framework> labelled;
  {
    Stmt q = db.prepare("SELECT DISTINCT framework_id FROM labels");
    std::vector<std::string> ids;
    while (q.step())
      ids.push_back(q.text(0));
    for (const std::string& id : ids)
      if (auto f = load_framework(id, true))
        labelled.push_back(std::move(*f));
  }
  attach_labels(labelled, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.statement_id < b.statement_id; });
  return out;
}

std::string SqlStore::content_version() {
  Stmt q = db_->prepare("SELECT value FROM store_meta WHERE key = 'content_version'");
  return q.step() ? q.text(0) : "0";
}

}  // namespace vakkaart::store::sql
