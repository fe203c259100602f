#include "sources/case_package.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/json.h"
#include "core/json_reader.h"
#include "core/uuid_v5.h"
#include "sources/case_graph.h"
#include "sources/case_qualification.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

// The notes of the crosswalk associations vakkaart writes: computed again on import, not kept.
constexpr std::string_view kOurCrosswalkNote = "vakkaart crosswalk:";

std::string case_collapse(std::string_view s) {
  return text::collapse_whitespace(s);
}

int case_line_of_offset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string case_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'F')
      c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string case_node_id(const JsonReader& r, const Json& a, const std::string& path,
                         const char* key) {
  const Json& node = r.member(a, path, key);
  return case_lower(r.str(node, path + "." + key, "identifier"));
}

void case_read_items(const JsonReader& r, const Json& root, CaseGraph& g) {
  if (!root.contains("CFItems"))
    return;
  const Json& items = r.array(root, "", "CFItems");
  if (items.size() > case_max_items)
    r.fail("CFItems", "more than " + std::to_string(case_max_items) + " items");
  const JsonReader exact(g.file);  // notes are kept as the package writes them
  for (size_t i = 0; i < items.size(); ++i) {
    std::string path = "CFItems[" + std::to_string(i) + "]";
    const Json& j = items[i];
    if (!j.is_object())
      r.fail(path, "expected an object");
    CaseItemIn item;
    item.identifier = case_lower(r.str(j, path, "identifier"));
    item.statement = r.str(j, path, "fullStatement");
    item.exact_statement = exact.str(j, path, "fullStatement");
    item.index = i;
    if (j.contains("extensions")) {
      if (!j["extensions"].is_object())
        r.fail(path + ".extensions", "expected an object");
      item.extensions = j["extensions"];
    }
    if (j.contains("conceptKeywords"))
      item.keywords = exact.str_array(j, path, "conceptKeywords");
    item.type = r.opt_str(j, path, "CFItemType").value_or("");
    if (item.type.empty() && j.contains("CFItemTypeURI") && j["CFItemTypeURI"].is_object())
      item.type = r.opt_str(j["CFItemTypeURI"], path + ".CFItemTypeURI", "title").value_or("");
    item.code = r.opt_str(j, path, "humanCodingScheme").value_or("");
    item.notes = r.opt_str(j, path, "notes").value_or("");
    item.exact_notes = exact.opt_str(j, path, "notes").value_or("");
    if (g.items.count(item.identifier))
      r.fail(path + ".identifier", "identifier " + item.identifier + " is used twice");
    g.item_order.push_back(item.identifier);
    g.items.emplace(item.identifier, std::move(item));
  }
}

void case_read_associations(const JsonReader& r, const Json& root, CaseGraph& g) {
  if (!root.contains("CFAssociations"))
    return;
  const Json& assocs = r.array(root, "", "CFAssociations");
  if (assocs.size() > case_max_items)
    r.fail("CFAssociations", "more than " + std::to_string(case_max_items) + " associations");
  g.associations = assocs.size();
  for (size_t i = 0; i < assocs.size(); ++i) {
    std::string path = "CFAssociations[" + std::to_string(i) + "]";
    const Json& a = assocs[i];
    if (!a.is_object())
      r.fail(path, "expected an object");
    std::string type = r.str(a, path, "associationType");
    std::string identifier = case_lower(r.str(a, path, "identifier"));
    std::string origin = case_node_id(r, a, path, "originNodeURI");
    std::string destination = case_node_id(r, a, path, "destinationNodeURI");
    long long seq = 0;
    if (a.contains("sequenceNumber") && a["sequenceNumber"].is_number_integer())
      seq = a["sequenceNumber"].get<long long>();
    if (type == "isChildOf" && g.items.count(origin) &&
        (destination == g.document_id || g.items.count(destination))) {
      g.children[destination].push_back({seq, i, origin, identifier});
    } else if (g.items.count(origin) &&
               r.opt_str(a, path, "notes").value_or("").rfind(kOurCrosswalkNote, 0) != 0) {
      const Json& to = r.member(a, path, "destinationNodeURI");
      model::CaseAssociationKept k;
      k.identifier = identifier;
      k.type = type;
      k.origin = origin;
      k.destination = destination;
      // An item of the package is exported with its own URI and statement; only a node
      // elsewhere needs the package's word for where and what it is.
      if (destination != g.document_id && !g.items.count(destination)) {
        k.destination_uri = r.opt_str(to, path + ".destinationNodeURI", "uri").value_or("");
        k.destination_title = r.opt_str(to, path + ".destinationNodeURI", "title").value_or("");
      }
      k.sequence = seq;
      // A main activity's isPartOf its cluster (in a package of ours) is part of the
      // hierarchy: the rebuild takes it out of what is kept.
      if (type == "isPartOf")
        g.part_of[origin].push_back({destination, identifier});
      g.kept.push_back(std::move(k));
    } else {
      ++g.other_associations[type];
    }
  }
  for (auto& entry : g.children) {
    std::stable_sort(
        entry.second.begin(), entry.second.end(), [](const CaseChild& a, const CaseChild& b) {
          return a.sequence != b.sequence ? a.sequence < b.sequence : a.order < b.order;
        });
  }
}

