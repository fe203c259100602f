// Crosswalks in SQLite: one row per (source_ref, target_ref), computed rows replaced as a whole
// on recomputation, decided rows kept.
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "store/sql/db.h"
#include "store/sql/sql_store.h"

namespace vakkaart::store::sql {

namespace {

const char* const kCrosswalkColumns =
    "source_ref, target_ref, source_kind, source_item, source_item_title, source_cluster, "
    "source_title, source_order, target_kind, target_item, target_item_title, target_cluster, "
    "target_title, target_order, score, type, computed, status, decided_by, decided_at";

model::Alignment crosswalk_read_row(const Stmt& q) {
  model::Alignment a;
  a.source_ref = q.text(0);
  a.target_ref = q.text(1);
  a.source_kind = q.text(2);
  a.source_item = q.text(3);
  a.source_item_title = q.text(4);
  a.source_cluster = q.text(5);
  a.source_title = q.text(6);
  a.source_order = q.integer(7);
  a.target_kind = q.text(8);
  a.target_item = q.text(9);
  a.target_item_title = q.text(10);
  a.target_cluster = q.text(11);
  a.target_title = q.text(12);
  a.target_order = q.integer(13);
  a.score = static_cast<double>(q.int64(14)) / 1000.0;
  a.type = model::alignment_type_from_string(q.text(15)).value_or(model::AlignmentType::related);
  a.computed = q.integer(16) != 0;
  a.status =
      model::alignment_status_from_string(q.text(17)).value_or(model::AlignmentStatus::computed);
  a.decided_by = q.text(18);
  a.decided_at = q.text(19);
  return a;
}

std::int64_t crosswalk_thousandths(double score) {
  return std::llround(std::clamp(score, 0.0, 1.0) * 1000.0);
}

std::optional<model::Alignment> crosswalk_load(Db& db, const std::string& source_ref,
                                               const std::string& target_ref) {
  auto q = db.prepare(std::string("SELECT ") + kCrosswalkColumns +
                      " FROM alignments WHERE source_ref = ? AND target_ref = ?");
  q.bind(1, source_ref).bind(2, target_ref);
  if (!q.step())
    return std::nullopt;
  return crosswalk_read_row(q);
}

[[noreturn]] void crosswalk_unknown_pair(const std::string& source_ref,
                                         const std::string& target_ref) {
  throw Error(ErrorCode::not_found,
              "no alignment of '" + source_ref + "' with '" + target_ref + "'", {"", 0, "target"});
}

/// "(col = ? OR col = ? …)" for the refs or item ids of one side.
std::string crosswalk_side_clause(const char* ref_column, const char* item_column, std::size_t n) {
  std::string out = "(";
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0)
      out += " OR ";
    out += std::string(ref_column) + " = ? OR " + item_column + " = ?";
  }
  return out + ")";
}

}  // namespace

std::string SqlStore::crosswalk_version() {
  auto q = db_->prepare("SELECT value FROM store_meta WHERE key = 'crosswalk_version'");
  return q.step() ? q.text(0) : "";
}

bool SqlStore::replace_alignments(const std::vector<model::Alignment>& computed,
                                  const std::string& read_version, const std::string& made_from) {
  Transaction tx(*db_);
  // Checked inside the write transaction (BEGIN IMMEDIATE): an import that lands while the
  // alignments were being computed makes them stale, and they must not be stored as current.
  if (content_version() != read_version)
    return false;
  db_->exec("DELETE FROM alignments WHERE status = 'computed'");
  db_->exec("UPDATE alignments SET computed = 0");
  auto upsert = db_->prepare(
      std::string("INSERT INTO alignments (") + kCrosswalkColumns +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'computed', '', '') "
      "ON CONFLICT (source_ref, target_ref) DO UPDATE SET source_kind = excluded.source_kind, "
      "source_item = excluded.source_item, source_item_title = excluded.source_item_title, "
      "source_cluster = excluded.source_cluster, source_title = excluded.source_title, "
      "source_order = excluded.source_order, target_kind = excluded.target_kind, "
      "target_item = excluded.target_item, target_item_title = excluded.target_item_title, "
      "target_cluster = excluded.target_cluster, target_title = excluded.target_title, "
      "target_order = excluded.target_order, score = excluded.score, type = excluded.type, "
      "computed = 1");
  for (const auto& a : computed) {
    upsert.bind(1, a.source_ref)
        .bind(2, a.target_ref)
        .bind(3, a.source_kind)
        .bind(4, a.source_item)
        .bind(5, a.source_item_title)
        .bind(6, a.source_cluster)
        .bind(7, a.source_title)
        .bind(8, a.source_order)
        .bind(9, a.target_kind)
        .bind(10, a.target_item)
        .bind(11, a.target_item_title)
        .bind(12, a.target_cluster)
        .bind(13, a.target_title)
        .bind(14, a.target_order)
        .bind(15, crosswalk_thousandths(a.score))
        .bind(16, model::to_string(a.type))
        .run();
  }
  db_->prepare("UPDATE store_meta SET value = ? WHERE key = 'crosswalk_version'")
      .bind(1, made_from)
      .run();
  tx.commit();
  return true;
}

