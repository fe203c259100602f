#include "exchange/skos_export.h"

#include <map>
#include <set>

#include "exchange/qualification_notes.h"
#include "text/text_utils.h"

namespace vakkaart::exchange {

namespace {

constexpr const char* kSkos = "http://www.w3.org/2004/02/skos/core#";
constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kOwl = "http://www.w3.org/2002/07/owl#";

std::string skos(const char* local) {
  return std::string(kSkos) + local;
}

// Our ids are slugs, but nothing stops an imported one from holding a space or '#': every
// byte outside RFC 3986's unreserved set is percent-encoded, so each id is one path segment.
std::string skos_segment(const std::string& id) {
  return text::percent_encode(id, "-._~");  // RFC 3986 unreserved, the rest encoded
}

std::vector<std::string> skos_split_ref(const std::string& ref) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto colon = ref.find(':', start);
    parts.push_back(ref.substr(start, colon == std::string::npos ? colon : colon - start));
    if (colon == std::string::npos)
      return parts;
    start = colon + 1;
  }
}

class SkosBuilder {
 public:
  explicit SkosBuilder(const SkosOptions& options)
      : options_(options),
        graph_({{"skos", kSkos}, {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}}) {}

  /// `path` is already made of encoded segments.
  std::string iri(const std::string& path) const {
    if (options_.base_url.empty())
      return "urn:vakkaart:" + path;
    std::string base = options_.base_url;
    while (!base.empty() && base.back() == '/')
      base.pop_back();
    return base + "/" + path;
  }
  std::string framework_doc(const std::string& f) const {
    return iri("api/frameworks/" + skos_segment(f));
  }
  std::string profile_doc(const std::string& p) const { return iri("profiles/" + skos_segment(p)); }
  std::string qualification_doc(const std::string& q) const {
    return iri("qualifications/" + skos_segment(q));
  }

  void scheme(const std::string& id, const std::string& key, const std::string& title,
              const std::string& definition, const model::Labels& translated = {}) {
    scheme_ = id;
    graph_.add(id, kRdfType, RdfTerm::iri(skos("ConceptScheme")));
    labels(id, key, title, translated);
    if (!definition.empty())
      graph_.add(id, skos("definition"), RdfTerm::literal(definition, options_.language));
  }

  void add_concept(const std::string& id, const std::string& key, const std::string& label,
                   const std::string& notation, const model::Labels& translated = {}) {
    graph_.add(id, kRdfType, RdfTerm::iri(skos("Concept")));
    labels(id, key, label, translated);
    if (!notation.empty())
      graph_.add(id, skos("notation"), RdfTerm::literal(notation));
    graph_.add(id, skos("inScheme"), RdfTerm::iri(scheme_));
    if (deprecated_)
      deprecated(id);
  }

  /// Marks the scheme, and every concept and collection added after this, owl:deprecated: a
  /// withdrawn qualification and all it holds are no longer in force. Only such a graph
  /// declares the owl prefix.
  void deprecate() {
    deprecated_ = true;
    graph_.add_prefix({"owl", kOwl});
    deprecated(scheme_);
  }

  /// A note in the model's language: `kind` is "note" or "scopeNote".
  /// A further notation: a code of its own the source gives the concept ("co 01310").
  void notation(const std::string& id, const std::string& code) {
    graph_.add(id, skos("notation"), RdfTerm::literal(code));
  }

  void note(const std::string& id, const char* kind, const std::string& text) {
    graph_.add(id, skos(kind), RdfTerm::literal(text, options_.language));
  }

  /// A skos:Collection of concepts of the scheme (SKOS keeps collections out of the concept
  /// hierarchy, and they take no skos:inScheme).
  void collection(const std::string& id, const std::string& label, const std::string& notation,
                  const std::vector<std::string>& members) {
    graph_.add(id, kRdfType, RdfTerm::iri(skos("Collection")));
    graph_.add(id, skos("prefLabel"), RdfTerm::literal(label, options_.language));
    if (!notation.empty())
      graph_.add(id, skos("notation"), RdfTerm::literal(notation));
    for (const std::string& m : members)
      graph_.add(id, skos("member"), RdfTerm::iri(m));
    if (deprecated_)
      deprecated(id);
  }

