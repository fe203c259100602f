#include "store/sql/sql_store.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <unordered_map>

#include "core/error.h"
#include "model/document.h"
#include "store/migrations.h"
#include "store/sql/case_origin_json.h"
#include "store/sql/db.h"
#include "store/sql/row_batch.h"
#include "store/sql/sql_accounts.h"
#include "store/sql/sql_function_history.h"
#include "store/sql/sql_labels.h"
#include "store/sql/sql_qualification_parts.h"
#include "store/sql/statement_interner.h"
#include "store/sqlite/sqlite_db.h"

namespace vakkaart::store::sql {

namespace {

// The qualification lists stored in qualification_lines, by section name.
const char* const kEnvironment = "environment_context";
const char* const kAction = "action_context";
const char* const kIndependent = "independent_in";
const char* const kBound = "bound_to";
const char* const kRelies = "relies_on";
const char* const kResponsibility = "responsibility";

// The effective current version of a code: the highest version whose document says it is
// current, or else the highest version not withdrawn, or else the highest version. Documents
// keep their own claim; this is derived.
const char* const kEffectiveCurrent =
    "(q.version = COALESCE((SELECT MAX(q2.version) FROM qualifications q2 "
    "WHERE q2.code = q.code AND q2.current = 1), "
    "(SELECT MAX(q4.version) FROM qualifications q4 WHERE q4.code = q.code AND q4.withdrawn = 0), "
    "(SELECT MAX(q3.version) FROM qualifications q3 WHERE q3.code = q.code)))";

}  // namespace

/// The writes of one put_documents transaction: hands out ids and reuses statement rows.
class SqlStore::Writer {
 public:
  explicit Writer(Db& db) : db_(db) {
    next_main_ = max_id("main_activities") + 1;
    next_activity_ = max_id("profile_activities") + 1;
    next_competence_ = max_id("competences") + 1;
  }

  int64_t statement(const std::string& text) { return statements_.id_of(text); }

  void insert_framework(const model::Framework& f) {
    statements_.intern_all(model::statement_texts(f));
    db_.prepare("INSERT INTO frameworks(id, title, date, case_origin) VALUES (?, ?, ?, ?)")
        .bind(1, f.id)
        .bind(2, f.title)
        .bind(3, f.date)
        .bind(4, case_origin_to_text(f.case_origin))
        .run();
    Stmt layer =
        db_.prepare("INSERT INTO layers(framework_id, id, position, title) VALUES (?,?,?,?)");
    for (size_t i = 0; i < f.layers.size(); ++i)
      layer.bind(1, f.id)
          .bind(2, f.layers[i].id)
          .bind(3, static_cast<int>(i))
          .bind(4, f.layers[i].title)
          .run();
    Stmt cluster = db_.prepare(
        "INSERT INTO clusters(framework_id, id, layer_id, position, title) VALUES (?,?,?,?,?)");
    for (size_t i = 0; i < f.clusters.size(); ++i) {
      const auto& c = f.clusters[i];
      cluster.bind(1, f.id)
          .bind(2, c.id)
          .bind(3, c.layer_id)
          .bind(4, static_cast<int>(i))
          .bind(5, c.title)
          .run();
    }
    Stmt owner = db_.prepare("SELECT framework_id FROM profiles WHERE id = ?");
    Stmt profile = db_.prepare(
        "INSERT INTO profiles(id, framework_id, position, title, definition_id) VALUES "
        "(?,?,?,?,?)");
    RowBatch& main = main_activity_rows_;
    RowBatch& activity = profile_activity_rows_;
    for (size_t p = 0; p < f.profiles.size(); ++p) {
      const auto& pr = f.profiles[p];
      owner.bind(1, pr.id);
      if (owner.step()) {
        std::string other = owner.text(0);
        owner.reset();
        throw Error(ErrorCode::conflict,
                    "profile id '" + pr.id + "' already belongs to framework '" + other + "'",
                    {"", 0, "profiles"});
      }
      owner.reset();
      profile.bind(1, pr.id).bind(2, f.id).bind(3, static_cast<int>(p)).bind(4, pr.title);
      profile.bind(5, statement(pr.definition)).run();
      int position = 0;
      for (const auto& pc : pr.clusters) {
        if (!f.find_cluster(pc.cluster_id))
          throw Error(ErrorCode::invalid_argument,
                      "profile '" + pr.id + "' uses unknown cluster '" + pc.cluster_id + "'",
                      {"", 0, "clusters"});
        for (const auto& ma : pc.main_activities) {
          int64_t ma_id = next_main_++;
          main.add(ma_id).add(pr.id).add(f.id).add(pc.cluster_id).add(position++);
          if (ma.title)
            main.add(statement(*ma.title));
          else
            main.add_null();
          int act_position = 0;
          // A parent is added before its children, so it is inserted first (RowBatch keeps
          // the order).
          std::function<void(const model::Activity&, std::optional<int64_t>)> put =
              [&](const model::Activity& a, std::optional<int64_t> parent) {
                int64_t id = next_activity_++;
                activity.add(id).add(ma_id).add(parent).add(act_position++);
                activity.add(statement(a.text));
                for (const auto& c : a.children)
                  put(c, id);
              };
          for (const auto& a : ma.activities)
            put(a, std::nullopt);
        }
      }
    }
    main.flush();  // before the activities that refer to them
    activity.flush();
  }

