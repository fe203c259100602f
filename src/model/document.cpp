#include "model/document.h"

namespace vakkaart::model {

namespace {

void add_activities(const std::vector<Activity>& activities, std::vector<std::string_view>& out) {
  for (const auto& a : activities) {
    out.push_back(a.text);
    add_activities(a.children, out);
  }
}

}  // namespace

std::vector<std::string_view> statement_texts(const Framework& f) {
  std::vector<std::string_view> out;
  for (const auto& p : f.profiles) {
    out.push_back(p.definition);
    for (const auto& pc : p.clusters)
      for (const auto& ma : pc.main_activities) {
        if (ma.title)
          out.push_back(*ma.title);
        add_activities(ma.activities, out);
      }
  }
  return out;
}

std::vector<std::string_view> statement_texts(const Qualification& q) {
  std::vector<std::string_view> out = {q.definition};
  for (const auto& c : q.competences) {
    out.push_back(c.title);
    for (const auto& a : c.activities)
      out.push_back(a.text);
    for (const auto& k : c.knowledge)
      out.push_back(k.text);
  }
  for (const auto* lines : {&q.environment_context, &q.action_context, &q.autonomy.independent_in,
                            &q.autonomy.bound_to, &q.autonomy.relies_on, &q.responsibility})
    out.insert(out.end(), lines->begin(), lines->end());
  return out;
}

std::vector<std::string_view> statement_texts(const Document& doc) {
  return std::visit([](const auto& d) { return statement_texts(d); }, doc);
}

}  // namespace vakkaart::model
