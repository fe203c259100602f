#include "exchange/case_export.h"

#include <map>
#include <set>

#include "core/uuid_v5.h"
#include "exchange/qualification_notes.h"
#include "sources/canonical_json.h"
#include "sources/case_package.h"
#include "sources/case_qualification.h"

namespace vakkaart::exchange {

namespace {

namespace ct = sources::case_types;

/// Fixed order of the item types, which is also their hierarchyCode.
const std::vector<std::pair<const char*, const char*>>& case_type_table() {
  static const std::vector<std::pair<const char*, const char*>> table = {
      {ct::layer, "A ring of the occupational structure's model"},
      {ct::cluster, "An activity cluster within a ring"},
      {ct::profile, "An occupational profile"},
      {ct::main_activity, "A main activity of a profile"},
      {ct::untitled_main_activity, "A main activity without a title of its own"},
      {ct::activity, "A sub-activity"},
      {ct::competence, "A competence of a professional qualification"},
      {ct::competence_activity, "An activity of a competence"},
      {ct::knowledge, "Knowledge a competence relies on"},
      // Last, so the codes of the types before it stay what earlier exports gave them.
      {ct::partial_qualification,
       "A partial qualification: competences of a qualification "
       "that are certified on their own"},
  };
  return table;
}

std::string case_id_for(const std::string& name) {
  return uuid_v5(vakkaart_uuid_namespace(), name);
}

/// Our own id when it already is a UUID (a framework imported from CASE keeps its identifiers),
/// else one derived from it.
std::string case_keep_or_derive(const std::string& own, const std::string& name) {
  if (is_uuid(own)) {
    std::string lower = own;
    for (char& c : lower)
      if (c >= 'A' && c <= 'F')
        c = static_cast<char>(c - 'A' + 'a');
    return lower;
  }
  return case_id_for(name);
}

class CasePackageBuilder {
 public:
  explicit CasePackageBuilder(const CaseExportOptions& options,
                              const model::CaseOrigin* origin = nullptr)
      : options_(options), origin_(origin) {}

  /// The identifier of what `name` names: the one another tool's package gave it when the
  /// framework came from there, else derived from the name.
  std::string id(const std::string& name) const {
    if (origin_) {
      auto kept = origin_->identifiers.find(name);
      if (kept != origin_->identifiers.end())
        return kept->second;
    }
    return case_id_for(name);
  }

  std::string uri(const char* kind, const std::string& id) const {
    return options_.base_uri.empty() ? "urn:uuid:" + id : options_.base_uri + "/" + kind + "/" + id;
  }
  Json link(const char* kind, const std::string& id, const std::string& title) const {
    return Json{{"title", title}, {"identifier", id}, {"uri", uri(kind, id)}};
  }

  void document(const std::string& id, const std::string& title, const std::string& note,
                const std::string& description, const std::string& version) {
    doc_id_ = id;
    doc_title_ = title;
    doc_ = Json{{"identifier", id},
                {"uri", uri("CFDocuments", id)},
                {"creator", "vakkaart"},
                {"title", title},
                {"lastChangeDateTime", options_.last_change}};
    if (!description.empty())
      doc_["description"] = description;
    doc_["language"] = "nl";
    if (!version.empty())
      doc_["version"] = version;
    if (!note.empty())
      doc_["notes"] = note;
  }

  void item(const std::string& id, const char* type, const std::string& statement,
            const std::string& code, const std::string& notes = "") {
    Json j{{"identifier", id}, {"uri", uri("CFItems", id)}, {"fullStatement", statement}};
    if (!code.empty())
      j["humanCodingScheme"] = code;
    if (!notes.empty()) {
      j["notes"] = notes;
    } else if (origin_) {
      // The notes another package gave this item (a qualification's footnotes).
      auto kept = origin_->item_notes.find(id);
      if (kept != origin_->item_notes.end())
        j["notes"] = kept->second;
    }
    j["language"] = "nl";
    j["CFItemType"] = type;
    j["CFItemTypeURI"] = link("CFItemTypes", case_id_for(std::string("item-type:") + type), type);
    j["lastChangeDateTime"] = options_.last_change;
    titles_[id] = statement;
    used_types_.insert(type);
    items_.push_back(std::move(j));
  }

  void association(const char* type, const std::string& origin, const std::string& destination,
                   const std::string& destination_title, long long sequence,
                   const std::string& notes = "") {
    std::string id =
        this->id(std::string("association:") + type + ":" + origin + ":" + destination);
    if (!association_ids_.insert(id).second)
      return;
    Json j{{"identifier", id}, {"associationType", type}, {"uri", uri("CFAssociations", id)}};
    if (sequence > 0)
      j["sequenceNumber"] = sequence;
    bool to_doc = destination == doc_id_;
    j["originNodeURI"] = link("CFItems", origin, titles_[origin]);
    j["destinationNodeURI"] = link(to_doc ? "CFDocuments" : "CFItems", destination,
                                   to_doc                      ? doc_title_
                                   : destination_title.empty() ? titles_[destination]
                                                               : destination_title);
    if (!notes.empty())
      j["notes"] = notes;
    j["lastChangeDateTime"] = options_.last_change;
    associations_.push_back(std::move(j));
  }