  void insert_qualification(const model::Qualification& q) {
    statements_.intern_all(model::statement_texts(q));
    Stmt& ins = insert_qualification_row_;
    ins.bind(1, q.id)
        .bind(2, q.code)
        .bind(3, q.version)
        .bind(4, q.current ? 1 : 0)
        .bind(5, q.title);
    ins.bind(6, statement(q.definition)).bind(7, q.level.vks).bind(8, q.level.eqf);
    ins.bind(9, q.recognition).bind(10, q.year).bind(11, q.certificates);
    ins.bind(12, q.withdrawn ? 1 : 0).run();
    RowBatch& comp = competence_rows_;
    RowBatch& act = competence_activity_rows_;
    RowBatch& know = competence_knowledge_rows_;
    for (size_t i = 0; i < q.competences.size(); ++i) {
      const auto& c = q.competences[i];
      int64_t cid = next_competence_++;
      comp.add(cid).add(q.id).add(c.number).add(static_cast<int>(i)).add(statement(c.title));
      comp.add(c.code).add(c.group);
      for (size_t a = 0; a < c.activities.size(); ++a) {
        const auto& x = c.activities[a];
        act.add(cid).add(static_cast<int>(a)).add(statement(x.text));
        if (x.descriptor)
          act.add(model::to_string(*x.descriptor));
        else
          act.add_null();
      }
      for (size_t k = 0; k < c.knowledge.size(); ++k) {
        const auto& x = c.knowledge[k];
        know.add(cid).add(static_cast<int>(k)).add(statement(x.text));
        if (x.kind)
          know.add(model::to_string(*x.kind));
        else
          know.add_null();
      }
    }
    comp.flush();  // before the rows that refer to the competences
    act.flush();
    know.flush();
    RowBatch& line = qualification_line_rows_;
    auto lines = [&](const char* section, const std::vector<std::string>& items) {
      for (size_t i = 0; i < items.size(); ++i)
        line.add(q.id).add(section).add(static_cast<int>(i)).add(statement(items[i]));
    };
    lines(kEnvironment, q.environment_context);
    lines(kAction, q.action_context);
    lines(kIndependent, q.autonomy.independent_in);
    lines(kBound, q.autonomy.bound_to);
    lines(kRelies, q.autonomy.relies_on);
    lines(kResponsibility, q.responsibility);
    line.flush();
    Stmt& raw = insert_raw_section_;
    for (size_t i = 0; i < q.raw_sections.size(); ++i) {
      std::string body;
      for (const auto& l : q.raw_sections[i].lines)
        body += (body.empty() ? "" : "\n") + l;
      raw.bind(1, q.id)
          .bind(2, static_cast<int>(i))
          .bind(3, q.raw_sections[i].title)
          .bind(4, body)
          .run();
    }
    insert_qualification_parts(db_, q);
  }