/// The items below `parent` as nested activities. With `kept`, each one's identifier and its
/// isChildOf association's are noted under the names the export derives them from (`path` is
/// the export's path of `parent`: "P:C:1", "P:C:1/2").
std::vector<model::Activity> case_activities(const CaseGraph& g, const std::string& parent,
                                             int depth, std::set<std::string>& seen,
                                             const std::string& path = "",
                                             model::CaseOrigin* kept = nullptr) {
  std::vector<model::Activity> out;
  if (depth > case_max_depth)
    throw Error(ErrorCode::parse_error,
                "isChildOf nests deeper than " + std::to_string(case_max_depth) + " levels",
                {g.file, 0, "CFAssociations"});
  for (const CaseChild& c : case_children_of(g, parent)) {
    if (!seen.insert(c.identifier).second)
      continue;  // an item with two parents, or a cycle: it is placed once
    model::Activity a;
    a.text = g.items.at(c.identifier).statement;
    const std::string here = path + "/" + std::to_string(out.size() + 1);
    if (kept) {
      kept->identifiers["activity:" + here] = c.identifier;
      kept->identifiers["association:isChildOf:" + c.identifier + ":" + parent] = c.association;
    }
    a.children = case_activities(g, c.identifier, depth + 1, seen, here, kept);
    out.push_back(std::move(a));
  }
  return out;
}

/// Drops the identifiers our export would derive from their names anyway: what stays is what
/// another tool chose.
void case_prune_derived(model::CaseOrigin& origin) {
  for (auto it = origin.identifiers.begin(); it != origin.identifiers.end();) {
    if (it->second.empty() || it->second == uuid_v5(vakkaart_uuid_namespace(), it->first))
      it = origin.identifiers.erase(it);
    else
      ++it;
  }
}

bool case_is_ours(const CaseGraph& g) {
  static const std::set<std::string> ours = {case_types::layer,
                                             case_types::cluster,
                                             case_types::profile,
                                             case_types::main_activity,
                                             case_types::untitled_main_activity,
                                             case_types::activity};
  bool has_layer = false;
  for (const auto& entry : g.items) {
    if (!ours.count(entry.second.type))
      return false;
    has_layer = has_layer || entry.second.type == case_types::layer;
  }
  return has_layer;
}