  void top(const std::string& id) {
    graph_.add(id, skos("topConceptOf"), RdfTerm::iri(scheme_));
    graph_.add(scheme_, skos("hasTopConcept"), RdfTerm::iri(id));
  }

  void broader(const std::string& narrow, const std::string& broad) {
    graph_.add(narrow, skos("broader"), RdfTerm::iri(broad));
    graph_.add(broad, skos("narrower"), RdfTerm::iri(narrow));
  }

  void definition(const std::string& id, const std::string& text,
                  const model::Labels& translated = {}) {
    if (!text.empty())
      graph_.add(id, skos("definition"), RdfTerm::literal(text, options_.language));
    for (const auto& [language, label] : translated)
      if (!label.empty() && language != options_.language)
        graph_.add(id, skos("definition"), RdfTerm::literal(label, language));
  }

  /// Main activities and competences by their crosswalk ref, for the alignments.
  void known_ref(const std::string& ref, const std::string& id) { refs_[ref] = id; }

  void alignments(const std::vector<model::Alignment>& list) {
    for (const model::Alignment& a : list) {
      auto source = refs_.find(a.source_ref);
      if (source == refs_.end() || a.status == model::AlignmentStatus::rejected)
        continue;
      const char* property = a.type == model::AlignmentType::exact   ? "exactMatch"
                             : a.type == model::AlignmentType::close ? "closeMatch"
                                                                     : "relatedMatch";
      graph_.add(source->second, skos(property),
                 RdfTerm::iri(skos_ref_iri(options_, a.target_ref)));
    }
  }

  RdfGraph take() { return std::move(graph_); }

 private:
  /// The model's own (Dutch) label, its translations (issue 18) as prefLabels in their
  /// languages, then any further labels the caller gives.
  void labels(const std::string& id, const std::string& key, const std::string& own,
              const model::Labels& translated) {
    graph_.add(id, skos("prefLabel"), RdfTerm::literal(own, options_.language));
    std::set<std::string> preferred = {options_.language};
    for (const auto& [language, label] : translated)
      if (!label.empty() && preferred.insert(language).second)
        graph_.add(id, skos("prefLabel"), RdfTerm::literal(label, language));
    if (!options_.more_labels)
      return;
    for (const SkosLabel& l : options_.more_labels(key)) {
      if (l.language.empty() || l.text.empty())
        continue;
      // skos:prefLabel holds one label per language: a second preferred one in a language
      // that has one (the model's own, a translation) would break the scheme's integrity, so
      // it becomes an alternative.
      bool pref = l.preferred && preferred.insert(l.language).second;
      graph_.add(id, skos(pref ? "prefLabel" : "altLabel"), RdfTerm::literal(l.text, l.language));
    }
  }

  void deprecated(const std::string& id) {
    graph_.add(id, std::string(kOwl) + "deprecated", RdfTerm::boolean(true));
  }

  const SkosOptions& options_;
  RdfGraph graph_;
  std::string scheme_;
  bool deprecated_ = false;
  std::map<std::string, std::string> refs_;
};

void skos_add_activities(SkosBuilder& b, const std::vector<model::Activity>& activities,
                         const std::string& parent, const std::string& parent_iri,
                         const std::string& key_path) {
  int n = 0;
  for (const model::Activity& a : activities) {
    std::string here = std::to_string(++n);
    std::string id = parent_iri + "/" + here;
    std::string key = key_path + "/" + here;
    b.add_concept(id, "activity:" + key, a.text, "", a.labels);
    b.broader(id, parent);
    skos_add_activities(b, a.children, id, id, key);
  }
}

