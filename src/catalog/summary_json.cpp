#include "catalog/summary_json.h"

namespace vakkaart::catalog {

using vakkaart::Json;

namespace {

Json level_json(const model::Level& l) {
  return {{"vks", l.vks ? Json(*l.vks) : Json(nullptr)},
          {"eqf", l.eqf ? Json(*l.eqf) : Json(nullptr)}};
}

}  // namespace

Json frameworks_summary_json(const std::vector<store::FrameworkSummary>& items) {
  Json out = Json::array();
  for (const auto& f : items)
    out.push_back({{"id", f.id},
                   {"title", f.title},
                   {"date", f.date},
                   {"profiles", f.profile_count},
                   {"clusters", f.cluster_count}});
  return out;
}

Json profiles_summary_json(const std::vector<store::ProfileSummary>& items) {
  Json out = Json::array();
  for (const auto& p : items) {
    Json j{{"id", p.id},
           {"title", p.title},
           {"framework", p.framework_id},
           {"main_activities", p.main_activity_count},
           {"activities", p.activity_count}};
    // Only where a label exists, so the lists of a Dutch-only store read as before.
    if (!p.title_labels.empty())
      j["title_labels"] = p.title_labels;
    out.push_back(std::move(j));
  }
  return out;
}

Json qualifications_summary_json(const std::vector<store::QualificationSummary>& items) {
  Json out = Json::array();
  for (const auto& q : items) {
    Json j{{"id", q.id},
           {"code", q.code},
           {"version", q.version},
           {"current", q.current},
           {"title", q.title},
           {"level", level_json(q.level)},
           {"competences", q.competence_count}};
    // Only when true, as the canonical JSON writes it: a list without withdrawn versions keeps
    // the shape it always had.
    if (q.withdrawn)
      j["withdrawn"] = true;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace vakkaart::catalog
