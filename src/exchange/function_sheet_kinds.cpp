#include "exchange/function_sheet_kinds.h"

#include <charconv>

namespace vakkaart::exchange {

namespace {

using SheetFn = model::FunctionProfile;
using SheetSrc = model::BlockSource;

bool sheet_set_int(int& into, const std::string& text) {
  auto v = sheet_int(text);
  if (v)
    into = *v;
  return v.has_value();
}

}  // namespace

const std::vector<HeaderField>& function_header_fields() {
  // clang-format off
  static const std::vector<HeaderField> fields = {
      {"organisation", [](const SheetFn& f) { return f.organisation; },
       [](SheetFn& f, const std::string& v) { f.organisation = v; return true; }, "any text"},
      {"purpose", [](const SheetFn& f) { return f.purpose; },
       [](SheetFn& f, const std::string& v) { f.purpose = v; return true; }, "any text"},
      {"context", [](const SheetFn& f) { return f.context; },
       [](SheetFn& f, const std::string& v) { f.context = v; return true; }, "any text"},
      {"status", [](const SheetFn& f) { return std::string(model::to_string(f.status)); },
       [](SheetFn& f, const std::string& v) {
         auto s = model::function_status_from_string(v);
         if (s)
           f.status = *s;
         return s.has_value();
       }, "draft or final"},
      {"version", [](const SheetFn& f) { return std::to_string(f.version); },
       [](SheetFn& f, const std::string& v) { return sheet_set_int(f.version, v) && f.version >= 1; },
       "a whole number, 1 or more"},
      {"created", [](const SheetFn& f) { return f.created; },
       [](SheetFn& f, const std::string& v) { f.created = v; return true; }, "any text"},
      {"updated", [](const SheetFn& f) { return f.updated; },
       [](SheetFn& f, const std::string& v) { f.updated = v; return true; }, "any text"},
      {"framework", [](const SheetFn& f) { return f.framework_id; },
       [](SheetFn& f, const std::string& v) { f.framework_id = v; return true; }, "any text"},
      {"next_id", [](const SheetFn& f) { return std::to_string(f.next_id); },
       [](SheetFn& f, const std::string& v) { return sheet_set_int(f.next_id, v); }, "a whole number"},
  };
  // clang-format on
  return fields;
}

const std::vector<SourceField>& source_fields() {
  // clang-format off
  static const std::vector<SourceField> fields = {
      {"source_kind", [](const SheetSrc& s) { return std::string(model::to_string(s.kind)); },
       [](SheetSrc& s, const std::string& v) {
         if (v != "profile" && v != "qualification")
           return false;
         s.kind = v == "profile" ? model::SourceKind::profile : model::SourceKind::qualification;
         return true;
       }, "profile or qualification"},
      {"source_item", [](const SheetSrc& s) { return s.item_id; },
       [](SheetSrc& s, const std::string& v) { s.item_id = v; return true; }, "any text"},
      {"source_item_title", [](const SheetSrc& s) { return s.item_title; },
       [](SheetSrc& s, const std::string& v) { s.item_title = v; return true; }, "any text"},
      {"source_framework", [](const SheetSrc& s) { return s.framework_id; },
       [](SheetSrc& s, const std::string& v) { s.framework_id = v; return true; }, "any text"},
      {"source_cluster", [](const SheetSrc& s) { return s.cluster_id; },
       [](SheetSrc& s, const std::string& v) { s.cluster_id = v; return true; }, "any text"},
      {"source_position", [](const SheetSrc& s) { return std::to_string(s.position); },
       [](SheetSrc& s, const std::string& v) { return sheet_set_int(s.position, v); }, "a whole number"},
      {"source_title", [](const SheetSrc& s) { return s.title; },
       [](SheetSrc& s, const std::string& v) { s.title = v; return true; }, "any text"},
      {"source_version", [](const SheetSrc& s) { return s.version; },
       [](SheetSrc& s, const std::string& v) { s.version = v; return true; }, "any text"},
  };
  // clang-format on
  return fields;
}

bool is_item_kind(const std::string& kind) {
  return kind == "activity" || kind == "sub_activity" || kind == "competence_activity" ||
         kind == "knowledge" || kind == kOwn;
}

std::string ItemProvenance::text() const {
  if (position == 0)
    return edited ? kOwn : kOwn + " unedited";
  return ref + "#" + std::to_string(position) + (edited ? " edited" : "");
}

bool ItemProvenance::needs_original_row(const std::string& original) const {
  return position == 0 ? edited && !original.empty() : edited;
}

std::optional<ItemProvenance> ItemProvenance::parse(const std::string& text) {
  if (text == kOwn)
    return ItemProvenance{0, true, ""};
  if (text == kOwn + " unedited")
    return ItemProvenance{0, false, ""};
  ItemProvenance p;
  std::string rest = text;
  const std::string suffix = " edited";
  if (rest.size() > suffix.size() && rest.ends_with(suffix)) {
    p.edited = true;
    rest.resize(rest.size() - suffix.size());
  }
  auto hash = rest.rfind('#');
  if (hash == std::string::npos)
    return std::nullopt;
  auto n = sheet_int(rest.substr(hash + 1));
  if (!n || *n < 1)
    return std::nullopt;
  p.position = *n;
  p.ref = rest.substr(0, hash);
  return p;
}

std::string sheet_weight(double weight) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, weight);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::optional<int> sheet_int(const std::string& text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || std::to_string(v) != text)
    return std::nullopt;
  return v;
}

}  // namespace vakkaart::exchange
