#include "analysis/crosswalk.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <mutex>

#include "core/error.h"

namespace vakkaart::analysis {

namespace {

/// How much of a group another group's statements say: per (analysed group, other group), the
/// matcher's evidence in the other group divided by the analysed group's segment count.
struct CrosswalkShares {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> by_group;  // sorted by group

  double get(std::uint32_t from, std::uint32_t to) const {
    const auto& row = by_group[from];
    auto it = std::lower_bound(row.begin(), row.end(), std::pair<std::uint32_t, double>{to, 0.0},
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    return it != row.end() && it->first == to ? it->second : 0.0;
  }
};

/// A target as scored for one source.
struct CrosswalkScored {
  double score = 0;
  std::uint32_t target = 0;
  bool same = false;  // the same statements or the same main activity of the model
};

/// Exact ones first, then by score; ties in model order.
bool crosswalk_better(const CrosswalkScored& a, const CrosswalkScored& b) {
  if (a.same != b.same)
    return a.same;
  return a.score != b.score ? a.score > b.score : a.target < b.target;
}

bool crosswalk_is_profile_group(const StructureIndex& index, const Group& g) {
  return index.candidates()[g.candidate].kind == Candidate::Kind::profile;
}

/// The title a person recognises a group by: an untitled main activity (the learning
/// professional's) is known by its cluster.
std::string crosswalk_title(const StructureIndex& index, const Group& g) {
  if (!g.title.empty() || g.cluster < 0)
    return g.title;
  return index.clusters()[static_cast<std::size_t>(g.cluster)].title;
}

std::string crosswalk_cluster_title(const StructureIndex& index, const Group& g) {
  return g.cluster < 0 ? "" : index.clusters()[static_cast<std::size_t>(g.cluster)].title;
}

double crosswalk_round(double score) {
  return std::round(std::clamp(score, 0.0, 1.0) * 1000.0) / 1000.0;
}

std::string crosswalk_utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

/// "BK-0338:5" → "BK-0338-3:5" when the item is a qualification code with a current version;
/// anything else unchanged.
std::string crosswalk_resolve(store::Store& store, const std::string& ref_or_id) {
  auto colon = ref_or_id.find(':');
  std::string item = ref_or_id.substr(0, colon);
  if (item.empty() ||
      (colon != std::string::npos && ref_or_id.find(':', colon + 1) != std::string::npos))
    return ref_or_id;  // a profile ref (three parts) names its profile itself
  auto q = store.find_qualification(item);
  if (!q || q->id == item)
    return ref_or_id;
  return q->id + (colon == std::string::npos ? "" : ref_or_id.substr(colon));
}

/// A ref is "PROFILE:CLUSTER:N" or "QUALIFICATION:N" with N a positive whole number.
void crosswalk_check_ref(const std::string& ref, const char* field) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto colon = ref.find(':', start);
    parts.push_back(
        ref.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos)
      break;
    start = colon + 1;
  }
  bool ok = parts.size() == 2 || parts.size() == 3;
  for (const auto& p : parts)
    ok = ok && !p.empty();
  const std::string& n = parts.back();
  ok = ok && n.size() <= 6 &&
       std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }) && n != "0";
  if (!ok)
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + " '" + ref +
                    "' is not a reference such as campagnewerker:communiceren:1 or BK-0338-3:5",
                {"", 0, field});
}

}  // namespace