  /// The document's or the last item's `extensions` (CASE 1.1's place for what the binding has
  /// no property for; every other property stays closed).
  void document_extensions(Json extensions) { doc_["extensions"] = std::move(extensions); }
  void item_extensions(Json extensions) { items_.back()["extensions"] = std::move(extensions); }

  /// The last item's conceptKeywords: a competence's group heading ("BASISACTIVITEITEN").
  void keyword(const std::string& keyword) {
    items_.back()["conceptKeywords"] = Json::array({keyword});
  }

  /// CASE's publication status of the document ("Deprecated" for a withdrawn qualification).
  void adoption_status(const std::string& status) { doc_["adoptionStatus"] = status; }

  const std::string& doc_id() const { return doc_id_; }

  /// The associations outside our hierarchy that another tool's package held, as it held them.
  void kept_associations() {
    if (!origin_)
      return;
    for (const model::CaseAssociationKept& k : origin_->associations) {
      // A profile's own package holds only its items; an association of an item left out
      // stays out with it.
      if (!titles_.count(k.origin) || !association_ids_.insert(k.identifier).second)
        continue;
      Json j{{"identifier", k.identifier},
             {"associationType", k.type},
             {"uri", uri("CFAssociations", k.identifier)}};
      if (k.sequence > 0)
        j["sequenceNumber"] = k.sequence;
      j["originNodeURI"] = link("CFItems", k.origin, titles_[k.origin]);
      const bool inside = titles_.count(k.destination) != 0;
      j["destinationNodeURI"] =
          Json{{"title", inside ? titles_[k.destination] : k.destination_title},
               {"identifier", k.destination},
               {"uri", inside || k.destination_uri.empty() ? uri("CFItems", k.destination)
                                                           : k.destination_uri}};
      j["lastChangeDateTime"] = options_.last_change;
      associations_.push_back(std::move(j));
    }
  }

  Json finish() const {
    Json types = Json::array();
    int code = 0;
    for (const auto& [title, description] : case_type_table()) {
      ++code;
      if (!used_types_.count(title))
        continue;
      std::string id = case_id_for(std::string("item-type:") + title);
      types.push_back(Json{{"identifier", id},
                           {"uri", uri("CFItemTypes", id)},
                           {"title", title},
                           {"description", description},
                           {"hierarchyCode", std::to_string(code)},
                           {"lastChangeDateTime", options_.last_change}});
    }
    return Json{{"CFDocument", doc_},
                {"CFItems", items_},
                {"CFAssociations", associations_},
                {"CFDefinitions", Json{{"CFItemTypes", types}}}};
  }