  /// Statements nothing refers to any more (after a replacement) are removed.
  void drop_orphan_statements() {
    db_.exec(
        "DELETE FROM statements WHERE id NOT IN ("
        "SELECT definition_id FROM profiles WHERE definition_id IS NOT NULL "
        "UNION SELECT title_id FROM main_activities WHERE title_id IS NOT NULL "
        "UNION SELECT statement_id FROM profile_activities "
        "UNION SELECT definition_id FROM qualifications WHERE definition_id IS NOT NULL "
        "UNION SELECT title_id FROM competences "
        "UNION SELECT statement_id FROM competence_activities "
        "UNION SELECT statement_id FROM competence_knowledge "
        "UNION SELECT statement_id FROM qualification_lines)");
    statements_.clear();
  }

 private:
  int64_t max_id(const char* table) {
    Stmt s = db_.prepare(std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table);
    s.step();
    return s.int64(0);
  }

  Db& db_;
  StatementInterner statements_{db_};
  // Prepared once per transaction: a bulk import stores thousands of qualifications.
  Stmt insert_qualification_row_{db_.prepare(
      "INSERT INTO qualifications(id, code, version, current, title, definition_id, level_vks, "
      "level_eqf, recognition, year, certificates, withdrawn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")};
  // Kept for the transaction, so each prepares its full-size INSERT once.
  RowBatch main_activity_rows_{
      db_, "main_activities(id, profile_id, framework_id, cluster_id, position, title_id)", 6};
  RowBatch profile_activity_rows_{
      db_, "profile_activities(id, main_activity_id, parent_id, position, statement_id)", 5};
  RowBatch competence_rows_{
      db_, "competences(id, qualification_id, number, position, title_id, code, competence_group)",
      7};
  RowBatch competence_activity_rows_{
      db_, "competence_activities(competence_id, position, statement_id, descriptor)", 4};
  RowBatch competence_knowledge_rows_{
      db_, "competence_knowledge(competence_id, position, statement_id, kind)", 4};
  RowBatch qualification_line_rows_{
      db_, "qualification_lines(qualification_id, section, position, statement_id)", 4};
  Stmt insert_raw_section_{db_.prepare(
      "INSERT INTO raw_sections(qualification_id, position, title, body) VALUES (?,?,?,?)")};
  int64_t next_main_ = 1, next_activity_ = 1, next_competence_ = 1;
};

SqlStore::SqlStore(std::unique_ptr<Db> db, const std::vector<Migration>& migrations)
    : db_(std::move(db)) {
  migrate(migrations);
  convert_function_history(*db_);
  accounts_ = std::make_unique<SqlAccounts>(*db_);
}

SqlStore::~SqlStore() = default;

AccountStore& SqlStore::accounts() {
  return *accounts_;
}

void SqlStore::in_transaction(const std::function<void()>& body) {
  Transaction tx(*db_);
  body();
  tx.commit();
}

bool SqlStore::usable() const {
  return db_->usable();
}

int SqlStore::applied_migration() {
  if (!db_->has_table("schema_migrations"))
    return 0;
  Stmt max = db_->prepare("SELECT COALESCE(MAX(number), 0) FROM schema_migrations");
  max.step();
  return max.integer(0);
}

void SqlStore::migrate(const std::vector<Migration>& all) {
  int latest = all.empty() ? 0 : all.back().number;
  int applied = applied_migration();
  if (applied > latest)
    throw Error(ErrorCode::database_error,
                "the database was written by a newer vakkaart (schema " + std::to_string(applied) +
                    " > " + std::to_string(latest) + ")",
                {db_->name(), 0, ""});
  if (applied == latest)
    return;
  // No schema at all is no vakkaart database yet (an empty file, or another program's
  // database), not an old one: opened for writing it becomes one, for reading there is nothing.
  if (db_->read_only() && applied == 0)
    throw Error(ErrorCode::database_error,
                "not a vakkaart database (it has no vakkaart tables; an empty file?): import "
                "sources into it first",
                {db_->name(), 0, ""});
  if (db_->read_only())
    throw Error(ErrorCode::database_error,
                "the database schema is out of date and the database is read-only",
                {db_->name(), 0, ""});
  Transaction tx(*db_);
  // Several servers may start on one new database at once: the write lock orders them, and
  // each looks again once it holds it.
  applied = applied_migration();
  db_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL)");
  for (const auto& m : all) {
    if (m.number <= applied)
      continue;
    db_->exec(m.sql);
    db_->prepare("INSERT INTO schema_migrations(number, name) VALUES (?, ?)")
        .bind(1, m.number)
        .bind(2, m.name)
        .run();
  }
  tx.commit();
}