// Calibration (bundled sources: the sociare note's five profiles and BK-0338-3), by reading
// the real output for BK-0338-3 and for pairs of profiles:
// - The BK and the note were written apart: hardly a BK statement is a profile statement.
//   Paraphrases ("Legt en onderhoudt contacten met deskundigen binnen en buiten de organisatie"
//   / "… (informele) contacten …") score 0.7-0.8 in the matcher, loosely related sentences
//   0.2-0.35 ("Raadpleegt informatiebronnen" / "Raadpleegt verschillende bronnen" 0.36). With
//   the matcher's default min_match (0.3) most of the latter vanish; reading with min_match
//   0.15, counting a match from 0.1 and in full from 0.7 (`floor`, `said`) keeps them as
//   partial evidence.
// - What that gives for BK-0338-3, best target per competence: 15 (Volgt professionele
//   informatie en reglementering op) → the campagnewerker's and belangenbehartiger's "De eigen
//   deskundigheid opbouwen" 0.30 (one activity nearly verbatim, two more in part); 7 (Ontwikkelt
//   permanent de eigen deskundigheid) → the same 0.25; 5 (Communiceert professioneel) → every
//   profile's "Communiceren over …" 0.21-0.24; 13 and 2 → "Noden … detecteren" 0.18; 3 (Werkt
//   methodisch …) → "Communiceren over de werking …" 0.20, a false friend (werkt / werking, one
//   stem); the rest 0.01-0.13 (4, planning one's own work: 0.11). Hence related from 0.2: the
//   clear correspondences are in and the stem coincidences below it (the one at the edge is
//   what rejecting is for). Two paraphrased activities out of five (about 0.4) make close.
// - Between profiles, main activities that share most statements score 0.8-1.0 (the
//   campagnewerker's and programmator's "Communiceren over de werking …" 1.0, the
//   gemeenschapswerker's 0.82), reworded ones with a common core 0.4-0.7 (campagnewerker /
//   belangenbehartiger "Communiceren" 0.67): exact stays at the suggested 0.75.
// - The learning professional's main activity is the same part of the model in every profile
//   but worded in three variants (0.5-0.9); it is exact by the model rule below, not by score.
// The matcher is tuned on job texts and may change; `vakkaart crosswalk list --source BK-0338`
// shows what these settings give now.
std::vector<model::Alignment> compute_alignments(const Matcher& matcher,
                                                 const CrosswalkSettings& settings) {
  const auto& index = matcher.index();
  const auto& groups = index.groups();
  const auto& units = index.units();

  // A group's statements are the units placed in it (knowledge and definitions have no group).
  const auto members = index.group_members();

  // Every statement is read once by the matcher, as a segment of its own; how well each group
  // says it is its best match there (the group's evidence), counted from `floor` to `said`.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> found(units.size());
  std::vector<Segment> one(1);
  const double span = std::max(1e-9, settings.said - settings.floor);
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    if (std::none_of(units[u].places.begin(), units[u].places.end(),
                     [](const UnitPlace& p) { return p.group >= 0; }))
      continue;
    one[0].text = units[u].text;
    one[0].line = 1;
    const auto result = matcher.analyse(one, Detail::summary);
    auto& row = found[u];
    for (const auto& cand : result.candidates)
      for (const auto& part : cand.groups)
        if (part.evidence > settings.floor)
          row.emplace_back(part.index, std::min(1.0, (part.evidence - settings.floor) / span));
  }
  // How much of a group another group says: the mean over the first one's statements.
  CrosswalkShares shares;
  shares.by_group.resize(groups.size());
  for (std::uint32_t g = 0; g < groups.size(); ++g) {
    if (members[g].empty())
      continue;
    std::map<std::uint32_t, double> sum;
    for (auto u : members[g])
      for (auto [h, said] : found[u])
        if (h != g)
          sum[h] += said;
    for (auto [h, total] : sum)
      shares.by_group[g].emplace_back(h, total / static_cast<double>(members[g].size()));
  }

  std::vector<model::Alignment> out;
  for (std::uint32_t s = 0; s < groups.size(); ++s) {
    const auto& source = groups[s];
    if (members[s].empty())
      continue;
    const auto& source_candidate = index.candidates()[source.candidate];
    const bool from_profile = crosswalk_is_profile_group(index, source);
    // Per target profile, the scored targets; the best few are kept.
    std::map<std::uint32_t, std::vector<CrosswalkScored>> per_profile;
    for (std::uint32_t t = 0; t < groups.size(); ++t) {
      const auto& target = groups[t];
      if (t == s || members[t].empty() || !crosswalk_is_profile_group(index, target))
        continue;
      if (from_profile && target.candidate == source.candidate)
        continue;  // a profile's own main activities are its structure, not a crosswalk
      // The same statements, or the same main activity of one framework's model (same cluster,
      // same title or both untitled) as two profiles word it.
      const bool same = members[s] == members[t] ||
                        (from_profile && source.cluster >= 0 && source.cluster == target.cluster &&
                         source.title == target.title);
      // Forward: how much of the source the target says; backward: how much of the target the
      // source says. The better side counts more, the other keeps one-sided overlaps down.
      const double forward = shares.get(s, t);
      const double backward = shares.get(t, s);
      const double hi = std::max(forward, backward), lo = std::min(forward, backward);
      const double score =
          crosswalk_round(members[s] == members[t]
                              ? 1.0
                              : (1.0 - settings.target_weight) * hi + settings.target_weight * lo);
      if (!same && score < settings.related)
        continue;
      per_profile[target.candidate].push_back({score, t, same});
    }
    std::vector<CrosswalkScored> kept;
    for (auto& [profile, scored] : per_profile) {
      std::stable_sort(scored.begin(), scored.end(), crosswalk_better);
      if (scored.size() > static_cast<std::size_t>(settings.per_profile))
        scored.resize(static_cast<std::size_t>(settings.per_profile));
      kept.insert(kept.end(), scored.begin(), scored.end());
    }
    std::stable_sort(kept.begin(), kept.end(), crosswalk_better);
    for (const auto& k : kept) {
      const auto& target = groups[k.target];
      const auto& target_candidate = index.candidates()[target.candidate];
      model::Alignment a;
      a.source_ref = source.ref;
      a.source_kind = from_profile ? "main_activity" : "competence";
      a.source_item = source_candidate.id;
      a.source_item_title = source_candidate.title;
      a.source_cluster = crosswalk_cluster_title(index, source);
      a.source_title = crosswalk_title(index, source);
      a.source_order = static_cast<int>(s);
      a.target_ref = target.ref;
      a.target_kind = "main_activity";
      a.target_item = target_candidate.id;
      a.target_item_title = target_candidate.title;
      a.target_cluster = crosswalk_cluster_title(index, target);
      a.target_title = crosswalk_title(index, target);
      a.target_order = static_cast<int>(k.target);
      a.score = k.score;
      a.type = k.same || k.score >= settings.exact ? model::AlignmentType::exact
               : k.score >= settings.close         ? model::AlignmentType::close
                                                   : model::AlignmentType::related;
      out.push_back(std::move(a));
    }
  }
  return out;
}

