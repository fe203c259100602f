#include "sources/qualification_parts_json.h"

#include <algorithm>

#include "text/text_utils.h"

namespace vakkaart::sources {
namespace {

std::string raw_string(const JsonReader& reader, const Json& j, const std::string& path,
                       const char* key) {
  const Json& value = reader.member(j, path, key);
  if (!value.is_string())
    reader.fail(path + "." + key, "expected a string");
  return value.get<std::string>();
}

const Json* optional_array(const JsonReader& reader, const Json& j, const std::string& path,
                           const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null())
    return nullptr;
  if (!it->is_array())
    reader.fail(path + "." + key, "expected an array");
  return &*it;
}

void read_references(const JsonReader& reader, const Json& j, const std::string& path,
                     model::Qualification& q) {
  const Json* refs = optional_array(reader, j, path, "title_references");
  if (refs == nullptr)
    return;
  for (size_t i = 0; i < refs->size(); ++i) {
    const std::string rp = path + ".title_references[" + std::to_string(i) + "]";
    const Json& r = (*refs)[i];
    model::TitleReference ref;
    const std::string kind = reader.str(r, rp, "kind");
    const auto parsed = model::reference_kind_from_string(kind);
    if (!parsed)
      reader.fail(rp + ".kind",
                  "unknown reference kind '" + kind + "' (competent_fiche, sector_profile)");
    ref.kind = *parsed;
    ref.code = reader.opt_str(r, rp, "code").value_or("");
    ref.name = reader.opt_str(r, rp, "name").value_or("");
    const Json& used = reader.member(r, rp, "title_used");
    if (!used.is_boolean())
      reader.fail(rp + ".title_used", "expected true or false");
    ref.title_used = used.get<bool>();
    ref.note = reader.str(r, rp, "note");
    q.title_references.push_back(std::move(ref));
  }
}

void read_partials(const JsonReader& reader, const Json& j, const std::string& path,
                   model::Qualification& q) {
  const Json* partials = optional_array(reader, j, path, "partial_qualifications");
  if (partials == nullptr)
    return;
  for (size_t i = 0; i < partials->size(); ++i) {
    const std::string pp = path + ".partial_qualifications[" + std::to_string(i) + "]";
    const Json& p = (*partials)[i];
    model::PartialQualification partial{reader.str(p, pp, "code"), reader.str(p, pp, "title"), {}};
    const Json& numbers = reader.array(p, pp, "competences");
    for (size_t n = 0; n < numbers.size(); ++n) {
      const std::string np = pp + ".competences[" + std::to_string(n) + "]";
      if (!numbers[n].is_number_integer())
        reader.fail(np, "expected an integer");
      const int number = numbers[n].get<int>();
      const bool exists = std::any_of(q.competences.begin(), q.competences.end(),
                                      [&](const auto& c) { return c.number == number; });
      if (!exists)
        reader.fail(np, "no competence " + std::to_string(number) + " in " + q.id);
      partial.competences.push_back(number);
    }
    q.partial_qualifications.push_back(std::move(partial));
  }
}

void read_footnotes(const JsonReader& reader, const Json& j, const std::string& path,
                    model::Qualification& q) {
  const Json* notes = optional_array(reader, j, path, "footnotes");
  if (notes == nullptr)
    return;
  for (size_t i = 0; i < notes->size(); ++i) {
    const std::string fp = path + ".footnotes[" + std::to_string(i) + "]";
    const Json& f = (*notes)[i];
    model::Footnote note{reader.str(f, fp, "mark"),
                         text::collapse_lines(raw_string(reader, f, fp, "text")),
                         reader.str_array(f, fp, "referenced_at")};
    for (size_t r = 0; r < note.referenced_at.size(); ++r) {
      if (model::text_at(q, note.referenced_at[r]) == nullptr)
        reader.fail(fp + ".referenced_at[" + std::to_string(r) + "]",
                    "no text at '" + note.referenced_at[r] + "' in " + q.id);
    }
    q.footnotes.push_back(std::move(note));
  }
}

}  // namespace

void add_qualification_parts(const model::Qualification& q, Json& j) {
  if (!q.title_references.empty()) {
    Json refs = Json::array();
    for (const auto& r : q.title_references)
      refs.push_back(Json{{"kind", model::to_string(r.kind)},
                          {"code", r.code},
                          {"name", r.name},
                          {"title_used", r.title_used},
                          {"note", r.note}});
    j["title_references"] = std::move(refs);
  }
  if (!q.scope.empty())
    j["scope"] = q.scope;
  if (!q.partial_qualifications.empty()) {
    Json partials = Json::array();
    for (const auto& p : q.partial_qualifications)
      partials.push_back(
          Json{{"code", p.code}, {"title", p.title}, {"competences", p.competences}});
    j["partial_qualifications"] = std::move(partials);
  }
  if (!q.footnotes.empty()) {
    Json notes = Json::array();
    for (const auto& f : q.footnotes)
      notes.push_back(Json{{"mark", f.mark}, {"text", f.text}, {"referenced_at", f.referenced_at}});
    j["footnotes"] = std::move(notes);
  }
}

void read_qualification_parts(const JsonReader& reader, const Json& j, const std::string& path,
                              model::Qualification& q) {
  read_references(reader, j, path, q);
  if (j.contains("scope") && !j["scope"].is_null())
    q.scope = text::collapse_lines(raw_string(reader, j, path, "scope"));
  read_partials(reader, j, path, q);
  read_footnotes(reader, j, path, q);
}

}  // namespace vakkaart::sources
