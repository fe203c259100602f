// A qualification's CASE package read back as the qualification (issue 18): export -> import ->
// export is byte-identical, as it is for a framework. The package is one vakkaart wrote, so the
// reader expects exactly the shape src/exchange/case_export.cpp gives a qualification and
// refuses, naming the field, what does not fit it rather than guess.
#include "sources/case_qualification.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/uuid_v5.h"
#include "sources/akov/title_reference.h"
#include "sources/canonical_json.h"
#include "sources/case_package.h"

namespace vakkaart::sources {

namespace {

/// The most competence numbers tried when a competence's own code ("co 01310") hides the
/// number its identifier was derived from.
constexpr int kMaxCompetenceNumber = 1000;

[[noreturn]] void cq_fail(const CaseGraph& g, const std::string& field, const std::string& what) {
  throw Error(ErrorCode::parse_error, what, {g.file, 0, field});
}

std::string cq_item_path(const CaseItemIn& item, const char* field) {
  return "CFItems[" + std::to_string(item.index) + "]." + field;
}

std::string cq_uuid(const std::string& name) {
  return uuid_v5(vakkaart_uuid_namespace(), name);
}

/// Splits "line\nline" into its lines ("" gives none).
std::vector<std::string> cq_lines(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty())
    return out;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos)
      return out;
    start = end + 1;
  }
}

/// The mark a footnote line starts with, followed by a space ("* ", "** ", "(1) "), or "".
/// By hand rather than with std::regex, whose matcher recurses per character of a long line.
std::string cq_footnote_mark(const std::string& line) {
  size_t n = 0;
  if (!line.empty() && line[0] == '*') {
    n = line.find_first_not_of('*');
    if (n == std::string::npos || n > 3)
      return "";
  } else if (line.size() > 2 && line[0] == '(') {
    n = line.find(')');
    if (n == std::string::npos || n < 2 || n > 3 ||
        !std::all_of(line.begin() + 1, line.begin() + static_cast<std::ptrdiff_t>(n),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return "";
    ++n;
  }
  return n > 0 && n < line.size() && line[n] == ' ' ? line.substr(0, n) : "";
}

/// Footnotes as the export writes them, "<mark> <text>" each, several joined with '\n'; a
/// footnote's text may run over lines, so a line starts a new footnote only when it starts with
/// a mark and a space.
std::vector<std::pair<std::string, std::string>> cq_footnotes(const CaseGraph& g,
                                                              const std::string& text,
                                                              const std::string& field) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& line : cq_lines(text)) {
    const std::string mark = cq_footnote_mark(line);
    if (!mark.empty())
      out.push_back({mark, line.substr(mark.size() + 1)});
    else if (!out.empty())
      out.back().second += "\n" + line;
    else
      cq_fail(g, field,
              "expected footnotes as \"<mark> <text>\" (\"* …\", \"(1) …\"), got \"" + line + "\"");
  }
  return out;
}

/// The document's notes after the id line: "Afbakening:", "Titel:" and "Voetnoten:" parts, each
/// after a blank line, in that order (case_qualification_note in the export).
struct CaseQualificationNotes {
  std::string scope;
  std::string title_notes;
  std::string footnotes;
};

CaseQualificationNotes cq_document_notes(const CaseGraph& g, const std::string& notes) {
  static const char* const field = "CFDocument.notes";
  CaseQualificationNotes out;
  const size_t first_break = notes.find('\n');
  std::string rest = first_break == std::string::npos ? "" : notes.substr(first_break);
  const std::pair<const char*, std::string*> parts[] = {{"\n\nAfbakening:\n", &out.scope},
                                                        {"\n\nTitel:\n", &out.title_notes},
                                                        {"\n\nVoetnoten:\n", &out.footnotes}};
  size_t at = 0;
  for (size_t i = 0; i < std::size(parts); ++i) {
    const std::string label = parts[i].first;
    if (rest.compare(at, label.size(), label) != 0)
      continue;
    size_t end = std::string::npos;
    for (size_t j = i + 1; j < std::size(parts) && end == std::string::npos; ++j)
      end = rest.find(parts[j].first, at + label.size());
    *parts[i].second = rest.substr(
        at + label.size(), end == std::string::npos ? std::string::npos : end - at - label.size());
    at = end == std::string::npos ? rest.size() : end;
  }
  if (at != rest.size())
    cq_fail(g, field,
            "after the vakkaart:<id> line, expected the parts \"Afbakening:\", \"Titel:\" and "
            "\"Voetnoten:\", each after a blank line, in that order");
  return out;
}