std::vector<PutResult> SqlStore::put_documents(const std::vector<model::Document>& docs) {
  std::vector<PutResult> results;
  Transaction tx(*db_);
  Writer writer(*db_);
  bool replaced_any = false;
  for (const auto& doc : docs) {
    PutResult r;
    if (const auto* f = std::get_if<model::Framework>(&doc)) {
      r.kind = "framework";
      r.id = f->id;
      auto existing = load_framework(f->id, true);
      if (existing && *existing == *f) {
        r.outcome = PutOutcome::unchanged;
      } else {
        if (existing) {
          db_->prepare("DELETE FROM frameworks WHERE id = ?").bind(1, f->id).run();
          r.outcome = PutOutcome::replaced;
          replaced_any = true;
        }
        writer.insert_framework(*f);
        insert_framework_labels(*db_, *f);
      }
    } else {
      const auto& q = std::get<model::Qualification>(doc);
      r.kind = "qualification";
      r.id = q.id;
      auto before = current_version_id(q.code);
      auto existing = load_qualification(q.id);
      if (existing && *existing == q) {
        r.outcome = PutOutcome::unchanged;
      } else {
        if (existing) {
          db_->prepare("DELETE FROM qualifications WHERE id = ?").bind(1, q.id).run();
          r.outcome = PutOutcome::replaced;
          replaced_any = true;
        }
        writer.insert_qualification(q);
      }
      auto after = current_version_id(q.code);
      if (before && after && *before != *after)
        r.notes.push_back(*before + " is kept but is no longer the current version of " + q.code +
                          "; " + *after + " is");
      if (q.current && after && *after != q.id)
        r.notes.push_back(q.id + " says it is current, but " + *after +
                          " is a newer current version: " + q.id + " is kept as an older version");
    }
    results.push_back(std::move(r));
  }
  if (replaced_any)
    writer.drop_orphan_statements();
  bool changed = std::any_of(results.begin(), results.end(),
                             [](const auto& r) { return r.outcome != PutOutcome::unchanged; });
  if (changed) {
    // Read-modify-write inside the write transaction: portable, and serialised by it.
    long long version = std::stoll(content_version());
    db_->prepare("UPDATE store_meta SET value = ? WHERE key = 'content_version'")
        .bind(1, std::to_string(version + 1))
        .run();
  }
  tx.commit();
  return results;
}

std::optional<std::string> SqlStore::current_version_id(const std::string& code) {
  Stmt s = db_->prepare(std::string("SELECT q.id FROM qualifications q WHERE q.code = ? AND ") +
                        kEffectiveCurrent);
  s.bind(1, code);
  if (s.step())
    return s.text(0);
  return std::nullopt;
}

std::vector<FrameworkSummary> SqlStore::list_frameworks() {
  std::vector<FrameworkSummary> out;
  Stmt s = db_->prepare(
      "SELECT f.id, f.title, f.date, "
      "(SELECT COUNT(*) FROM profiles p WHERE p.framework_id = f.id), "
      "(SELECT COUNT(*) FROM clusters c WHERE c.framework_id = f.id) "
      "FROM frameworks f ORDER BY f.id");
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3), s.integer(4)});
  return out;
}

std::vector<ProfileSummary> SqlStore::list_profiles() {
  std::vector<ProfileSummary> out;
  Stmt s = db_->prepare(
      "SELECT p.id, p.title, p.framework_id, "
      "(SELECT COUNT(*) FROM main_activities m WHERE m.profile_id = p.id), "
      "(SELECT COUNT(*) FROM profile_activities a JOIN main_activities m ON m.id = "
      "a.main_activity_id WHERE m.profile_id = p.id) "
      "FROM profiles p ORDER BY p.framework_id, p.position");
  while (s.step())
    out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3), s.integer(4)});
  // The titles' labels in one pass, so a list in the reader's language costs one query more.
  std::map<std::pair<std::string, std::string>, model::Labels> titles;
  Stmt labels = db_->prepare(
      "SELECT framework_id, element, language, text FROM labels WHERE element LIKE 'profile:%'");
  while (labels.step())
    titles[{labels.text(0), labels.text(1).substr(8)}][labels.text(2)] = labels.text(3);
  for (auto& p : out) {
    if (auto it = titles.find({p.framework_id, p.id}); it != titles.end())
      p.title_labels = std::move(it->second);
  }
  return out;
}