std::vector<model::Alignment> SqlStore::list_alignments(const AlignmentFilter& filter) {
  std::string sql = std::string("SELECT ") + kCrosswalkColumns + " FROM alignments WHERE 1 = 1";
  if (!filter.sources.empty())
    sql += " AND " + crosswalk_side_clause("source_ref", "source_item", filter.sources.size());
  if (!filter.targets.empty())
    sql += " AND " + crosswalk_side_clause("target_ref", "target_item", filter.targets.size());
  if (filter.type)
    sql += " AND type = ?";
  if (filter.status)
    sql += " AND status = ?";
  // Per source, a person's word first: confirmed pairs lead, rejected ones come last (kept so
  // a curator can take the decision back), the computed ones by score between them.
  sql +=
      " ORDER BY source_order, source_ref,"
      " CASE status WHEN 'confirmed' THEN 0 WHEN 'rejected' THEN 2 ELSE 1 END,"
      " score DESC, target_order, target_ref";
  auto q = db_->prepare(sql);
  int n = 0;
  for (const auto* side : {&filter.sources, &filter.targets})
    for (const auto& ref_or_item : *side) {
      q.bind(n + 1, ref_or_item).bind(n + 2, ref_or_item);
      n += 2;
    }
  if (filter.type)
    q.bind(++n, model::to_string(*filter.type));
  if (filter.status)
    q.bind(++n, model::to_string(*filter.status));
  std::vector<model::Alignment> out;
  while (q.step())
    out.push_back(crosswalk_read_row(q));
  return out;
}

std::optional<model::Alignment> SqlStore::find_alignment(const std::string& source_ref,
                                                         const std::string& target_ref) {
  return crosswalk_load(*db_, source_ref, target_ref);
}

model::Alignment SqlStore::decide_alignment(const std::string& source_ref,
                                            const std::string& target_ref,
                                            model::AlignmentStatus decision,
                                            const std::string& author, const std::string& at) {
  if (decision == model::AlignmentStatus::computed)
    throw Error(ErrorCode::invalid_argument, "a decision is confirmed or rejected",
                {"", 0, "decision"});
  Transaction tx(*db_);
  if (!crosswalk_load(*db_, source_ref, target_ref))
    crosswalk_unknown_pair(source_ref, target_ref);
  db_->prepare(
         "UPDATE alignments SET status = ?, decided_by = ?, decided_at = ? "
         "WHERE source_ref = ? AND target_ref = ?")
      .bind(1, model::to_string(decision))
      .bind(2, author)
      .bind(3, at)
      .bind(4, source_ref)
      .bind(5, target_ref)
      .run();
  auto stored = crosswalk_load(*db_, source_ref, target_ref);
  tx.commit();
  return *stored;
}

model::Alignment SqlStore::undo_alignment_decision(const std::string& source_ref,
                                                   const std::string& target_ref) {
  Transaction tx(*db_);
  auto stored = crosswalk_load(*db_, source_ref, target_ref);
  if (!stored)
    crosswalk_unknown_pair(source_ref, target_ref);
  stored->status = model::AlignmentStatus::computed;
  stored->decided_by.clear();
  stored->decided_at.clear();
  if (stored->computed) {
    db_->prepare(
           "UPDATE alignments SET status = 'computed', decided_by = '', decided_at = '' "
           "WHERE source_ref = ? AND target_ref = ?")
        .bind(1, source_ref)
        .bind(2, target_ref)
        .run();
  } else {
    // Kept only for the decision: without it, the pair is what the computation says (nothing).
    db_->prepare("DELETE FROM alignments WHERE source_ref = ? AND target_ref = ?")
        .bind(1, source_ref)
        .bind(2, target_ref)
        .run();
  }
  tx.commit();
  return *stored;
}

}  // namespace vakkaart::store::sql