/// The number N a competence's identifier was derived from ("competence:<id>:N"): its
/// humanCodingScheme says it unless the page gave the competence a code of its own.
int cq_competence_number(const CaseGraph& g, const std::string& id, const CaseItemIn& item,
                         std::optional<std::string>& own_code) {
  const std::string prefix = id + ":";
  if (item.code.rfind(prefix, 0) == 0) {
    const std::string digits = item.code.substr(prefix.size());
    if (!digits.empty() && digits.size() < 6 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int n = std::stoi(digits);
      if (cq_uuid("competence:" + prefix + std::to_string(n)) == item.identifier)
        return n;
    }
  }
  for (int n = 1; n <= kMaxCompetenceNumber; ++n) {
    if (cq_uuid("competence:" + prefix + std::to_string(n)) == item.identifier) {
      if (!item.code.empty())
        own_code = item.code;
      return n;
    }
  }
  cq_fail(g, cq_item_path(item, "identifier"),
          "competence " + item.identifier + " has no identifier vakkaart derives for " + id);
}

/// Collects footnotes by mark and text in first-seen order, each with the places it is at.
class CaseFootnotes {
 public:
  void at(const std::string& mark, const std::string& text, const std::string& path) {
    auto key = std::make_pair(mark, text);
    auto it = index_.find(key);
    if (it == index_.end()) {
      it = index_.emplace(key, list_.size()).first;
      list_.push_back({mark, text, {}});
    }
    if (!path.empty())
      list_[it->second].referenced_at.push_back(path);
  }
  /// One the document carries: it is at no item, or at one and somewhere CASE has no item for
  /// (the definition, the context, …). It is linked to the definition or scope when they carry
  /// its mark; otherwise it stands on its own, so the export writes it in the document again.
  void off_items(const std::string& mark, const std::string& text,
                 const std::vector<std::string>& paths) {
    if (!paths.empty()) {
      for (const std::string& path : paths)
        at(mark, text, path);
      return;
    }
    index_.erase(std::make_pair(mark, text));  // an item footnote after it is a new one
    list_.push_back({mark, text, {}});
  }
  std::vector<model::Footnote> take() { return std::move(list_); }

 private:
  std::map<std::pair<std::string, std::string>, size_t> index_;
  std::vector<model::Footnote> list_;
};

bool cq_carries_mark(const std::string& text, const std::string& mark) {
  if (mark.empty() || mark.front() != '*')
    return text.find(mark) != std::string::npos;
  for (size_t at = text.find('*'); at != std::string::npos; at = text.find('*', at)) {
    size_t end = text.find_first_not_of('*', at);
    if (end == std::string::npos)
      end = text.size();
    if (end - at == mark.size())
      return true;
    at = end;
  }
  return false;
}

void cq_competence_parts(const CaseGraph& g, const CaseItemIn& item, model::Competence& c,
                         std::vector<const CaseItemIn*>& parts) {
  for (const CaseChild& child : case_children_of(g, item.identifier)) {
    const CaseItemIn& part = g.items.at(child.identifier);
    if (part.type == case_types::competence_activity)
      c.activities.push_back({part.exact_statement, std::nullopt});
    else if (part.type == case_types::knowledge)
      c.knowledge.push_back({part.exact_statement, std::nullopt});
    else
      cq_fail(g, cq_item_path(part, "CFItemType"),
              "a competence's item is an Activiteit or Kennis, not \"" + part.type + "\"");
    if (!case_children_of(g, part.identifier).empty())
      cq_fail(g, cq_item_path(part, "identifier"),
              "an Activiteit or Kennis item has no items under it");
    parts.push_back(&part);
  }
  // The export writes the activities first, then the knowledge items.
  bool knowledge_seen = false;
  for (const CaseItemIn* part : parts) {
    if (part->type == case_types::knowledge)
      knowledge_seen = true;
    else if (knowledge_seen)
      cq_fail(g, cq_item_path(item, "identifier"),
              "competence " + item.code + " lists an Activiteit after a Kennis item");
  }
}

/// One item's `extensions` as the field of its canonical JSON it holds: an activity's
/// "descriptor", a knowledge item's "kind".
void cq_item_extensions(const CaseGraph& g, const CaseItemIn& part, Json& line) {
  if (part.extensions.is_null())
    return;
  const char* key = part.type == case_types::competence_activity ? "descriptor" : "kind";
  for (const auto& entry : part.extensions.items())
    if (entry.key() != key)
      cq_fail(g, cq_item_path(part, "extensions") + "." + entry.key(),
              std::string("an ") + part.type + " item's extensions hold its \"" + key + "\" only");
  if (part.extensions.contains(key))
    line[key] = part.extensions[key];
}