/// A package vakkaart wrote: every part carries its own id in humanCodingScheme.
model::Framework case_rebuild_ours(const CaseGraph& g, model::Framework f) {
  std::map<std::string, std::string> cluster_of_item;  // CASE identifier -> our cluster id
  std::vector<std::string> profile_items;
  std::set<std::string> hierarchy_part_of;  // the isPartOf associations the model stands for
  auto& kept = f.case_origin.identifiers;
  for (const CaseChild& top : case_children_of(g, g.document_id)) {
    const CaseItemIn& item = g.items.at(top.identifier);
    kept["association:isChildOf:" + item.identifier + ":" + g.document_id] = top.association;
    if (item.type == case_types::profile) {
      profile_items.push_back(item.identifier);
      continue;
    }
    f.layers.push_back({item.code, item.statement});
    for (const CaseChild& c : case_children_of(g, item.identifier)) {
      const CaseItemIn& ci = g.items.at(c.identifier);
      kept["association:isChildOf:" + ci.identifier + ":" + item.identifier] = c.association;
      f.clusters.push_back({ci.code, item.code, ci.statement});
      cluster_of_item[ci.identifier] = ci.code;
    }
  }
  for (const std::string& pid : profile_items) {
    const CaseItemIn& item = g.items.at(pid);
    model::Profile p{item.code, item.statement, f.id, item.notes, {}};
    for (const model::Cluster& c : f.clusters)
      p.clusters.push_back({c.id, {}});
    for (const CaseChild& m : case_children_of(g, pid)) {
      const CaseItemIn& mi = g.items.at(m.identifier);
      // Its isPartOf its cluster: the first whose destination is a cluster item.
      const std::pair<std::string, std::string>* part = nullptr;
      auto cluster = cluster_of_item.end();
      if (auto parts = g.part_of.find(mi.identifier); parts != g.part_of.end()) {
        for (const auto& candidate : parts->second) {
          cluster = cluster_of_item.find(candidate.first);
          if (cluster != cluster_of_item.end()) {
            part = &candidate;
            break;
          }
        }
      }
      if (!part)
        throw Error(ErrorCode::parse_error,
                    "main activity " + mi.identifier + " is part of no cluster (isPartOf)",
                    {g.file, 0, "CFAssociations"});
      model::MainActivity ma;
      if (mi.type != case_types::untitled_main_activity)
        ma.title = mi.statement;
      for (auto& pc : p.clusters) {
        if (pc.cluster_id != cluster->second)
          continue;
        // Identifiers under the names our export derives them from; those it would derive
        // anyway are pruned afterwards, so only another tool's survive.
        const std::string ref =
            p.id + ":" + pc.cluster_id + ":" + std::to_string(pc.main_activities.size() + 1);
        f.case_origin.identifiers["main-activity:" + ref] = mi.identifier;
        f.case_origin.identifiers["association:isChildOf:" + mi.identifier + ":" + pid] =
            m.association;
        f.case_origin.identifiers["association:isPartOf:" + mi.identifier + ":" + part->first] =
            part->second;
        hierarchy_part_of.insert(part->second);
        std::set<std::string> seen;
        ma.activities = case_activities(g, mi.identifier, 1, seen, ref, &f.case_origin);
        pc.main_activities.push_back(std::move(ma));
      }
    }
    f.profiles.push_back(std::move(p));
  }
  for (const model::CaseAssociationKept& k : g.kept)
    if (!hierarchy_part_of.count(k.identifier))
      f.case_origin.associations.push_back(k);
  for (const std::string& id : g.item_order) {
    const CaseItemIn& item = g.items.at(id);
    // A profile's notes are its definition; any other item's are kept as they are.
    if (item.type != case_types::profile && !item.exact_notes.empty())
      f.case_origin.item_notes[id] = item.exact_notes;
  }
  return f;
}

/// Another tool's package: one layer, a cluster per top-level item, one profile.
model::Framework case_rebuild_foreign(const CaseGraph& g, model::Framework f,
                                      const std::string& description,
                                      std::vector<ReportNote>& notes) {
  f.layers.push_back({"case", f.title});
  model::Profile p{"case-" + g.document_id, f.title, f.id, description, {}};
  // Our export puts the top items under a layer item and the second level under a profile
  // item, with each main activity isPartOf its top item: the package's own isChildOf
  // associations of those two levels keep their identifiers on the links that stand for them.
  const std::string layer_item = uuid_v5(vakkaart_uuid_namespace(), "layer:" + f.id + ":case");
  std::map<std::string, std::string> top_association;  // top item -> its isChildOf's id
  for (const CaseChild& top : case_children_of(g, g.document_id))
    top_association.emplace(top.identifier, top.association);
  std::set<std::string> seen;
  auto add_top = [&](const std::string& id) {
    const CaseItemIn& item = g.items.at(id);
    if (auto a = top_association.find(id); a != top_association.end())
      f.case_origin.identifiers["association:isChildOf:" + id + ":" + layer_item] = a->second;
    std::string title = item.code.empty() ? item.statement : item.code + " " + item.statement;
    f.clusters.push_back({item.identifier, "case", title});
    model::ProfileCluster pc{item.identifier, {}};
    for (const CaseChild& c : case_children_of(g, id)) {
      if (!seen.insert(c.identifier).second)
        continue;
      model::MainActivity ma;
      ma.title = g.items.at(c.identifier).statement;
      // The export's ref of this main activity; its identifier and those below are kept.
      const std::string ref =
          p.id + ":" + item.identifier + ":" + std::to_string(pc.main_activities.size() + 1);
      f.case_origin.identifiers["main-activity:" + ref] = c.identifier;
      f.case_origin.identifiers["association:isPartOf:" + c.identifier + ":" + id] = c.association;
      ma.activities = case_activities(g, c.identifier, 2, seen, ref, &f.case_origin);
      pc.main_activities.push_back(std::move(ma));
    }
    p.clusters.push_back(std::move(pc));
  };
  for (const CaseChild& top : case_children_of(g, g.document_id))
    if (seen.insert(top.identifier).second)
      add_top(top.identifier);
  size_t loose = 0;
  for (const std::string& id : g.item_order) {
    if (seen.insert(id).second) {
      add_top(id);  // in no hierarchy: kept as a cluster of its own so no item is lost
      ++loose;
    }
  }
  f.case_origin.associations = g.kept;
  for (const std::string& id : g.item_order)
    if (!g.items.at(id).exact_notes.empty())
      f.case_origin.item_notes[id] = g.items.at(id).exact_notes;
  if (loose)
    notes.push_back({ReportNote::Kind::decision,
                     std::to_string(loose) + " items are the child of nothing (no isChildOf); " +
                         "each became a cluster of its own",
                     {g.file, 0, "CFAssociations"}});
  f.profiles.push_back(std::move(p));
  return f;
}

