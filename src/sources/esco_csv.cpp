#include "sources/esco_csv.h"

#include <map>
#include <set>

#include "core/error.h"
#include "sources/csv_table.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

bool esco_has(const std::vector<std::string>& header, std::string_view name) {
  for (const auto& h : header)
    if (h == name)
      return true;
  return false;
}

struct EscoSkill {
  std::string uri;
  std::string type;
  std::string label;
  std::string description;
  std::string layer_id;
  std::string cluster_id;
};

struct EscoOccupation {
  std::string uri;
  std::string label;
  std::string description;
  std::string code;
  std::vector<std::string> essential;  // skill URIs
  std::vector<std::string> optional;
};

/// A table's rows with required and optional columns looked up by name (ESCO adds columns
/// between releases; their order is not relied on).
class EscoTable {
 public:
  EscoTable(const EscoFile& file, std::size_t max_rows)
      : file_(file), table_(read_csv(file.text, file.path, CsvLimits{max_rows, 64})) {}

  std::size_t required(std::string_view name) const {
    auto i = table_.column(name);
    if (i == std::string::npos)
      throw Error(
          ErrorCode::parse_error,
          "the header has no column \"" + std::string(name) + "\", which this ESCO file needs",
          {file_.path, 1, std::string(name)});
    return i;
  }
  std::size_t optional(std::string_view name) const { return table_.column(name); }

  const std::vector<CsvRow>& rows() const { return table_.rows; }
  const std::string& path() const { return file_.path; }

  std::string value(const CsvRow& row, std::size_t column) const {
    return column < row.fields.size() ? row.fields[column] : std::string();
  }
  /// A value that must not be empty.
  std::string needed(const CsvRow& row, std::size_t column) const {
    std::string v = value(row, column);
    if (v.empty())
      throw Error(ErrorCode::parse_error, "an empty " + table_.header[column],
                  {file_.path, static_cast<int>(row.line),
                   "column " + std::to_string(column + 1) + " (" + table_.header[column] + ")"});
    return v;
  }

 private:
  const EscoFile& file_;
  CsvTable table_;
};

