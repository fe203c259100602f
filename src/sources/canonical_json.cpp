#include "sources/canonical_json.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "core/json_reader.h"
#include "sources/qualification_parts_json.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

/// Issue 18: a text's translations as {"en": ..., "fr": ...}, written only when there are some,
/// so a framework without labels keeps its exact JSON (and the goldens).
void put_labels(Json& j, const char* key, const model::Labels& labels) {
  if (labels.empty())
    return;
  Json o = Json::object();
  for (const auto& [language, text] : labels)
    o[language] = text;
  j[key] = std::move(o);
}

Json activity_to_json(const model::Activity& a, bool top_level) {
  Json j;
  j["text"] = a.text;
  put_labels(j, "labels", a.labels);
  // Top-level activities always carry "children"; nested ones only when they have some, which
  // is the shape of the hand-checked goldens.
  if (top_level || !a.children.empty()) {
    Json children = Json::array();
    for (const auto& c : a.children)
      children.push_back(activity_to_json(c, false));
    j["children"] = std::move(children);
  }
  return j;
}

Json optional_int(const std::optional<int>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v)
    a.push_back(s);
  return a;
}

// --- reading ---------------------------------------------------------------------------------

/// The canonical reader: typed members (JsonReader, whitespace collapsed as on import) plus
/// the shapes of frameworks, profiles and qualifications.
class Reader : public JsonReader {
 public:
  explicit Reader(std::string file) : JsonReader(std::move(file), &text::collapse_whitespace) {}

  /// Optional translations: an object of known languages (model::label_languages()) to texts.
  model::Labels labels(const Json& j, const std::string& path, const char* key) const {
    model::Labels out;
    auto it = j.find(key);
    if (it == j.end())
      return out;
    const std::string here = path + "." + key;
    if (!it->is_object())
      fail(here, "expected an object of language -> text");
    for (const auto& entry : it->items()) {
      const auto& known = model::label_languages();
      if (std::find(known.begin(), known.end(), entry.key()) == known.end())
        fail(here + "." + entry.key(), "a language other than en or fr");
      out[entry.key()] = str(*it, here, entry.key().c_str());
    }
    return out;
  }

  model::Activity activity(const Json& j, const std::string& path) const {
    model::Activity a;
    a.text = str(j, path, "text");
    a.labels = labels(j, path, "labels");
    auto it = j.find("children");
    if (it != j.end()) {
      if (!it->is_array())
        fail(path + ".children", "expected an array");
      for (size_t i = 0; i < it->size(); ++i)
        a.children.push_back(activity((*it)[i], path + ".children[" + std::to_string(i) + "]"));
    }
    return a;
  }

  /// A profile object; its cluster list also describes the framework's clusters.
  model::Profile profile(const Json& j, const std::string& path,
                         std::vector<model::Cluster>* clusters_seen) const {
    model::Profile p;
    p.id = str(j, path, "id");
    p.title = str(j, path, "title");
    p.framework_id = str(j, path, "framework");
    p.definition = str(j, path, "definition");
    p.title_labels = labels(j, path, "title_labels");
    p.definition_labels = labels(j, path, "definition_labels");
    const Json& cs = array(j, path, "clusters");
    for (size_t i = 0; i < cs.size(); ++i) {
      std::string cp = path + ".clusters[" + std::to_string(i) + "]";
      model::ProfileCluster pc;
      pc.cluster_id = str(cs[i], cp, "id");
      if (clusters_seen) {
        clusters_seen->push_back({pc.cluster_id, str(cs[i], cp, "layer"), str(cs[i], cp, "title")});
      }
      const Json& mas = array(cs[i], cp, "main_activities");
      for (size_t m = 0; m < mas.size(); ++m) {
        std::string mp = cp + ".main_activities[" + std::to_string(m) + "]";
        model::MainActivity ma;
        ma.title = opt_str(mas[m], mp, "title");
        ma.title_labels = labels(mas[m], mp, "title_labels");
        const Json& acts = array(mas[m], mp, "activities");
        for (size_t a = 0; a < acts.size(); ++a)
          ma.activities.push_back(activity(acts[a], mp + ".activities[" + std::to_string(a) + "]"));
        pc.main_activities.push_back(std::move(ma));
      }
      p.clusters.push_back(std::move(pc));
    }
    return p;
  }