/// One profile's package of ours: its document is the one our export derives from the profile
/// (`profile-document:<id>`), not the framework's.
bool case_is_our_profile(const CaseGraph& g, const model::Framework& f) {
  return f.profiles.size() == 1 && g.document_id == uuid_v5(vakkaart_uuid_namespace(),
                                                            "profile-document:" + f.profiles[0].id);
}

/// A profile's package holds the profile and its framework's layers and clusters, not the
/// framework's other profiles, title or own document. It comes back as a loose profile (no
/// title): the import merges it into the stored framework its id line names and keeps the
/// other profiles (catalog::import_files), so export -> import -> export of a profile is
/// byte-identical too. The profile document's own fields are no part of the framework.
void case_as_loose_profile(model::Framework& f, std::vector<ReportNote>& notes,
                           const std::string& file) {
  f.title.clear();
  f.case_origin.document_notes.clear();
  f.case_origin.document_description.clear();
  f.case_origin.adoption_status.clear();
  notes.push_back({ReportNote::Kind::decision,
                   "the package of profile " + f.profiles[0].id + " of framework " + f.id +
                       ": read as that one profile",
                   {file, 0, ""}});
}

/// A qualification vakkaart exported comes back as that qualification (not as a framework laid
/// out around it, as before issue 18): its id, version and every part our export writes, so
/// the store recomputes its crosswalks and export -> import -> export is byte-identical.
std::optional<model::Qualification> case_read_our_qualification(const JsonReader& r,
                                                                const Json& doc, const CaseGraph& g,
                                                                const std::string& note,
                                                                std::vector<ReportNote>& notes) {
  const std::string collapsed = case_collapse(note.substr(0, note.find('\n')));
  if (collapsed.rfind(case_id_note_prefix, 0) != 0)
    return std::nullopt;
  const std::string id = case_collapse(collapsed.substr(case_id_note_prefix.size()));
  if (!case_is_our_qualification(g, id))
    return std::nullopt;
  const JsonReader exact(g.file);
  CaseQualificationDocument d;
  d.id = id;
  d.title = exact.str(doc, "CFDocument", "title");
  d.description = exact.opt_str(doc, "CFDocument", "description").value_or("");
  d.version = r.opt_str(doc, "CFDocument", "version").value_or("");
  d.notes = note;
  d.adoption_status = r.opt_str(doc, "CFDocument", "adoptionStatus").value_or("");
  if (doc.contains("extensions")) {
    if (!doc["extensions"].is_object())
      r.fail("CFDocument.extensions", "expected an object");
    d.extensions = doc["extensions"];
  }
  model::Qualification q = case_rebuild_qualification(g, d, notes);
  notes.insert(notes.begin(), {ReportNote::Kind::info,
                               "CASE package written by vakkaart: qualification " + q.id + ", " +
                                   std::to_string(g.items.size()) + " items, " +
                                   std::to_string(g.associations) + " associations",
                               {g.file, 0, ""}});
  for (const auto& [type, count] : g.other_associations)
    notes.push_back({ReportNote::Kind::warning,
                     std::to_string(count) + " " + type +
                         " associations are not kept (vakkaart computes its own crosswalks)",
                     {g.file, 0, "CFAssociations"}});
  return q;
}

}  // namespace

