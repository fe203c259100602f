#include "server/views/compare_view.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "render/heatmap_svg.h"
#include "render/svg_util.h"
#include "server/views/crosswalk_view.h"
#include "server/views/page.h"
#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

using vakkaart::Json;

/// The most groups the summary names as where the items share most: more is the details' job.
constexpr std::size_t kMostSharedShown = 5;

std::string cmp_decimal(double v, const std::string& lang) {
  return render::display_number(v, 2, lang == "en");
}

std::string cmp_count(long long n, const std::string& lang) {
  return render::group_digits(static_cast<std::uint64_t>(std::max(0LL, n)),
                              lang == "en" ? ',' : '.');
}

std::string cmp_percent(double share) {
  return std::to_string(std::lround(share * 100)) + "%";
}

std::string cmp_group_title(const compare::Group& group, const std::string& lang) {
  return lang == "en" ? group.title_en : group.title;
}

/// "A en B lijken sterk op elkaar: hun gedeelde woordenschat is 0,78 …, en 34 van hun 250 …".
std::string cmp_pair_sentence(const compare::PairLikeness& p, const compare::Comparison& c,
                              const std::string& lang) {
  const Json& tc = web::ui_texts(lang)["compare"];
  const char* variant = p.shared == 0   ? "statements_none"
                        : p.shared == 1 ? "statements_one"
                                        : "statements_other";
  const std::string statements = web::fill(tc[variant], {{"shared", cmp_count(p.shared, lang)},
                                                         {"together", cmp_count(p.together, lang)},
                                                         {"percent", cmp_percent(p.statements)}});
  const std::string likeness =
      tc[std::string("likeness_") + compare::to_string(compare::likeness_of(p.terms))];
  return web::fill(tc["pair"], {{"a", c.items[p.a].info.title},
                                {"b", c.items[p.b].info.title},
                                {"likeness", likeness},
                                {"terms", cmp_decimal(p.terms, lang)},
                                {"statements", statements}});
}

/// The chosen items' wording as a small heat map; each square's hint is its pair's sentence, so
/// pointing at it says in words what the colour shows.
std::string cmp_summary_map(const compare::Comparison& c, const compare::ComparisonSummary& s,
                            const std::string& lang, const std::vector<std::string>& item_langs) {
  const Json& tc = web::ui_texts(lang)["compare"];
  const std::size_t n = c.items.size();
  std::vector<std::string> labels;
  for (const auto& item : c.items)
    labels.push_back(item.info.title);
  std::vector<std::vector<render::HeatmapCell>> cells(n, std::vector<render::HeatmapCell>(n));
  for (std::size_t i = 0; i < n; ++i) {
    cells[i][i].value = 1.0;
    cells[i][i].tip = web::fill(tc["map_self"], {{"a", labels[i]}});
  }
  for (const auto& p : s.pairs) {
    const std::string sentence = cmp_pair_sentence(p, c, lang);
    for (auto [i, j] : {std::make_pair(p.a, p.b), std::make_pair(p.b, p.a)}) {
      cells[i][j].value = std::clamp(p.terms, 0.0, 1.0);
      cells[i][j].tip = sentence;
    }
  }
  render::HeatmapOptions options;
  options.measure = "chosen";
  options.caption = tc["map_caption"];
  options.lang = lang;
  options.cell_size = 52;
  options.css_class = "heatmap-small";
  if (item_langs.size() == n)
    options.label_langs = item_langs;
  return render::heatmap_cells_svg(labels, cells, options);
}

/// "1 gelijk, 3 nauw verwant, 5 verwant": the parts that are not 0.
std::string cmp_fit_types(const compare::QualificationFit& fit, const std::string& lang) {
  const Json& t = web::ui_texts(lang)["crosswalk"];
  std::string out;
  for (const auto& [count, type] :
       {std::make_pair(fit.exact, "exact"), std::make_pair(fit.close, "close"),
        std::make_pair(fit.related, "related")}) {
    if (count > 0)
      out += (out.empty() ? "" : ", ") + std::to_string(count) + " " +
             t["type_" + std::string(type)].get<std::string>();
  }
  return out;
}

Json cmp_fits(const compare::Comparison& c, const compare::ComparisonSummary& s,
              const std::string& lang) {
  const Json& tc = web::ui_texts(lang)["compare"];
  Json out = Json::array();
  for (const auto& fit : s.qualifications) {
    const std::vector<std::pair<std::string, std::string>> values = {
        {"placed", std::to_string(fit.placed)},
        {"total", std::to_string(fit.competences)},
        {"q", c.items[fit.item].info.title},
        {"types", cmp_fit_types(fit, lang)}};
    out.push_back({{"item", c.items[fit.item].info.id},
                   {"placed", fit.placed},
                   {"text", web::fill(tc[fit.placed > 0 ? "fit" : "fit_none"], values)}});
  }
  return out;
}