std::vector<QualificationSummary> SqlStore::list_qualifications() {
  std::vector<QualificationSummary> out;
  Stmt s = db_->prepare(std::string("SELECT q.id, q.code, q.version, ") + kEffectiveCurrent +
                        ", q.title, q.level_vks, q.level_eqf, "
                        "(SELECT COUNT(*) FROM competences c WHERE c.qualification_id = q.id), "
                        "q.withdrawn FROM qualifications q ORDER BY q.code, q.version");
  while (s.step()) {
    QualificationSummary q;
    q.id = s.text(0);
    q.code = s.text(1);
    q.version = s.integer(2);
    q.current = s.integer(3) != 0;
    q.title = s.text(4);
    q.level = {s.opt_int(5), s.opt_int(6)};
    q.competence_count = s.integer(7);
    q.withdrawn = s.integer(8) != 0;
    out.push_back(std::move(q));
  }
  return out;
}

std::optional<model::Framework> SqlStore::find_framework(const std::string& id) {
  return load_framework(id, true);
}

std::optional<model::Framework> SqlStore::load_framework(const std::string& id,
                                                         bool with_profiles) {
  Stmt f = db_->prepare("SELECT id, title, date, case_origin FROM frameworks WHERE id = ?");
  f.bind(1, id);
  if (!f.step())
    return std::nullopt;
  model::Framework fw;
  fw.id = f.text(0);
  fw.title = f.text(1);
  fw.date = f.text(2);
  fw.case_origin = case_origin_from_text(f.text(3));
  Stmt layers =
      db_->prepare("SELECT id, title FROM layers WHERE framework_id = ? ORDER BY position");
  layers.bind(1, id);
  while (layers.step())
    fw.layers.push_back({layers.text(0), layers.text(1)});
  Stmt clusters = db_->prepare(
      "SELECT id, layer_id, title FROM clusters WHERE framework_id = ? ORDER BY position");
  clusters.bind(1, id);
  while (clusters.step())
    fw.clusters.push_back({clusters.text(0), clusters.text(1), clusters.text(2)});
  const StoredLabels labels = load_framework_labels(*db_, id);
  apply_framework_own_labels(fw, labels);
  if (!with_profiles)
    return fw;
  Stmt profiles = db_->prepare(
      "SELECT p.id, p.title, s.text FROM profiles p LEFT JOIN statements s ON s.id = "
      "p.definition_id WHERE p.framework_id = ? ORDER BY p.position");
  profiles.bind(1, id);
  while (profiles.step()) {
    model::Profile p;
    p.id = profiles.text(0);
    p.title = profiles.text(1);
    p.framework_id = id;
    p.definition = profiles.text(2);
    fw.profiles.push_back(std::move(p));
  }
  for (auto& p : fw.profiles) {
    load_profile_content(p, fw);
    apply_profile_labels(p, labels);
  }
  return fw;
}