void skos_add_profile(SkosBuilder& b, const model::Framework& f, const model::Profile& p,
                      const std::map<std::string, std::string>& cluster_iris) {
  std::string doc = b.profile_doc(p.id);
  std::string pid = doc + "#profile";
  b.add_concept(pid, "profile:" + p.id, p.title, p.id, p.title_labels);
  b.definition(pid, p.definition, p.definition_labels);
  b.top(pid);
  for (const model::ProfileCluster& pc : p.clusters) {
    const model::Cluster* cluster = f.find_cluster(pc.cluster_id);
    int n = 0;
    for (const model::MainActivity& ma : pc.main_activities) {
      std::string number = std::to_string(++n);
      std::string ref = p.id + ":" + pc.cluster_id + ":" + number;
      std::string id = doc + "#ma/" + skos_segment(pc.cluster_id) + "/" + number;
      // The learning professional's untitled main activity is known by its cluster's title.
      const model::Labels& translated = ma.title || !cluster ? ma.title_labels : cluster->labels;
      b.add_concept(id, "main-activity:" + ref,
                    ma.title.value_or(cluster ? cluster->title : pc.cluster_id), ref, translated);
      b.broader(id, pid);
      if (auto c = cluster_iris.find(pc.cluster_id); c != cluster_iris.end())
        b.broader(id, c->second);
      b.known_ref(ref, id);
      skos_add_activities(b, ma.activities, id, id, ref);
    }
  }
}

RdfGraph skos_framework_graph(const model::Framework& f, const model::Profile* only,
                              const std::vector<model::Alignment>& alignments,
                              const SkosOptions& options) {
  SkosBuilder b(options);
  std::string doc = b.framework_doc(f.id);
  b.scheme(doc + "#scheme", "framework:" + f.id, f.title, "", f.title_labels);
  std::map<std::string, std::string> cluster_iris;
  for (const model::Layer& layer : f.layers) {
    std::string lid = doc + "#layer/" + skos_segment(layer.id);
    b.add_concept(lid, "layer:" + f.id + ":" + layer.id, layer.title, layer.id, layer.labels);
    b.top(lid);
    for (const model::Cluster& c : f.clusters) {
      if (c.layer_id != layer.id)
        continue;
      std::string cid = doc + "#cluster/" + skos_segment(c.id);
      b.add_concept(cid, "cluster:" + f.id + ":" + c.id, c.title, c.id, c.labels);
      b.broader(cid, lid);
      cluster_iris[c.id] = cid;
    }
  }
  // A profile on its own is given as it is (a store's lookup may hand over its framework
  // without the profiles).
  if (only) {
    skos_add_profile(b, f, *only, cluster_iris);
  } else {
    for (const model::Profile& p : f.profiles)
      skos_add_profile(b, f, p, cluster_iris);
  }
  b.alignments(alignments);
  return b.take();
}

/// What the qualification says about itself as a whole: its scope (skos:scopeNote), the notes
/// under its title as the page writes them and the footnotes no concept carries (skos:note,
/// a footnote as "<mark> <text>"), and owl:deprecated when it is withdrawn.
void skos_add_scheme_notes(SkosBuilder& b, const model::Qualification& q,
                           const std::string& scheme) {
  if (!q.scope.empty())
    b.note(scheme, "scopeNote", q.scope);
  for (const model::TitleReference& r : q.title_references)
    b.note(scheme, "note", r.note);
  for (const model::Footnote* f : footnotes_off_items(q))
    b.note(scheme, "note", footnote_note(*f));
  if (q.withdrawn)
    b.deprecate();
}

void skos_add_footnotes(SkosBuilder& b, const model::Qualification& q, const std::string& path,
                        const std::string& node) {
  for (const std::string& text : footnotes_at(q, path))
    b.note(node, "note", text);
}

}  // namespace

std::string skos_ref_iri(const SkosOptions& options, const std::string& ref) {
  SkosBuilder b(options);
  auto parts = skos_split_ref(ref);
  if (parts.size() == 3)
    return b.profile_doc(parts[0]) + "#ma/" + skos_segment(parts[1]) + "/" + skos_segment(parts[2]);
  if (parts.size() == 2)
    return b.qualification_doc(parts[0]) + "#competence/" + skos_segment(parts[1]);
  return b.iri("ref/" + skos_segment(ref));
}