/// The qualification with what the package carries in `extensions`: the document's fields and
/// each line's descriptor or kind, merged into its canonical JSON and read back through the
/// canonical reader, which checks them as it checks any canonical qualification.
model::Qualification cq_with_extensions(const CaseGraph& g, model::Qualification q,
                                        const Json& extensions,
                                        const std::vector<std::vector<const CaseItemIn*>>& below) {
  const auto& keys = case_qualification_extension_keys();
  Json j = qualification_to_json(q);
  bool any = false;
  if (extensions.is_object()) {
    for (const auto& entry : extensions.items()) {
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return entry.key() == k; }))
        cq_fail(g, "CFDocument.extensions." + entry.key(),
                "not a field of a qualification the package carries here");
      j[entry.key()] = entry.value();
      any = true;
    }
  }
  for (size_t i = 0; i < below.size(); ++i) {
    size_t a = 0, k = 0;
    for (const CaseItemIn* part : below[i]) {
      const bool activity = part->type == case_types::competence_activity;
      Json& line =
          activity ? j["competences"][i]["activities"][a++] : j["competences"][i]["knowledge"][k++];
      any = any || !part->extensions.is_null();
      cq_item_extensions(g, *part, line);
    }
  }
  if (!any)
    return q;
  try {
    ParseResult read = parse_canonical_json(j.dump(), g.file);
    return std::get<model::Qualification>(read.documents.at(0));
  } catch (const Error& e) {
    // The canonical reader names its path from the root ("$.level.vks").
    std::string field = e.where().field;
    if (field.rfind("$.", 0) == 0)
      field.erase(0, 2);
    const bool document = std::any_of(keys.begin(), keys.end(),
                                      [&](const char* k) { return field.rfind(k, 0) == 0; });
    throw Error(ErrorCode::parse_error, e.message(),
                {g.file, 0, document ? "CFDocument.extensions." + field : "CFItems: " + field});
  }
}

}  // namespace

const std::vector<const char*>& case_qualification_extension_keys() {
  static const std::vector<const char*> keys = {
      "current",        "level",    "recognition",    "year",         "environment_context",
      "action_context", "autonomy", "responsibility", "certificates", "raw_sections"};
  return keys;
}

bool case_is_our_qualification(const CaseGraph& g, const std::string& id) {
  static const std::set<std::string> types = {
      case_types::competence, case_types::competence_activity, case_types::knowledge,
      case_types::partial_qualification};
  if (id.empty() || g.document_id != cq_uuid("qualification:" + id))
    return false;
  return std::all_of(g.items.begin(), g.items.end(),
                     [](const auto& entry) { return types.count(entry.second.type) != 0; });
}