std::string esco_last_segment(const std::string& uri) {
  auto slash = uri.find_last_of("/#");
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

/// "…/skills_nl.csv" → "nl"; "" when the name carries no language.
std::string esco_language(const std::string& path) {
  auto dot = path.rfind(".csv");
  auto under = path.rfind('_');
  if (dot == std::string::npos || under == std::string::npos || under > dot || dot - under > 6)
    return "";
  std::string lang = path.substr(under + 1, dot - under - 1);
  for (char ch : lang)
    if (!((ch >= 'a' && ch <= 'z') || ch == '-'))
      return "";
  return lang;
}

/// A slug that is no other's in `taken` (a suffix -2, -3, … when needed).
/// Ids handed out, and per wanted id the next suffix to try, so that many rows wanting one id
/// cost linear time rather than quadratic.
struct EscoIds {
  std::set<std::string> taken;
  std::map<std::string, int> next;
};

std::string esco_unique(const std::string& wanted, EscoIds& ids) {
  std::string base = wanted.empty() ? std::string("x") : wanted;
  std::string id = base;
  int& n = ids.next.try_emplace(base, 2).first->second;
  while (!ids.taken.insert(id).second)
    id = base + "-" + std::to_string(n++);
  return id;
}

model::MainActivity esco_main_activity(const EscoSkill& s) {
  model::MainActivity ma;
  ma.title = s.label;
  if (!s.description.empty())
    ma.activities.push_back({s.description, {}});
  return ma;
}

/// Puts each skill in `uris` (in order, each once) into its cluster's entry of `p`.
void esco_fill_profile(model::Profile& p, const model::Framework& f,
                       const std::vector<const EscoSkill*>& skills) {
  std::map<std::string, std::size_t> slot;
  for (const model::Cluster& c : f.clusters) {
    slot[c.id] = p.clusters.size();
    p.clusters.push_back({c.id, {}});
  }
  for (const EscoSkill* s : skills)
    p.clusters[slot.at(s->cluster_id)].main_activities.push_back(esco_main_activity(*s));
}

/// Everything read from the files, as the steps below fill it in.
struct EscoData {
  std::vector<const EscoFile*> by_kind[6];
  std::vector<EscoSkill> skills;  // file order
  std::map<std::string, std::size_t> skill_at;
  std::map<std::string, std::pair<std::string, std::string>> groups;  // uri → label, code
  std::map<std::string, std::string> broader;                         // uri → broader uri
  std::vector<EscoOccupation> occupations;
  std::map<std::string, std::size_t> occupation_at;
  std::size_t duplicates = 0, with_alt_labels = 0, unknown = 0, relations = 0;
  std::set<std::string> other_types;

  const std::vector<const EscoFile*>& files(EscoFileKind kind) const {
    return by_kind[static_cast<int>(kind)];
  }
};

/// Skills, in file order; the first of two rows with one URI counts.
void esco_read_skills(EscoData& d) {
  for (const EscoFile* file : d.files(EscoFileKind::skills)) {
    EscoTable t(*file, esco_max_skills);
    auto uri = t.required("conceptUri"), label = t.required("preferredLabel"),
         type = t.required("skillType");
    auto description = t.optional("description"), alt = t.optional("altLabels");
    for (const CsvRow& row : t.rows()) {
      EscoSkill s{t.needed(row, uri),
                  t.value(row, type),
                  t.needed(row, label),
                  t.value(row, description),
                  "",
                  ""};
      d.with_alt_labels += t.value(row, alt).empty() ? 0 : 1;
      if (!d.skill_at.emplace(s.uri, d.skills.size()).second) {
        ++d.duplicates;
        continue;
      }
      if (d.skills.size() == esco_max_skills)
        throw Error(ErrorCode::too_large,
                    "more than " + std::to_string(esco_max_skills) + " skills",
                    {t.path(), static_cast<int>(row.line), ""});
      d.skills.push_back(std::move(s));
    }
  }
}

/// Skill groups (their titles) and the broader relations (skill → group, or skill → skill).
void esco_read_hierarchy(EscoData& d) {
  for (const EscoFile* file : d.files(EscoFileKind::groups)) {
    EscoTable t(*file, esco_max_skills);
    auto uri = t.required("conceptUri"), label = t.required("preferredLabel");
    auto code = t.optional("code");
    for (const CsvRow& row : t.rows())
      d.groups.emplace(t.needed(row, uri), std::pair{t.value(row, label), t.value(row, code)});
  }
  for (const EscoFile* file : d.files(EscoFileKind::broader)) {
    EscoTable t(*file, esco_max_relations);
    auto uri = t.required("conceptUri"), up = t.required("broaderUri");
    for (const CsvRow& row : t.rows())
      d.broader.emplace(t.needed(row, uri), t.needed(row, up));  // ESCO is a mono-hierarchy
  }
}

/// The first group up a skill's broader chain ("" when none).
std::string esco_group_of(const EscoData& d, const std::string& skill_uri) {
  std::string up = skill_uri;
  for (int depth = 0; depth < 16; ++depth) {
    auto b = d.broader.find(up);
    if (b == d.broader.end())
      return "";
    up = b->second;
    if (!d.skill_at.count(up))
      return up;
  }
  return "";
}

/// Layers: the skill types in order of appearance. Clusters: each skill's group, per layer in
/// order of appearance.
void esco_place_skills(EscoData& d, model::Framework& f) {
  EscoIds taken_layers, taken_clusters;
  std::map<std::string, std::string> layer_of_type;
  std::map<std::string, std::vector<model::Cluster>> clusters_of_layer;
  std::map<std::string, std::string> cluster_of_group;
  for (EscoSkill& s : d.skills) {
    auto [layer, fresh] = layer_of_type.try_emplace(s.type, "");
    if (fresh) {
      layer->second =
          esco_unique(s.type.empty() ? "zonder-type" : text::slugify(s.type), taken_layers);
      f.layers.push_back({layer->second, s.type.empty() ? "(geen skillType)" : s.type});
    }
    s.layer_id = layer->second;
    const std::string group = esco_group_of(d, s.uri);
    auto [cluster, new_cluster] =
        cluster_of_group.try_emplace(group.empty() ? "\n" + s.layer_id : group, "");
    if (new_cluster) {
      std::string title, wanted;
      if (group.empty()) {
        wanted = s.layer_id + "-zonder-groep";
        title = "Zonder vaardigheidsgroep";
      } else if (auto g = d.groups.find(group); g != d.groups.end()) {
        wanted =
            text::slugify(g->second.second.empty() ? esco_last_segment(group) : g->second.second);
        title = g->second.first;
      } else {
        wanted = text::slugify(esco_last_segment(group));
        title = "ESCO-groep " + esco_last_segment(group);
      }
      cluster->second = esco_unique(wanted, taken_clusters);
      clusters_of_layer[s.layer_id].push_back({cluster->second, s.layer_id, title});
    }
    s.cluster_id = cluster->second;
  }
  for (const model::Layer& layer : f.layers)
    for (auto& c : clusters_of_layer[layer.id])
      f.clusters.push_back(std::move(c));
}

/// Occupations and the skills each holds (essential, optional).
void esco_read_occupations(EscoData& d) {
  for (const EscoFile* file : d.files(EscoFileKind::occupations)) {
    EscoTable t(*file, esco_max_occupations);
    auto uri = t.required("conceptUri"), label = t.required("preferredLabel");
    auto description = t.optional("description"), code = t.optional("code");
    for (const CsvRow& row : t.rows()) {
      EscoOccupation o{t.needed(row, uri),
                       t.needed(row, label),
                       t.value(row, description),
                       t.value(row, code),
                       {},
                       {}};
      if (!d.occupation_at.emplace(o.uri, d.occupations.size()).second) {
        ++d.duplicates;
        continue;
      }
      d.occupations.push_back(std::move(o));
    }
  }
  for (const EscoFile* file : d.files(EscoFileKind::relations)) {
    EscoTable t(*file, esco_max_relations);
    auto occ = t.required("occupationUri"), type = t.required("relationType"),
         skill = t.required("skillUri");
    for (const CsvRow& row : t.rows()) {
      std::string o = t.needed(row, occ), s = t.needed(row, skill), kind = t.value(row, type);
      auto oi = d.occupation_at.find(o);
      if (oi == d.occupation_at.end() || !d.skill_at.count(s)) {
        ++d.unknown;  // a partial download: the relation names a concept not among the files
        continue;
      }
      ++d.relations;
      if (kind == "essential") {
        d.occupations[oi->second].essential.push_back(s);
      } else {
        if (kind != "optional")
          d.other_types.insert(kind);
        d.occupations[oi->second].optional.push_back(s);
      }
    }
  }
}

/// The catalog profile (every skill once) and one profile per occupation.
void esco_add_profiles(const EscoData& d, model::Framework& f, const std::string& skills_path) {
  // Every profile holds one entry per cluster of its framework: bound their product, which
  // real downloads stay far below (about 600 groups × 3,000 occupations).
  const std::size_t entries = f.clusters.size() * (d.occupations.size() + 1);
  if (entries > esco_max_profile_clusters)
    throw Error(ErrorCode::too_large,
                std::to_string(f.clusters.size()) + " skill groups × " +
                    std::to_string(d.occupations.size() + 1) + " profiles exceeds " +
                    std::to_string(esco_max_profile_clusters) +
                    " cluster entries; import fewer occupations or skills",
                {skills_path, 0, ""});
  EscoIds taken;
  model::Profile catalog;
  catalog.id = esco_unique(f.id + "-vaardigheden", taken);
  catalog.title = "ESCO-vaardigheden en -kennis";
  catalog.framework_id = f.id;
  catalog.definition =
      "Elke vaardigheid en kennis uit " + skills_path + ", één keer, in haar vaardigheidsgroep.";
  std::vector<const EscoSkill*> all;
  for (const EscoSkill& s : d.skills)
    all.push_back(&s);
  esco_fill_profile(catalog, f, all);
  f.profiles.push_back(std::move(catalog));
  for (const EscoOccupation& o : d.occupations) {
    model::Profile p;
    p.id = esco_unique(
        f.id + "-" + text::slugify(o.code.empty() ? esco_last_segment(o.uri) : o.code), taken);
    p.title = o.label;
    p.framework_id = f.id;
    p.definition = o.description;
    std::vector<const EscoSkill*> list;
    std::set<std::string> seen;
    for (const auto* uris : {&o.essential, &o.optional})
      for (const std::string& uri : *uris)
        if (seen.insert(uri).second)
          list.push_back(&d.skills[d.skill_at.at(uri)]);
    esco_fill_profile(p, f, list);
    f.profiles.push_back(std::move(p));
  }
}

std::vector<ReportNote> esco_notes(const EscoData& d, const model::Framework& f,
                                   const std::string& where) {
  std::vector<ReportNote> notes;
  notes.push_back({ReportNote::Kind::info,
                   "ESCO: " + std::to_string(d.skills.size()) + " skills in " +
                       std::to_string(f.clusters.size()) + " groups, " +
                       std::to_string(d.occupations.size()) + " occupations, " +
                       std::to_string(d.relations) + " occupation-skill relations",
                   {where, 0, ""}});
  if (d.unknown > 0)
    notes.push_back({ReportNote::Kind::warning,
                     std::to_string(d.unknown) +
                         " occupation-skill relations name an occupation or skill not among the "
                         "files; left out",
                     {where, 0, ""}});
  if (d.duplicates > 0)
    notes.push_back({ReportNote::Kind::warning,
                     std::to_string(d.duplicates) +
                         " rows repeat a conceptUri read before; the first one counts",
                     {where, 0, ""}});
  if (!d.files(EscoFileKind::unused).empty())
    notes.push_back({ReportNote::Kind::decision,
                     std::to_string(d.files(EscoFileKind::unused).size()) +
                         " files of the download not read (collections, skill-skill relations)",
                     {where, 0, ""}});
  if (d.with_alt_labels > 0)
    notes.push_back({ReportNote::Kind::decision,
                     std::to_string(d.with_alt_labels) +
                         " skills have altLabels, which the model has no place for yet; not kept",
                     {where, 0, "altLabels"}});
  for (const std::string& kind : d.other_types)
    notes.push_back({ReportNote::Kind::warning,
                     "relationType \"" + kind + "\" read as optional",
                     {where, 0, "relationType"}});
  return notes;
}

}  // namespace