  model::Framework framework(const Json& j, const std::string& path) const {
    model::Framework f;
    f.id = str(j, path, "id");
    f.title = str(j, path, "title");
    f.date = opt_str(j, path, "date").value_or("");
    f.title_labels = labels(j, path, "title_labels");
    const Json& ls = array(j, path, "layers");
    for (size_t i = 0; i < ls.size(); ++i) {
      std::string lp = path + ".layers[" + std::to_string(i) + "]";
      f.layers.push_back(
          {str(ls[i], lp, "id"), str(ls[i], lp, "title"), labels(ls[i], lp, "title_labels")});
    }
    const Json& cs = array(j, path, "clusters");
    for (size_t i = 0; i < cs.size(); ++i) {
      std::string cp = path + ".clusters[" + std::to_string(i) + "]";
      f.clusters.push_back({str(cs[i], cp, "id"), str(cs[i], cp, "layer"), str(cs[i], cp, "title"),
                            labels(cs[i], cp, "title_labels")});
    }
    const Json& ps = array(j, path, "profiles");
    for (size_t i = 0; i < ps.size(); ++i)
      f.profiles.push_back(profile(ps[i], path + ".profiles[" + std::to_string(i) + "]", nullptr));
    return f;
  }

  model::Qualification qualification(const Json& j, const std::string& path) const {
    model::Qualification q;
    q.id = str(j, path, "id");
    q.code = str(j, path, "code");
    const Json& version = member(j, path, "version");
    if (!version.is_number_integer())
      fail(path + ".version", "expected an integer");
    q.version = version.get<int>();
    const Json& current = member(j, path, "current");
    if (!current.is_boolean())
      fail(path + ".current", "expected true or false");
    q.current = current.get<bool>();
    if (j.contains("withdrawn")) {
      const Json& withdrawn = j.at("withdrawn");
      if (!withdrawn.is_boolean())
        fail(path + ".withdrawn", "expected true or false");
      q.withdrawn = withdrawn.get<bool>();
    }
    q.title = str(j, path, "title");
    q.definition = str(j, path, "definition");
    const Json& level = member(j, path, "level");
    q.level.vks = opt_int(level, path + ".level", "vks");
    q.level.eqf = opt_int(level, path + ".level", "eqf");
    q.recognition = opt_str(j, path, "recognition").value_or("");
    q.year = opt_int(j, path, "year");
    const Json& comps = array(j, path, "competences");
    for (size_t i = 0; i < comps.size(); ++i) {
      std::string cp = path + ".competences[" + std::to_string(i) + "]";
      model::Competence c;
      const Json& number = member(comps[i], cp, "number");
      if (!number.is_number_integer())
        fail(cp + ".number", "expected an integer");
      c.number = number.get<int>();
      c.title = str(comps[i], cp, "title");
      c.code = opt_str(comps[i], cp, "code");
      if (c.code && c.code->empty())
        fail(cp + ".code", "expected a code or no member");
      c.group = opt_str(comps[i], cp, "group").value_or("");
      if (comps[i].contains("group") && c.group.empty())
        fail(cp + ".group", "expected a group heading or no member");
      const Json& acts = array(comps[i], cp, "activities");
      for (size_t a = 0; a < acts.size(); ++a) {
        std::string ap = cp + ".activities[" + std::to_string(a) + "]";
        model::CompetenceActivity act{str(acts[a], ap, "text"), std::nullopt};
        if (auto d = opt_str(acts[a], ap, "descriptor")) {
          act.descriptor = model::descriptor_from_string(*d);
          if (!act.descriptor)
            fail(ap + ".descriptor", "unknown descriptor '" + *d + "'");
        }
        c.activities.push_back(std::move(act));
      }
      const Json& know = array(comps[i], cp, "knowledge");
      for (size_t k = 0; k < know.size(); ++k) {
        std::string kp = cp + ".knowledge[" + std::to_string(k) + "]";
        model::KnowledgeItem item{str(know[k], kp, "text"), std::nullopt};
        if (auto kind = opt_str(know[k], kp, "kind")) {
          item.kind = model::knowledge_kind_from_string(*kind);
          if (!item.kind)
            fail(kp + ".kind", "unknown knowledge kind '" + *kind + "'");
        }
        c.knowledge.push_back(std::move(item));
      }
      q.competences.push_back(std::move(c));
    }
    q.environment_context = str_array(j, path, "environment_context");
    q.action_context = str_array(j, path, "action_context");
    const Json& autonomy = member(j, path, "autonomy");
    q.autonomy.independent_in = str_array(autonomy, path + ".autonomy", "independent_in");
    q.autonomy.bound_to = str_array(autonomy, path + ".autonomy", "bound_to");
    q.autonomy.relies_on = str_array(autonomy, path + ".autonomy", "relies_on");
    q.responsibility = str_array(j, path, "responsibility");
    // Certificates keep their line breaks; only runs within a line collapse.
    if (auto it = j.find("certificates"); it != j.end() && !it->is_null()) {
      if (!it->is_string())
        fail(path + ".certificates", "expected a string");
      q.certificates = text::collapse_lines(it->get<std::string>());
    }
    if (auto it = j.find("raw_sections"); it != j.end()) {
      if (!it->is_array())
        fail(path + ".raw_sections", "expected an array");
      for (size_t i = 0; i < it->size(); ++i) {
        std::string rp = path + ".raw_sections[" + std::to_string(i) + "]";
        q.raw_sections.push_back({str((*it)[i], rp, "title"), str_array((*it)[i], rp, "lines")});
      }
    }
    read_qualification_parts(*this, j, path, q);
    return q;
  }