void SqlStore::load_profile_content(model::Profile& profile, const model::Framework& framework) {
  for (const auto& c : framework.clusters)
    profile.clusters.push_back({c.id, {}});
  std::unordered_map<int64_t, model::MainActivity*> mains;
  Stmt ms = db_->prepare(
      "SELECT m.id, m.cluster_id, s.text FROM main_activities m LEFT JOIN statements s ON s.id = "
      "m.title_id WHERE m.profile_id = ? ORDER BY m.position");
  ms.bind(1, profile.id);
  // Collect first: pointers into the vectors are only taken once they stop growing.
  std::vector<std::pair<int64_t, std::string>> order;
  while (ms.step()) {
    auto it = std::find_if(profile.clusters.begin(), profile.clusters.end(),
                           [&](const auto& pc) { return pc.cluster_id == ms.text(1); });
    if (it == profile.clusters.end())
      continue;
    it->main_activities.push_back({ms.opt_text(2), {}});
    order.emplace_back(ms.int64(0), it->cluster_id);
  }
  std::unordered_map<std::string, size_t> seen;
  for (const auto& entry : order) {
    const int64_t ma_id = entry.first;
    const std::string& cluster_id = entry.second;
    auto it = std::find_if(profile.clusters.begin(), profile.clusters.end(),
                           [&](const auto& pc) { return pc.cluster_id == cluster_id; });
    mains[ma_id] = &it->main_activities[seen[cluster_id]++];
  }
  struct Row {
    int64_t id;
    std::optional<int64_t> parent;
    std::string text;
  };
  std::unordered_map<int64_t, std::vector<Row>> rows_by_main;
  Stmt as = db_->prepare(
      "SELECT a.id, a.main_activity_id, a.parent_id, s.text FROM profile_activities a "
      "JOIN main_activities m ON m.id = a.main_activity_id JOIN statements s ON s.id = "
      "a.statement_id WHERE m.profile_id = ? ORDER BY a.main_activity_id, a.position");
  as.bind(1, profile.id);
  while (as.step())
    rows_by_main[as.int64(1)].push_back({as.int64(0), as.opt_int64(2), as.text(3)});
  for (const auto& entry : rows_by_main) {
    const std::vector<Row>& rows = entry.second;
    auto target = mains.find(entry.first);
    if (target == mains.end())
      continue;
    std::function<std::vector<model::Activity>(std::optional<int64_t>)> build =
        [&](std::optional<int64_t> parent) {
          std::vector<model::Activity> out;
          for (const auto& r : rows)
            if (r.parent == parent)
              out.push_back({r.text, build(r.id)});
          return out;
        };
    target->second->activities = build(std::nullopt);
  }
}

std::optional<ProfileRecord> SqlStore::find_profile(const std::string& id) {
  Stmt s = db_->prepare(
      "SELECT p.framework_id, p.title, st.text FROM profiles p LEFT JOIN statements st ON st.id = "
      "p.definition_id WHERE p.id = ?");
  s.bind(1, id);
  if (!s.step())
    return std::nullopt;
  ProfileRecord r;
  r.framework = *load_framework(s.text(0), false);
  r.profile.id = id;
  r.profile.framework_id = s.text(0);
  r.profile.title = s.text(1);
  r.profile.definition = s.text(2);
  load_profile_content(r.profile, r.framework);
  apply_profile_labels(r.profile, load_framework_labels(*db_, r.profile.framework_id));
  return r;
}

std::optional<model::Qualification> SqlStore::find_qualification(const std::string& id) {
  std::string versioned = id;
  Stmt exact = db_->prepare("SELECT COUNT(*) FROM qualifications WHERE id = ?");
  exact.bind(1, id);
  exact.step();
  if (exact.int64(0) == 0) {
    auto current = current_version_id(id);
    if (!current)
      return std::nullopt;
    versioned = *current;
  }
  auto q = load_qualification(versioned);
  if (q)
    q->current = current_version_id(q->code) == q->id;
  return q;
}