namespace {

/// The groups a page lists competences under ("BASISACTIVITEITEN") are skos:Collections of
/// their competences, as partial qualifications are: a label over concepts, outside the concept
/// hierarchy. In the order the page first names them; no group, no collection.
void skos_add_groups(SkosBuilder& b, const model::Qualification& q, const std::string& doc,
                     const SkosOptions& options) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> members;
  for (const model::Competence& c : q.competences) {
    if (c.group.empty())
      continue;
    if (!members.count(c.group))
      order.push_back(c.group);
    members[c.group].push_back(skos_ref_iri(options, q.id + ":" + std::to_string(c.number)));
  }
  for (const std::string& group : order)
    b.collection(doc + "#group/" + skos_segment(group), group, "", members[group]);
}

}  // namespace

RdfGraph framework_to_skos(const model::Framework& framework,
                           const std::vector<model::Alignment>& alignments,
                           const SkosOptions& options) {
  return skos_framework_graph(framework, nullptr, alignments, options);
}

RdfGraph profile_to_skos(const model::Framework& framework, const model::Profile& profile,
                         const std::vector<model::Alignment>& alignments,
                         const SkosOptions& options) {
  return skos_framework_graph(framework, &profile, alignments, options);
}

RdfGraph qualification_to_skos(const model::Qualification& q,
                               const std::vector<model::Alignment>& alignments,
                               const SkosOptions& options) {
  SkosBuilder b(options);
  std::string doc = b.qualification_doc(q.id);
  std::string scheme = doc + "#scheme";
  b.scheme(scheme, "qualification:" + q.id, q.title, q.definition);
  skos_add_scheme_notes(b, q, scheme);
  for (std::size_t i = 0; i < q.competences.size(); ++i) {
    const model::Competence& c = q.competences[i];
    std::string ref = q.id + ":" + std::to_string(c.number);
    std::string id = skos_ref_iri(options, ref);
    b.add_concept(id, "competence:" + ref, c.title, ref);
    if (c.code)
      b.notation(id, *c.code);
    skos_add_footnotes(b, q, competence_title_path(i), id);
    b.top(id);
    b.known_ref(ref, id);
    for (std::size_t j = 0; j < c.activities.size(); ++j) {
      std::string here = std::to_string(j + 1);
      std::string aid = id + "/activity/" + here;
      b.add_concept(aid, "competence-activity:" + ref + "/" + here, c.activities[j].text, "");
      skos_add_footnotes(b, q, competence_activity_path(i, j), aid);
      b.broader(aid, id);
    }
    for (std::size_t j = 0; j < c.knowledge.size(); ++j) {
      std::string here = std::to_string(j + 1);
      std::string kid = id + "/knowledge/" + here;
      b.add_concept(kid, "knowledge:" + ref + "/" + here, c.knowledge[j].text, "");
      skos_add_footnotes(b, q, competence_knowledge_path(i, j), kid);
      b.broader(kid, id);
    }
  }
  std::set<int> numbers;
  for (const model::Competence& c : q.competences)
    numbers.insert(c.number);
  for (const model::PartialQualification& p : q.partial_qualifications) {
    // The readers refuse a number the qualification lacks; one that gets here anyway names no
    // concept of the scheme, so it is left out, as the CASE export leaves it out.
    std::vector<std::string> members;
    for (int number : p.competences)
      if (numbers.count(number))
        members.push_back(skos_ref_iri(options, q.id + ":" + std::to_string(number)));
    b.collection(doc + "#partial/" + skos_segment(p.code), p.title.empty() ? p.code : p.title,
                 p.code, members);
  }
  skos_add_groups(b, q, doc, options);
  b.alignments(alignments);
  return b.take();
}

}  // namespace vakkaart::exchange