 private:
  std::string file_;
};

std::string layer_title_for(const std::string& layer_id) {
  static const std::map<std::string, std::string> known = {
      {"lerende-professional", "De lerende professional"},
      {"kernactiviteiten", "Kernactiviteiten"},
      {"ondersteunende-activiteiten", "Ondersteunende activiteiten"}};
  auto it = known.find(layer_id);
  return it == known.end() ? layer_id : it->second;
}

/// Gathers loose profiles into frameworks rebuilt from the clusters the profiles list.
void gather_profiles(std::vector<std::pair<model::Profile, std::vector<model::Cluster>>>&& loose,
                     const std::string& file, ParseResult& result) {
  std::vector<model::Framework> frameworks;
  for (auto& entry : loose) {
    model::Profile& profile = entry.first;
    const std::vector<model::Cluster>& clusters = entry.second;
    const std::string framework_id = profile.framework_id;
    auto it = std::find_if(frameworks.begin(), frameworks.end(),
                           [&](const auto& f) { return f.id == framework_id; });
    if (it == frameworks.end()) {
      frameworks.push_back({});
      it = frameworks.end() - 1;
      it->id = profile.framework_id;
    }
    for (const auto& c : clusters) {
      if (!it->find_layer(c.layer_id))
        it->layers.push_back({c.layer_id, layer_title_for(c.layer_id)});
      if (const auto* known = it->find_cluster(c.id)) {
        if (!(*known == c))
          throw Error(ErrorCode::parse_error,
                      "cluster '" + c.id + "' is described differently by two profiles",
                      {file, 0, "clusters"});
      } else {
        it->clusters.push_back(c);
      }
    }
    it->profiles.push_back(std::move(profile));
  }
  for (auto& f : frameworks) {
    result.notes.push_back({ReportNote::Kind::decision,
                            "framework '" + f.id + "' rebuilt from " +
                                std::to_string(f.profiles.size()) +
                                " loose profile(s); its layers and clusters come from theirs",
                            {file, 0, ""}});
    // Every profile lists every cluster, in the framework's order.
    for (auto& p : f.profiles) {
      std::vector<model::ProfileCluster> ordered;
      for (const auto& c : f.clusters) {
        auto pc = std::find_if(p.clusters.begin(), p.clusters.end(),
                               [&](const auto& x) { return x.cluster_id == c.id; });
        ordered.push_back(pc == p.clusters.end() ? model::ProfileCluster{c.id, {}} : *pc);
      }
      p.clusters = std::move(ordered);
    }
    result.documents.emplace_back(std::move(f));
  }
}

int line_of_offset(std::string_view text, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n')
      ++line;
  return line;
}

}  // namespace

Json profile_to_json(const model::Framework& framework, const model::Profile& profile) {
  Json j;
  j["kind"] = "profile";
  j["id"] = profile.id;
  j["title"] = profile.title;
  j["framework"] = profile.framework_id;
  j["definition"] = profile.definition;
  put_labels(j, "title_labels", profile.title_labels);
  put_labels(j, "definition_labels", profile.definition_labels);
  Json clusters = Json::array();
  for (const auto& cluster : framework.clusters) {
    Json c;
    c["id"] = cluster.id;
    c["layer"] = cluster.layer_id;
    c["title"] = cluster.title;
    Json mas = Json::array();
    for (const auto& pc : profile.clusters) {
      if (pc.cluster_id != cluster.id)
        continue;
      for (const auto& ma : pc.main_activities) {
        Json m;
        m["title"] = ma.title ? Json(*ma.title) : Json(nullptr);
        put_labels(m, "title_labels", ma.title_labels);
        Json acts = Json::array();
        for (const auto& a : ma.activities)
          acts.push_back(activity_to_json(a, true));
        m["activities"] = std::move(acts);
        mas.push_back(std::move(m));
      }
    }
    c["main_activities"] = std::move(mas);
    clusters.push_back(std::move(c));
  }
  j["clusters"] = std::move(clusters);
  return j;
}