Json cmp_statement(const compare::Statement& s, const std::string& item,
                   const std::map<std::string, std::string>& titles, const Json& t,
                   const model::ShownText& shown = {}) {
  std::string with;
  for (const auto& other : s.shared_with)
    with += (with.empty() ? "" : ", ") + titles.at(other);
  const std::string share = compare::to_string(s.share);
  return {{"text", shown.lang.empty() ? s.text : shown.text},
          {"lang", shown.lang.empty() ? "nl" : shown.lang},
          {"share", share},
          {"item", item},
          {"share_label", t["share_" + share]},
          {"shared_with_titles", with}};
}

/// A competence in a cluster row (or among those placed nowhere): its title, its alignments with
/// the row's main activities, and its activities (folded: the row is about the correspondence).
Json cmp_placed(const compare::PlacedCompetence& p, const std::string& item,
                const std::map<std::string, std::string>& titles, const Context& r,
                const std::string& back, CrosswalkProfiles& profiles) {
  const Json& t = web::ui_texts(r.lang);
  Json out;
  out["ref"] = p.ref;
  out["label"] = web::fill(t["compare"]["competence_label"], {{"n", std::to_string(p.number)}});
  // Struck through only when every alignment shown was rejected; one without any is left over.
  out["holds"] = p.holds || p.alignments.empty();
  out["url"] =
      page_url("/qualifications/" + item, {}, r.lang) + "#competence-" + std::to_string(p.number);
  out["best"] = model::to_string(p.best);
  Json title = Json::array();
  Json activities = Json::array();
  for (const auto& s : p.statements)
    (title.empty() ? title : activities).push_back(cmp_statement(s, item, titles, t));
  out["title_statements"] = std::move(title);
  out["has_activities"] = !activities.empty();
  out["activities_text"] =
      web::counted(static_cast<long long>(activities.size()), "activities", r.lang);
  out["activities"] = std::move(activities);
  Json rows = Json::array();
  for (const auto& a : p.alignments) {
    // The main activity and its profile in the reader's language where they have a label.
    Json row = crosswalk_row(a, r, back, &profiles);
    row["show_source"] = false;
    // The row names the cluster already; the profile is what tells two targets apart.
    if (Json& parts = row["target"]["context_parts"]; parts.size() > 1)
      parts.erase(1);
    rows.push_back(std::move(row));
  }
  out["has_crosswalk"] = !rows.empty();
  out["crosswalk"] = std::move(rows);
  return out;
}

/// "12 door alle gekozen gedeeld · 30 uniek · 3 competenties": what the closed group holds.
std::string cmp_group_counts(const compare::ShareCounts& counts, std::size_t placed,
                             const std::string& lang) {
  const Json& t = web::ui_texts(lang);
  std::string out;
  for (const auto& [n, key] :
       {std::make_pair(counts.all, "share_all"), std::make_pair(counts.some, "share_some"),
        std::make_pair(counts.unique, "share_unique")}) {
    if (n > 0)
      out += (out.empty() ? "" : " · ") + cmp_count(n, lang) + " " + t[key].get<std::string>();
  }
  if (placed > 0)
    out += (out.empty() ? "" : " · ") +
           web::counted(static_cast<long long>(placed), "competences", lang);
  return out;
}

}  // namespace

std::string compare_group_anchor(const compare::Group& group) {
  if (group.kind == compare::GroupKind::cluster)
    return "group-" + group.framework_id + "-" + group.id;
  return "group-" + group.id;
}

Json compare_summary_view(const compare::Comparison& c, const compare::ComparisonSummary& s,
                          const std::string& lang, const std::vector<std::string>& item_langs) {
  const Json& tc = web::ui_texts(lang)["compare"];
  Json out;
  // Most alike first: with more than two items the headline names the ends of that order.
  std::vector<const compare::PairLikeness*> order;
  for (const auto& p : s.pairs)
    order.push_back(&p);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* x, const auto* y) { return x->terms > y->terms; });
  Json pairs = Json::array();
  for (const auto* p : order)
    pairs.push_back({{"text", cmp_pair_sentence(*p, c, lang)}});
  if (order.size() == 1) {
    out["headline"] = pairs[0]["text"];
  } else if (!order.empty()) {
    const auto& most = *order.front();
    const auto& least = *order.back();
    out["headline"] = web::fill(tc["most_least"], {{"a", c.items[most.a].info.title},
                                                   {"b", c.items[most.b].info.title},
                                                   {"terms", cmp_decimal(most.terms, lang)},
                                                   {"c", c.items[least.a].info.title},
                                                   {"d", c.items[least.b].info.title},
                                                   {"terms2", cmp_decimal(least.terms, lang)}});
  }
  out["has_pairs"] = order.size() > 1;
  out["pairs"] = std::move(pairs);
  out["map_svg"] = cmp_summary_map(c, s, lang, item_langs);
  out["counts"] = {{"all", c.counts.all}, {"some", c.counts.some}, {"unique", c.counts.unique}};
  out["more_than_two"] = c.items.size() > 2;  // of two items, none is held by some only
  Json most = Json::array();
  for (std::size_t k = 0; k < s.most_shared.size() && k < kMostSharedShown; ++k) {
    const std::size_t g = s.most_shared[k];
    const auto& counts = s.group_counts[g];
    most.push_back(
        {{"title", cmp_group_title(c.groups[g], lang)},
         {"anchor", compare_group_anchor(c.groups[g])},
         {"text", web::fill(tc["shared_count"], {{"count", web::counted(counts.all + counts.some,
                                                                        "statements", lang)}})}});
  }
  out["has_most_shared"] = !most.empty();
  out["most_shared"] = std::move(most);
  out["fits"] = cmp_fits(c, s, lang);
  return out;
}