 private:
  const CaseExportOptions& options_;
  const model::CaseOrigin* origin_;
  std::string doc_id_;
  std::string doc_title_;
  Json doc_;
  Json items_ = Json::array();
  Json associations_ = Json::array();
  std::map<std::string, std::string> titles_;
  std::set<std::string> used_types_;
  std::set<std::string> association_ids_;
};

/// Source refs of alignments ("PROFILE:CLUSTER:N", "BK-0338-3:5") -> CASE identifier.
using CaseRefMap = std::map<std::string, std::string>;

std::string case_ref_identifier(const std::string& kind, const std::string& ref) {
  return case_id_for((kind == "competence" ? "competence:" : "main-activity:") + ref);
}

void case_add_alignments(CasePackageBuilder& b, const CaseRefMap& refs,
                         const std::vector<model::Alignment>& alignments) {
  for (const model::Alignment& a : alignments) {
    auto source = refs.find(a.source_ref);
    if (source == refs.end() || a.status == model::AlignmentStatus::rejected)
      continue;
    bool exact = a.type == model::AlignmentType::exact;
    std::string notes = std::string("vakkaart crosswalk: ") + model::to_string(a.type) + ", " +
                        model::to_string(a.status);
    std::string title = a.target_item_title + ": " + a.target_title;
    b.association(exact ? "exactMatchOf" : "isRelatedTo", source->second,
                  case_ref_identifier(a.target_kind, a.target_ref), title, 0, notes);
  }
}

void case_add_activities(CasePackageBuilder& b, const std::vector<model::Activity>& activities,
                         const std::string& parent, const std::string& path) {
  long long seq = 0;
  for (const model::Activity& a : activities) {
    std::string here = path + "/" + std::to_string(++seq);
    std::string id = b.id("activity:" + here);
    b.item(id, ct::activity, a.text, "");
    b.association("isChildOf", id, parent, "", seq);
    case_add_activities(b, a.children, id, here);
  }
}

void case_add_profile(CasePackageBuilder& b, const model::Framework& f, const model::Profile& p,
                      const std::map<std::string, std::string>& cluster_items, long long seq,
                      CaseRefMap& refs) {
  std::string pid = case_keep_or_derive(p.id, "profile:" + p.id);
  b.item(pid, ct::profile, p.title, p.id, p.definition);
  b.association("isChildOf", pid, b.doc_id(), "", seq);
  long long n_main = 0;
  for (const model::ProfileCluster& pc : p.clusters) {
    const model::Cluster* cluster = f.find_cluster(pc.cluster_id);
    std::string cluster_title = cluster ? cluster->title : pc.cluster_id;
    int n = 0;
    for (const model::MainActivity& ma : pc.main_activities) {
      std::string ref = p.id + ":" + pc.cluster_id + ":" + std::to_string(++n);
      std::string id = b.id("main-activity:" + ref);
      b.item(id, ma.title ? ct::main_activity : ct::untitled_main_activity,
             ma.title.value_or(cluster_title), ref);
      b.association("isChildOf", id, pid, "", ++n_main);
      auto cluster_item = cluster_items.find(pc.cluster_id);
      if (cluster_item != cluster_items.end())
        b.association("isPartOf", id, cluster_item->second, "", 0);
      refs[ref] = id;
      case_add_activities(b, ma.activities, id, ref);
    }
  }
}

Json case_framework_package(const model::Framework& f, const model::Profile* only,
                            const std::vector<model::Alignment>& alignments,
                            const CaseExportOptions& options) {
  CasePackageBuilder b(options, &f.case_origin);
  std::string doc_id = only ? case_id_for("profile-document:" + only->id)
                            : case_keep_or_derive(f.id, "framework:" + f.id);
  const model::CaseOrigin& origin = f.case_origin;
  // A profile's package names its framework the same way ("vakkaart:<framework id>"): a
  // re-import then knows which stored framework the profile belongs in (issue 18).
  std::string note = std::string(sources::case_id_note_prefix) + f.id;
  // The imported package's own notes follow our id line after a blank line, as it gave them.
  if (!only && !origin.document_notes.empty())
    note += "\n\n" + origin.document_notes;
  b.document(doc_id, only ? only->title : f.title, note,
             only ? only->definition : origin.document_description, f.date);
  if (!only && !origin.adoption_status.empty())
    b.adoption_status(origin.adoption_status);
  std::map<std::string, std::string> cluster_items;
  long long seq = 0;
  for (const model::Layer& layer : f.layers) {
    std::string lid = case_keep_or_derive(layer.id, "layer:" + f.id + ":" + layer.id);
    b.item(lid, ct::layer, layer.title, layer.id);
    b.association("isChildOf", lid, doc_id, "", ++seq);
    long long cseq = 0;
    for (const model::Cluster& c : f.clusters) {
      if (c.layer_id != layer.id)
        continue;
      std::string cid = case_keep_or_derive(c.id, "cluster:" + f.id + ":" + c.id);
      b.item(cid, ct::cluster, c.title, c.id);
      b.association("isChildOf", cid, lid, "", ++cseq);
      cluster_items[c.id] = cid;
    }
  }
  CaseRefMap refs;
  // The profile itself, not its namesake among the framework's profiles: the store hands a
  // profile over with its framework's layers and clusters only (store::find_profile), and a
  // package of the profile without its profile item held nothing but those.
  if (only)
    case_add_profile(b, f, *only, cluster_items, ++seq, refs);
  else
    for (const model::Profile& p : f.profiles)
      case_add_profile(b, f, p, cluster_items, ++seq, refs);
  case_add_alignments(b, refs, alignments);
  b.kept_associations();
  return b.finish();
}

/// The qualification document's notes: "vakkaart:<id>" (what a re-import reads the id from),
/// then what CASE has no property of its own for, each part after a blank line and a label of
/// ours: the scope ("Afbakening:"), the notes under the title as the page writes them
/// ("Titel:"), and the footnotes no item carries ("Voetnoten:", each "<mark> <text>").
std::string case_qualification_note(const model::Qualification& q) {
  std::string note = std::string(sources::case_id_note_prefix) + q.id;
  if (!q.scope.empty())
    note += "\n\nAfbakening:\n" + q.scope;
  std::vector<std::string> lines;
  for (const model::TitleReference& r : q.title_references)
    lines.push_back(r.note);
  if (!lines.empty())
    note += "\n\nTitel:\n" + join_lines(lines);
  lines.clear();
  for (const model::Footnote* f : footnotes_off_items(q))
    lines.push_back(footnote_note(*f));
  if (!lines.empty())
    note += "\n\nVoetnoten:\n" + join_lines(lines);
  return note;
}

/// The fields of a qualification CASE has no property for, under their names in our canonical
/// JSON (docs/formats/case.md): with them a re-import is the whole qualification (level,
/// context, autonomy, …), not only what the items show, so importing our own package over the
/// version read from its page changes nothing.
Json case_qualification_extensions(const model::Qualification& q) {
  const Json canonical = sources::qualification_to_json(q);
  Json out = Json::object();
  for (const char* key : sources::case_qualification_extension_keys())
    out[key] = canonical.at(key);
  return out;
}

/// Partial qualifications are items of their own type under the document (after the
/// competences), and each of their competences `isPartOf` them, in the order the page lists.
void case_add_partials(CasePackageBuilder& b, const model::Qualification& q, const CaseRefMap& refs,
                       long long seq) {
  for (const model::PartialQualification& p : q.partial_qualifications) {
    std::string pid = case_id_for("partial-qualification:" + q.id + ":" + p.code);
    // fullStatement may not be empty: a partial qualification the page gives no title is
    // known by its code.
    b.item(pid, ct::partial_qualification, p.title.empty() ? p.code : p.title, p.code);
    b.association("isChildOf", pid, b.doc_id(), "", ++seq);
    long long n = 0;
    for (int number : p.competences) {
      // The readers refuse a number the qualification lacks; one that gets here anyway names
      // no item of the package, so it is left out.
      auto competence = refs.find(q.id + ":" + std::to_string(number));
      if (competence != refs.end())
        b.association("isPartOf", competence->second, pid, "", ++n);
    }
  }
}

}  // namespace

Json framework_to_case(const model::Framework& framework,
                       const std::vector<model::Alignment>& alignments,
                       const CaseExportOptions& options) {
  return case_framework_package(framework, nullptr, alignments, options);
}

Json profile_to_case(const model::Framework& framework, const model::Profile& profile,
                     const std::vector<model::Alignment>& alignments,
                     const CaseExportOptions& options) {
  return case_framework_package(framework, &profile, alignments, options);
}

Json qualification_to_case(const model::Qualification& q,
                           const std::vector<model::Alignment>& alignments,
                           const CaseExportOptions& options) {
  CasePackageBuilder b(options);
  std::string doc_id = case_id_for("qualification:" + q.id);
  b.document(doc_id, q.title, case_qualification_note(q), q.definition, std::to_string(q.version));
  if (q.withdrawn)
    b.adoption_status(case_withdrawn_status);
  b.document_extensions(case_qualification_extensions(q));
  CaseRefMap refs;
  long long seq = 0;
  for (std::size_t i = 0; i < q.competences.size(); ++i) {
    const model::Competence& c = q.competences[i];
    std::string ref = q.id + ":" + std::to_string(c.number);
    std::string id = case_ref_identifier("competence", ref);
    // The competence's own code when the page gives one ("co 01310"), else its ref.
    b.item(id, ct::competence, c.title, c.code ? *c.code : ref,
           join_lines(footnotes_at(q, competence_title_path(i))));
    // The group the page lists it under is a label of the competence, as CASE's keywords are:
    // no item of its own, and a competence without one gets none (the package is as before).
    if (!c.group.empty())
      b.keyword(c.group);
    b.association("isChildOf", id, doc_id, "", ++seq);
    refs[ref] = id;
    long long n = 0;
    for (std::size_t j = 0; j < c.activities.size(); ++j) {
      std::string aid = case_id_for("competence-activity:" + ref + "/" + std::to_string(++n));
      b.item(aid, ct::competence_activity, c.activities[j].text, "",
             join_lines(footnotes_at(q, competence_activity_path(i, j))));
      if (const auto& d = c.activities[j].descriptor)
        b.item_extensions(Json{{"descriptor", model::to_string(*d)}});
      b.association("isChildOf", aid, id, "", n);
    }
    for (std::size_t j = 0; j < c.knowledge.size(); ++j) {
      std::string kid = case_id_for("knowledge:" + ref + "/" + std::to_string(++n));
      b.item(kid, ct::knowledge, c.knowledge[j].text, "",
             join_lines(footnotes_at(q, competence_knowledge_path(i, j))));
      if (const auto& k = c.knowledge[j].kind)
        b.item_extensions(Json{{"kind", model::to_string(*k)}});
      b.association("isChildOf", kid, id, "", n);
    }
  }
  case_add_partials(b, q, refs, seq);
  case_add_alignments(b, refs, alignments);
  return b.finish();
}

}  // namespace vakkaart::exchange