Json framework_to_json(const model::Framework& framework) {
  Json j;
  j["kind"] = "framework";
  j["id"] = framework.id;
  j["title"] = framework.title;
  j["date"] = framework.date;
  put_labels(j, "title_labels", framework.title_labels);
  Json layers = Json::array();
  for (const auto& l : framework.layers) {
    layers.push_back(Json{{"id", l.id}, {"title", l.title}});
    put_labels(layers.back(), "title_labels", l.labels);
  }
  j["layers"] = std::move(layers);
  Json clusters = Json::array();
  for (const auto& c : framework.clusters) {
    clusters.push_back(Json{{"id", c.id}, {"layer", c.layer_id}, {"title", c.title}});
    put_labels(clusters.back(), "title_labels", c.labels);
  }
  j["clusters"] = std::move(clusters);
  Json profiles = Json::array();
  for (const auto& p : framework.profiles)
    profiles.push_back(profile_to_json(framework, p));
  j["profiles"] = std::move(profiles);
  return j;
}

Json qualification_to_json(const model::Qualification& q) {
  Json j;
  j["kind"] = "qualification";
  j["id"] = q.id;
  j["code"] = q.code;
  j["version"] = q.version;
  j["current"] = q.current;
  // Only a repealed qualification says so: every other export stays as it was.
  if (q.withdrawn)
    j["withdrawn"] = true;
  j["title"] = q.title;
  j["definition"] = q.definition;
  j["level"] = Json{{"vks", optional_int(q.level.vks)}, {"eqf", optional_int(q.level.eqf)}};
  j["recognition"] = q.recognition;
  j["year"] = optional_int(q.year);
  Json comps = Json::array();
  for (const auto& c : q.competences) {
    Json cj;
    cj["number"] = c.number;
    cj["title"] = c.title;
    // Only a competence with a code of its own says so: every other export stays as it was.
    if (c.code)
      cj["code"] = *c.code;
    if (!c.group.empty())
      cj["group"] = c.group;
    Json acts = Json::array();
    for (const auto& a : c.activities)
      acts.push_back(Json{
          {"text", a.text},
          {"descriptor", a.descriptor ? Json(model::to_string(*a.descriptor)) : Json(nullptr)}});
    cj["activities"] = std::move(acts);
    Json know = Json::array();
    for (const auto& k : c.knowledge)
      know.push_back(Json{{"text", k.text},
                          {"kind", k.kind ? Json(model::to_string(*k.kind)) : Json(nullptr)}});
    cj["knowledge"] = std::move(know);
    comps.push_back(std::move(cj));
  }
  j["competences"] = std::move(comps);
  j["environment_context"] = strings(q.environment_context);
  j["action_context"] = strings(q.action_context);
  j["autonomy"] = Json{{"independent_in", strings(q.autonomy.independent_in)},
                       {"bound_to", strings(q.autonomy.bound_to)},
                       {"relies_on", strings(q.autonomy.relies_on)}};
  j["responsibility"] = strings(q.responsibility);
  j["certificates"] = q.certificates;
  Json raw = Json::array();
  for (const auto& r : q.raw_sections)
    raw.push_back(Json{{"title", r.title}, {"lines", strings(r.lines)}});
  j["raw_sections"] = std::move(raw);
  add_qualification_parts(q, j);
  return j;
}

ParseResult parse_canonical_json(std::string_view text, const std::string& file_name) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::parse_error, std::string("invalid JSON: ") + e.what(),
                {file_name, line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0), ""});
  } catch (const nlohmann::json::exception& e) {
    // A number out of range ("1e999") is no parse_error to nlohmann, but is one here.
    throw Error(ErrorCode::parse_error, std::string("invalid JSON: ") + e.what(),
                {file_name, 0, ""});
  }
  Reader reader(file_name);
  ParseResult result;
  std::vector<std::pair<model::Profile, std::vector<model::Cluster>>> loose;
  auto take = [&](const Json& j, const std::string& path) {
    std::string kind = reader.str(j, path, "kind");
    if (kind == "framework") {
      result.documents.emplace_back(reader.framework(j, path));
    } else if (kind == "qualification") {
      result.documents.emplace_back(reader.qualification(j, path));
    } else if (kind == "profile") {
      std::vector<model::Cluster> clusters;
      model::Profile p = reader.profile(j, path, &clusters);
      loose.emplace_back(std::move(p), std::move(clusters));
    } else {
      reader.fail(path + ".kind",
                  "unknown kind '" + kind + "' (framework, profile, qualification)");
    }
  };
  if (root.is_array()) {
    for (size_t i = 0; i < root.size(); ++i)
      take(root[i], "$[" + std::to_string(i) + "]");
  } else {
    take(root, "$");
  }
  if (!loose.empty())
    gather_profiles(std::move(loose), file_name, result);
  if (result.documents.empty())
    throw Error(ErrorCode::parse_error, "the JSON holds no framework, profile or qualification",
                {file_name, 1, ""});
  return result;
}

bool looks_like_canonical_json(std::string_view text) {
  std::string_view t = text::trim(text.substr(0, 4096));
  if (t.empty() || (t.front() != '{' && t.front() != '['))
    return false;
  return t.find("\"kind\"") != std::string_view::npos;
}

}  // namespace vakkaart::sources