model::Qualification case_rebuild_qualification(const CaseGraph& g,
                                                const CaseQualificationDocument& doc,
                                                std::vector<ReportNote>& notes) {
  model::Qualification q;
  q.id = doc.id;
  q.title = doc.title;
  q.definition = doc.description;
  const std::string& v = doc.version;
  if (v.empty() || v.size() > 4 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    cq_fail(g, "CFDocument.version",
            "a qualification's version is its version number, not \"" + v + "\"");
  q.version = std::stoi(v);
  const std::string suffix = "-" + std::to_string(q.version);
  if (q.id.size() <= suffix.size() ||
      q.id.compare(q.id.size() - suffix.size(), suffix.size(), suffix) != 0)
    cq_fail(g, "CFDocument.version",
            "version " + v + " is not the version the id " + q.id + " ends with");
  q.code = q.id.substr(0, q.id.size() - suffix.size());
  // A package claims no "current version": the store derives it (the highest version in force).
  q.current = false;
  if (doc.adoption_status == "Deprecated")
    q.withdrawn = true;
  else if (!doc.adoption_status.empty())
    notes.push_back({ReportNote::Kind::warning,
                     "adoptionStatus \"" + doc.adoption_status +
                         "\" is not kept (a qualification is in force or withdrawn, Deprecated)",
                     {g.file, 0, "CFDocument.adoptionStatus"}});

  const CaseQualificationNotes parts = cq_document_notes(g, doc.notes);
  q.scope = parts.scope;
  for (const std::string& line : cq_lines(parts.title_notes)) {
    auto reference = akov::read_title_reference(line);
    if (!reference)
      cq_fail(g, "CFDocument.notes",
              "the title note \"" + line + "\" names no Competent fiche or sector profile");
    q.title_references.push_back(std::move(*reference));
  }

  CaseFootnotes footnotes;
  for (const auto& [mark, text] : cq_footnotes(g, parts.footnotes, "CFDocument.notes")) {
    std::vector<std::string> paths;
    if (cq_carries_mark(q.definition, mark))
      paths.push_back("definition");
    if (cq_carries_mark(q.scope, mark))
      paths.push_back("scope");
    footnotes.off_items(mark, text, paths);
  }

  std::map<std::string, int> number_of;               // competence item -> its number
  std::vector<std::vector<const CaseItemIn*>> below;  // per competence: its lines' items
  std::vector<const CaseItemIn*> partials;
  for (const CaseChild& top : case_children_of(g, g.document_id)) {
    const CaseItemIn& item = g.items.at(top.identifier);
    if (item.type == case_types::partial_qualification) {
      partials.push_back(&item);
      continue;
    }
    if (item.type != case_types::competence)
      cq_fail(g, cq_item_path(item, "CFItemType"),
              "an item under a qualification is a Competentie or Deelkwalificatie, not \"" +
                  item.type + "\"");
    if (!partials.empty())
      cq_fail(g, cq_item_path(item, "identifier"),
              "the export lists the competences before the partial qualifications");
    model::Competence c;
    c.number = cq_competence_number(g, q.id, item, c.code);
    if (!number_of.emplace(item.identifier, c.number).second)
      continue;
    c.title = item.exact_statement;
    if (item.keywords.size() > 1)
      cq_fail(g, cq_item_path(item, "conceptKeywords"),
              "a competence is listed under one group at most");
    if (!item.keywords.empty())
      c.group = item.keywords.front();
    std::vector<const CaseItemIn*> items_below;
    cq_competence_parts(g, item, c, items_below);
    const size_t i = q.competences.size();
    const std::string at = "competences[" + std::to_string(i) + "]";
    for (const auto& [mark, text] : cq_footnotes(g, item.exact_notes, cq_item_path(item, "notes")))
      footnotes.at(mark, text, at + ".title");
    size_t a = 0, k = 0;
    for (const CaseItemIn* part : items_below) {
      const bool activity = part->type == case_types::competence_activity;
      const std::string path = at + (activity ? ".activities[" + std::to_string(a++) + "]"
                                              : ".knowledge[" + std::to_string(k++) + "]");
      for (const auto& [mark, text] :
           cq_footnotes(g, part->exact_notes, cq_item_path(*part, "notes")))
        footnotes.at(mark, text, path);
    }
    q.competences.push_back(std::move(c));
    below.push_back(std::move(items_below));
  }
  q.footnotes = footnotes.take();

  // Each competence isPartOf its partial qualifications, in the order sequenceNumber gives.
  std::map<std::string, std::vector<std::tuple<long long, size_t, int>>> members;
  size_t other = 0;
  for (size_t i = 0; i < g.kept.size(); ++i) {
    const model::CaseAssociationKept& k = g.kept[i];
    auto number = number_of.find(k.origin);
    if (k.type == "isPartOf" && number != number_of.end())
      members[k.destination].push_back({k.sequence, i, number->second});
    else
      ++other;
  }
  for (const CaseItemIn* item : partials) {
    if (item->code.empty())
      cq_fail(g, cq_item_path(*item, "humanCodingScheme"),
              "a Deelkwalificatie carries its code (\"BKD-0593-1-DBK-01\")");
    model::PartialQualification p;
    p.code = item->code;
    // The export writes a partial qualification without a title as its code.
    p.title = item->exact_statement == item->code ? "" : item->exact_statement;
    auto list = members[item->identifier];
    std::sort(list.begin(), list.end());
    for (const auto& member : list)
      p.competences.push_back(std::get<2>(member));
    members.erase(item->identifier);
    q.partial_qualifications.push_back(std::move(p));
  }
  for (const auto& entry : members)
    other += entry.second.size();
  if (other > 0)
    notes.push_back({ReportNote::Kind::warning,
                     std::to_string(other) +
                         " associations are not kept (a qualification's package holds only "
                         "isChildOf, a competence's isPartOf its partial qualification and "
                         "vakkaart's own crosswalks)",
                     {g.file, 0, "CFAssociations"}});
  if (doc.extensions.is_null())
    notes.push_back({ReportNote::Kind::decision,
                     "read back as qualification " + q.id +
                         "; its package (written before issue 18) carries no level, context, "
                         "autonomy, responsibility or certificates, nor the descriptor of an "
                         "activity or the kind of a knowledge item, so those stay empty",
                     {g.file, 0, ""}});
  return cq_with_extensions(g, std::move(q), doc.extensions, below);
}

}  // namespace vakkaart::sources