MatchSettings crosswalk_match_settings() {
  MatchSettings settings;
  settings.min_match = 0.15;
  return settings;
}

std::string crosswalk_version_for(const std::string& content_version) {
  return content_version + "/" + kCrosswalkMethod;
}

bool crosswalks_stale(store::Store& store) {
  return store.crosswalk_version() != crosswalk_version_for(store.content_version());
}

CrosswalkRun recompute_crosswalks(store::Store& store) {
  // An import between reading the content and storing the result makes the result stale; the
  // store refuses it then, and the computation starts over on the new content.
  for (int attempt = 0; attempt < 5; ++attempt) {
    const std::string version = store.content_version();
    Matcher matcher(StructureIndex::build(store), crosswalk_match_settings());
    auto alignments = compute_alignments(matcher);
    if (store.replace_alignments(alignments, version, crosswalk_version_for(version))) {
      CrosswalkRun run;
      run.alignments = alignments.size();
      for (const auto& a : store.list_alignments({}))
        run.kept += a.computed ? 0 : 1;
      return run;
    }
  }
  throw Error(ErrorCode::conflict,
              "the content kept changing while the crosswalks were computed; try again");
}

bool ensure_crosswalks(store::Store& store) {
  if (!crosswalks_stale(store))
    return false;
  static std::mutex computing;
  std::lock_guard lock(computing);
  if (!crosswalks_stale(store))  // another thread computed them while this one waited
    return false;
  recompute_crosswalks(store);
  return true;
}

std::vector<model::Alignment> list_crosswalks(store::Store& store, store::AlignmentFilter filter) {
  for (auto& s : filter.sources)
    s = crosswalk_resolve(store, s);
  for (auto& t : filter.targets)
    t = crosswalk_resolve(store, t);
  return store.list_alignments(filter);
}

std::vector<model::Alignment> current_crosswalks(
    store::Store& reader, const std::function<std::unique_ptr<store::Store>()>& open_writer,
    const store::AlignmentFilter& filter) {
  if (crosswalks_stale(reader)) {
    auto writer = open_writer();
    ensure_crosswalks(*writer);
  }
  return list_crosswalks(reader, filter);
}

model::Alignment decide_crosswalk(store::Store& store, const std::string& source_ref,
                                  const std::string& target_ref, model::AlignmentStatus decision,
                                  const std::string& author) {
  crosswalk_check_ref(source_ref, "source");
  crosswalk_check_ref(target_ref, "target");
  // The pair must be judged on what the content says now: a stale store is brought up to
  // date first (only once the request itself is known to be well formed).
  ensure_crosswalks(store);
  const std::string source = crosswalk_resolve(store, source_ref);
  const std::string target = crosswalk_resolve(store, target_ref);
  if (decision == model::AlignmentStatus::computed)
    return store.undo_alignment_decision(source, target);
  return store.decide_alignment(source, target, decision, author, crosswalk_utc_now());
}

}  // namespace vakkaart::analysis