std::optional<EscoFileKind> esco_file_kind(const std::vector<std::string>& header) {
  auto has = [&](std::string_view n) { return esco_has(header, n); };
  // Collections repeat skills or occupations of the main files; the skill-skill relations have
  // no place in the model. Known, so a folder of the whole download imports, but not read.
  if ((has("conceptUri") && has("broaderConceptUri")) ||
      (has("originalSkillUri") && has("relatedSkillUri")))
    return EscoFileKind::unused;
  if (has("occupationUri") && has("skillUri") && has("relationType"))
    return EscoFileKind::relations;
  if (has("conceptUri") && has("broaderUri"))
    return EscoFileKind::broader;
  if (has("conceptUri") && has("preferredLabel") && has("skillType"))
    return EscoFileKind::skills;
  if (has("conceptUri") && has("preferredLabel") && has("iscoGroup"))
    return EscoFileKind::occupations;
  if (has("conceptType") && has("conceptUri") && has("preferredLabel"))
    return EscoFileKind::groups;
  return std::nullopt;
}

bool looks_like_esco_csv(std::string_view text) {
  // A JSON document or a text layout never starts with a record naming these columns.
  // Every ESCO header names a URI column (conceptUri, occupationUri, originalSkillUri).
  if (text.substr(0, 65536).find("Uri") == std::string_view::npos)
    return false;
  return esco_file_kind(csv_header(text)).has_value();
}