bool looks_like_case_package(std::string_view text) {
  std::string_view t = text::trim(text.substr(0, 4096));
  return !t.empty() && t.front() == '{' && t.find("\"CFDocument\"") != std::string_view::npos;
}

ParseResult parse_case_package(std::string_view text, const std::string& file_name) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorCode::parse_error, std::string("invalid JSON: ") + e.what(),
                {file_name, case_line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0), ""});
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::parse_error, std::string("invalid JSON: ") + e.what(),
                {file_name, 0, ""});
  }
  JsonReader r(file_name, &case_collapse);
  if (!root.is_object())
    r.fail("", "a CFPackage is a JSON object");
  const Json& doc = r.member(root, "", "CFDocument");
  if (!doc.is_object())
    r.fail("CFDocument", "expected an object");
  CaseGraph g;
  g.file = file_name;
  g.document_id = case_lower(r.str(doc, "CFDocument", "identifier"));
  case_read_items(r, root, g);
  case_read_associations(r, root, g);

  model::Framework f;
  f.title = r.str(doc, "CFDocument", "title");
  f.date = r.opt_str(doc, "CFDocument", "version").value_or("");
  // The document's notes and description are kept exactly (line breaks separate the parts of a
  // qualification's notes); only the id and the profile's definition are read collapsed.
  const JsonReader exact(file_name);
  std::string note = exact.opt_str(doc, "CFDocument", "notes").value_or("");
  ParseResult result;
  if (auto q = case_read_our_qualification(r, doc, g, note, result.notes)) {
    result.documents.emplace_back(std::move(*q));
    return result;
  }
  bool ours = case_is_ours(g) && case_collapse(note).rfind(case_id_note_prefix, 0) == 0;
  std::string description = r.opt_str(doc, "CFDocument", "description").value_or("");
  if (ours) {
    // "vakkaart:<id>", then (after a blank line) the notes of the package it was imported from.
    note.erase(0, note.find_first_not_of(" \t\r\n"));
    const size_t end = note.find('\n');
    f.id = case_collapse(note.substr(
        case_id_note_prefix.size(),
        end == std::string::npos ? std::string::npos : end - case_id_note_prefix.size()));
    f = case_rebuild_ours(g, std::move(f));
    if (end != std::string::npos)
      f.case_origin.document_notes =
          note.substr(note.compare(end, 2, "\n\n") == 0 ? end + 2 : end + 1);
  } else {
    f.id = g.document_id;  // the CASE identifier is the framework's id, so it survives export
    f = case_rebuild_foreign(g, std::move(f), description, result.notes);
    f.case_origin.document_notes = note;
  }
  f.case_origin.document_description = exact.opt_str(doc, "CFDocument", "description").value_or("");
  f.case_origin.adoption_status = r.opt_str(doc, "CFDocument", "adoptionStatus").value_or("");
  if (ours && case_is_our_profile(g, f))
    case_as_loose_profile(f, result.notes, file_name);
  std::string kept = std::to_string(g.items.size()) + " items, " + std::to_string(g.associations) +
                     " associations";
  result.notes.push_back(
      {ReportNote::Kind::info,
       std::string("CASE package ") + (ours ? "written by vakkaart" : "") + ": " + kept,
       {file_name, 0, ""}});
  if (!ours && !g.kept.empty())
    result.notes.push_back({ReportNote::Kind::info,
                            std::to_string(g.kept.size()) +
                                " associations outside the hierarchy (exactMatchOf, isRelatedTo, "
                                "…) are kept as the package states them and exported again",
                            {file_name, 0, "CFAssociations"}});
  case_prune_derived(f.case_origin);
  for (const auto& [type, count] : g.other_associations) {
    result.notes.push_back({ReportNote::Kind::warning,
                            std::to_string(count) + " " + type + " associations are not kept " +
                                (ours ? "(vakkaart computes its own crosswalks)"
                                      : "(their origin is not an item of the package)"),
                            {file_name, 0, "CFAssociations"}});
  }
  result.documents.emplace_back(std::move(f));
  return result;
}

}  // namespace vakkaart::sources