Json compare_groups_view(const compare::Comparison& c, const compare::ComparisonSummary& s,
                         const compare::CompetencePlacement& placement, const ComparedLabels& shown,
                         const Context& r) {
  const Json& t = web::ui_texts(r.lang);
  CrosswalkProfiles profiles(r.store());
  std::map<std::string, std::string> titles;
  Json items = Json::array();
  bool with_profile = false;
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const auto& item = c.items[i];
    const bool profile = item.info.kind == compare::ItemKind::profile;
    with_profile = with_profile || profile;
    titles[item.info.id] = item.info.title;
    items.push_back({{"id", item.info.id},
                     {"kind", compare::to_string(item.info.kind)},
                     {"title", item.info.title},
                     {"title_lang", i < shown.langs.items.size() ? shown.langs.items[i] : "nl"},
                     {"url", page_url((profile ? "/profiles/" : "/qualifications/") + item.info.id,
                                      {}, r.lang)}});
  }
  Json groups = Json::array();
  for (std::size_t g = 0; g < c.groups.size(); ++g) {
    const auto& group = c.groups[g];
    const std::string anchor = compare_group_anchor(group);
    const std::string back = r.req.target + "#" + anchor;
    // Beside a profile, a qualification's competences are in the cluster rows; this section
    // keeps those placed nowhere.
    const bool leftovers = with_profile && group.kind == compare::GroupKind::qualification &&
                           group.id == "competences";
    Json cells = Json::array();
    std::size_t placed_count = 0;
    bool empty = true;
    for (std::size_t i = 0; i < group.cells.size(); ++i) {
      const auto& cell = group.cells[i];
      const bool qualification = c.items[i].info.kind == compare::ItemKind::qualification;
      Json statements = Json::array();
      if (!(leftovers && qualification)) {
        for (const auto& st : cell.statements)
          statements.push_back(cmp_statement(
              st, cell.item_id, titles, t,
              i < shown.items.size() ? compared_text(shown.items[i], st.text, r.label_lang)
                                     : model::ShownText{st.text, "nl"}));
      }
      Json placed = Json::array();
      const auto& entries = leftovers ? placement.unplaced.at(i) : placement.placed.at(g).at(i);
      for (const auto& p : entries)
        placed.push_back(cmp_placed(p, cell.item_id, titles, r, back, profiles));
      placed_count += entries.size();
      const bool cell_empty = statements.empty() && placed.empty();
      empty = empty && cell_empty;
      cells.push_back(
          {{"item", cell.item_id},
           {"item_title", titles.at(cell.item_id)},
           {"item_title_lang", i < shown.langs.items.size() ? shown.langs.items[i] : "nl"},
           {"empty", cell_empty},
           {"has_statements", !statements.empty()},
           {"statements", std::move(statements)},
           {"has_placed", !placed.empty()},
           {"placed", std::move(placed)}});
    }
    if (empty)
      continue;
    groups.push_back(
        {{"id", group.id},
         {"kind", compare::to_string(group.kind)},
         {"anchor", anchor},
         {"title_lang",
          leftovers || g >= shown.langs.groups.size() ? r.lang : shown.langs.groups[g]},
         {"title", leftovers ? t["compare"]["unplaced_title"].get<std::string>()
                             : cmp_group_title(group, r.lang)},
         {"counts_text",
          leftovers ? web::counted(static_cast<long long>(placed_count), "competences", r.lang)
                    : cmp_group_counts(s.group_counts.at(g), placed_count, r.lang)},
         {"placed_count", static_cast<int>(placed_count)},
         {"cells", std::move(cells)}});
  }
  return {{"items", std::move(items)}, {"groups", std::move(groups)}};
}

}  // namespace vakkaart::server