ParseResult parse_esco_files(const std::vector<EscoFile>& files) {
  EscoData d;
  for (const EscoFile& file : files) {
    auto kind = esco_file_kind(csv_header(file.text));
    if (!kind)
      throw Error(ErrorCode::parse_error,
                  "not an ESCO CSV file: its header names none of skills (conceptUri, "
                  "skillType, preferredLabel), occupations (conceptUri, iscoGroup, "
                  "preferredLabel), occupationSkillRelations (occupationUri, relationType, "
                  "skillUri), broaderRelationsSkillPillar (conceptUri, broaderUri) or "
                  "skillGroups (conceptType, conceptUri, preferredLabel)",
                  {file.path, 1, ""});
    d.by_kind[static_cast<int>(*kind)].push_back(&file);
  }
  const auto& skill_files = d.by_kind[static_cast<int>(EscoFileKind::skills)];
  if (skill_files.empty())
    throw Error(ErrorCode::parse_error,
                "an ESCO import needs the skills file (skills_nl.csv) among its files",
                {files.empty() ? std::string() : files.front().path, 0, ""});
  esco_read_skills(d);
  esco_read_hierarchy(d);
  model::Framework f;
  std::string lang = esco_language(skill_files.front()->path);
  f.id = lang.empty() ? "esco" : "esco-" + lang;
  f.title = lang.empty() ? "ESCO" : "ESCO (" + lang + ")";
  esco_place_skills(d, f);
  esco_read_occupations(d);
  esco_add_profiles(d, f, skill_files.front()->path);
  ParseResult result;
  result.notes = esco_notes(d, f, skill_files.front()->path);
  result.documents.push_back(std::move(f));
  return result;
}

}  // namespace vakkaart::sources