std::optional<model::Qualification> SqlStore::load_qualification(const std::string& id) {
  Stmt s = db_->prepare(
      "SELECT q.id, q.code, q.version, q.current, q.title, st.text, q.level_vks, q.level_eqf, "
      "q.recognition, q.year, q.certificates, q.withdrawn FROM qualifications q LEFT JOIN "
      "statements st ON "
      "st.id = q.definition_id WHERE q.id = ?");
  s.bind(1, id);
  if (!s.step())
    return std::nullopt;
  model::Qualification q;
  q.id = s.text(0);
  q.code = s.text(1);
  q.version = s.integer(2);
  q.current = s.integer(3) != 0;
  q.title = s.text(4);
  q.definition = s.text(5);
  q.level = {s.opt_int(6), s.opt_int(7)};
  q.recognition = s.text(8);
  q.year = s.opt_int(9);
  q.certificates = s.text(10);
  q.withdrawn = s.integer(11) != 0;

  std::vector<int64_t> competence_ids;
  Stmt cs = db_->prepare(
      "SELECT c.id, c.number, s.text, c.code, c.competence_group FROM competences c JOIN "
      "statements s ON s.id = c.title_id WHERE c.qualification_id = ? ORDER BY c.position");
  cs.bind(1, id);
  while (cs.step()) {
    competence_ids.push_back(cs.int64(0));
    model::Competence c;
    c.number = cs.integer(1);
    c.title = cs.text(2);
    if (!cs.is_null(3))
      c.code = cs.text(3);
    c.group = cs.text(4);
    q.competences.push_back(std::move(c));
  }
  Stmt acts = db_->prepare(
      "SELECT s.text, a.descriptor FROM competence_activities a JOIN statements s ON s.id = "
      "a.statement_id WHERE a.competence_id = ? ORDER BY a.position");
  Stmt know = db_->prepare(
      "SELECT s.text, k.kind FROM competence_knowledge k JOIN statements s ON s.id = "
      "k.statement_id WHERE k.competence_id = ? ORDER BY k.position");
  for (size_t i = 0; i < competence_ids.size(); ++i) {
    acts.bind(1, competence_ids[i]);
    while (acts.step()) {
      auto d = acts.opt_text(1);
      q.competences[i].activities.push_back(
          {acts.text(0), d ? model::descriptor_from_string(*d) : std::nullopt});
    }
    acts.reset();
    know.bind(1, competence_ids[i]);
    while (know.step()) {
      auto k = know.opt_text(1);
      q.competences[i].knowledge.push_back(
          {know.text(0), k ? model::knowledge_kind_from_string(*k) : std::nullopt});
    }
    know.reset();
  }
  Stmt lines = db_->prepare(
      "SELECT l.section, s.text FROM qualification_lines l JOIN statements s ON s.id = "
      "l.statement_id WHERE l.qualification_id = ? ORDER BY l.section, l.position");
  lines.bind(1, id);
  const std::unordered_map<std::string, std::vector<std::string>*> targets = {
      {kEnvironment, &q.environment_context},     {kAction, &q.action_context},
      {kIndependent, &q.autonomy.independent_in}, {kBound, &q.autonomy.bound_to},
      {kRelies, &q.autonomy.relies_on},           {kResponsibility, &q.responsibility}};
  while (lines.step()) {
    auto t = targets.find(lines.text(0));
    if (t != targets.end())
      t->second->push_back(lines.text(1));
  }
  Stmt raw = db_->prepare(
      "SELECT title, body FROM raw_sections WHERE qualification_id = ? ORDER BY position");
  raw.bind(1, id);
  while (raw.step()) {
    model::RawSection r{raw.text(0), {}};
    std::string body = raw.text(1);
    size_t start = 0;
    while (start <= body.size() && !body.empty()) {
      size_t nl = body.find('\n', start);
      r.lines.push_back(
          body.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      if (nl == std::string::npos)
        break;
      start = nl + 1;
    }
    q.raw_sections.push_back(std::move(r));
  }
  load_qualification_parts(*db_, q);
  return q;
}

std::vector<int> SqlStore::qualification_versions(const std::string& code) {
  std::vector<int> out;
  Stmt s = db_->prepare("SELECT version FROM qualifications WHERE code = ? ORDER BY version");
  s.bind(1, code);
  while (s.step())
    out.push_back(s.integer(0));
  return out;
}

StoreStats SqlStore::stats() {
  auto count = [&](const char* table) {
    Stmt s = db_->prepare(std::string("SELECT COUNT(*) FROM ") + table);
    s.step();
    return static_cast<long long>(s.int64(0));
  };
  return {count("statements"), count("frameworks"), count("profiles"), count("qualifications")};
}

}  // namespace vakkaart::store::sql

namespace vakkaart::store {

std::unique_ptr<Store> open_sqlite_store(const std::string& path, OpenMode mode) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (mode == OpenMode::read_only && !fs::exists(path, ec))
    throw Error(ErrorCode::not_found, "no database here; import sources first", {path, 0, ""});
  if (fs::is_directory(path, ec))
    throw Error(ErrorCode::invalid_argument, "is a directory, not a database file", {path, 0, ""});
  return std::make_unique<sql::SqlStore>(
      std::make_unique<sqlite::SqliteDb>(path, mode == OpenMode::read_only), sqlite_migrations());
}

}  // namespace vakkaart::store
