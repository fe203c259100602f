#include "compare/comparison.h"

#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/error.h"

namespace vakkaart::compare {
namespace {

using vakkaart::Json;

/// A group the items can hold statements in, before its cells are filled.
struct GroupSpec {
  GroupKind kind;
  std::string id, title, title_en, framework_id, layer_id;
};

struct SectionTitle {
  const char* id;
  const char* title;
  const char* title_en;
};

/// The definition group and the qualification sections, with the Dutch names the sources use.
const SectionTitle kDefinition = {"definition", "Definitie", "Definition"};
const SectionTitle kSections[] = {
    {"competences", "Competenties", "Competences"},
    {"knowledge", "Kennis", "Knowledge"},
    {"contexts", "Omgevings- en handelingscontext", "Environment and action context"},
    {"autonomy", "Autonomie", "Autonomy"},
    {"responsibility", "Verantwoordelijkheid", "Responsibility"},
};

/// Clusters of different frameworks may share an id, so a cluster group is keyed by both.
std::string cluster_key(const std::string& framework_id, const std::string& cluster_id) {
  return "cluster:" + framework_id + "/" + cluster_id;
}

/// One statement of an item with the key of the group it belongs in.
struct Entry {
  std::string group;
  Statement statement;
};

class EntryList {
 public:
  void add(const std::string& group, const std::string& text, const char* kind,
           std::string detail = {}) {
    if (text.empty())
      return;
    Statement s;
    s.text = text;
    s.kind = kind;
    s.detail = std::move(detail);
    entries_.push_back({group, std::move(s)});
  }

  void add_activities(const std::string& group, const std::vector<model::Activity>& activities,
                      bool nested) {
    for (const auto& a : activities) {
      add(group, a.text, nested ? "sub_activity" : "activity");
      add_activities(group, a.children, true);
    }
  }

  std::vector<Entry> take() { return std::move(entries_); }

 private:
  std::vector<Entry> entries_;
};

std::vector<Entry> profile_entries(const store::ProfileRecord& record) {
  EntryList out;
  const auto& profile = record.profile;
  out.add(kDefinition.id, profile.definition, "definition");
  for (const auto& pc : profile.clusters) {
    const std::string key = cluster_key(record.framework.id, pc.cluster_id);
    for (const auto& ma : pc.main_activities) {
      if (ma.title)
        out.add(key, *ma.title, "main_activity");
      out.add_activities(key, ma.activities, false);
    }
  }
  return out.take();
}

std::vector<Entry> qualification_entries(const model::Qualification& q) {
  EntryList out;
  out.add(kDefinition.id, q.definition, "definition");
  for (const auto& c : q.competences) {
    out.add("competences", c.title, "competence");
    for (const auto& a : c.activities)
      out.add("competences", a.text, "competence_activity",
              a.descriptor ? model::to_string(*a.descriptor) : "");
  }
  // Competences repeat knowledge items; the knowledge group lists each once.
  std::set<std::string> known;
  for (const auto& c : q.competences) {
    for (const auto& k : c.knowledge) {
      if (known.insert(k.text).second)
        out.add("knowledge", k.text, "knowledge", k.kind ? model::to_string(*k.kind) : "");
    }
  }
  for (const auto& line : q.environment_context)
    out.add("contexts", line, "environment_context");
  for (const auto& line : q.action_context)
    out.add("contexts", line, "action_context");
  for (const auto& line : q.autonomy.independent_in)
    out.add("autonomy", line, "independent_in");
  for (const auto& line : q.autonomy.bound_to)
    out.add("autonomy", line, "bound_to");
  for (const auto& line : q.autonomy.relies_on)
    out.add("autonomy", line, "relies_on");
  for (const auto& line : q.responsibility)
    out.add("responsibility", line, "responsibility");
  return out.take();
}

std::vector<Entry> entries_of(const Item& item) {
  if (item.profile)
    return profile_entries(*item.profile);
  if (item.qualification)
    return qualification_entries(*item.qualification);
  return {};
}

/// Every group the items could fill, in display order: definition, each framework's clusters
/// (frameworks in the order their first profile appears), then the qualification sections.
std::vector<GroupSpec> group_order(const std::vector<Item>& items) {
  std::vector<GroupSpec> specs;
  specs.push_back(
      {GroupKind::definition, kDefinition.id, kDefinition.title, kDefinition.title_en, "", ""});
  std::set<std::string> frameworks;
  for (const auto& item : items) {
    if (!item.profile || !frameworks.insert(item.profile->framework.id).second)
      continue;
    const auto& framework = item.profile->framework;
    for (const auto& c : framework.clusters)
      specs.push_back({GroupKind::cluster, c.id, c.title, c.title, framework.id, c.layer_id});
  }
  for (const auto& s : kSections)
    specs.push_back({GroupKind::qualification, s.id, s.title, s.title_en, "", ""});
  return specs;
}

std::string key_of(const GroupSpec& spec) {
  return spec.kind == GroupKind::cluster ? cluster_key(spec.framework_id, spec.id) : spec.id;
}

void count(ShareCounts& counts, Share share) {
  switch (share) {
    case Share::all:
      ++counts.all;
      break;
    case Share::some:
      ++counts.some;
      break;
    case Share::unique:
      ++counts.unique;
      break;
  }
}

Json counts_json(const ShareCounts& c) {
  return {{"all", c.all}, {"some", c.some}, {"unique", c.unique}, {"total", c.total()}};
}

Json optional_string(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

}  // namespace

const char* to_string(ItemKind kind) {
  return kind == ItemKind::profile ? "profile" : "qualification";
}

const char* to_string(Share share) {
  switch (share) {
    case Share::all:
      return "all";
    case Share::some:
      return "some";
    case Share::unique:
      return "unique";
  }
  return "unique";
}

const char* to_string(GroupKind kind) {
  switch (kind) {
    case GroupKind::definition:
      return "definition";
    case GroupKind::cluster:
      return "cluster";
    case GroupKind::qualification:
      return "qualification";
  }
  return "qualification";
}

Item load_item(store::Store& store, const std::string& id) {
  Item item;
  if (auto record = store.find_profile(id)) {
    item.info = {record->profile.id, ItemKind::profile, record->profile.title,
                 record->profile.framework_id};
    item.profile = std::move(*record);
    return item;
  }
  if (auto q = store.find_qualification(id)) {
    item.info = {q->id, ItemKind::qualification, q->title, ""};
    item.qualification = std::move(*q);
    return item;
  }
  throw Error(ErrorCode::not_found, "no profile or qualification with id '" + id + "'",
              {"", 0, "item"});
}

std::vector<Item> load_items(store::Store& store, const std::vector<std::string>& ids) {
  if (ids.size() < kMinItems || ids.size() > kMaxItems) {
    throw Error(ErrorCode::invalid_argument,
                "give " + std::to_string(kMinItems) + " to " + std::to_string(kMaxItems) +
                    " items to compare, not " + std::to_string(ids.size()),
                {"", 0, "item"});
  }
  std::vector<Item> items;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    Item item = load_item(store, id);
    // Checked after loading so that "BK-0338" beside "BK-0338-3" counts as a repeat too.
    if (!seen.insert(item.info.id).second) {
      throw Error(ErrorCode::invalid_argument,
                  "'" + id + "' names " + item.info.id + ", which is already compared",
                  {"", 0, "item"});
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<std::string> statement_texts(const Item& item) {
  std::vector<std::string> texts;
  std::set<std::string> seen;
  for (auto& entry : entries_of(item)) {
    if (seen.insert(entry.statement.text).second)
      texts.push_back(std::move(entry.statement.text));
  }
  return texts;
}

Comparison compare_items(const std::vector<Item>& items) {
  const std::size_t n = items.size();
  std::vector<std::vector<Entry>> entries;
  // Which items hold each text, in item order.
  std::map<std::string, std::vector<std::size_t>> holders;
  for (std::size_t i = 0; i < n; ++i) {
    entries.push_back(entries_of(items[i]));
    for (const auto& e : entries.back()) {
      auto& h = holders[e.statement.text];
      if (h.empty() || h.back() != i)
        h.push_back(i);
    }
  }
  auto share_of = [n](std::size_t holder_count) {
    return holder_count == n ? Share::all : holder_count > 1 ? Share::some : Share::unique;
  };

  Comparison out;
  for (const auto& item : items)
    out.items.push_back({item.info, {}});
  for (const auto& [text, h] : holders) {
    const Share share = share_of(h.size());
    count(out.counts, share);
    for (std::size_t i : h)
      count(out.items[i].counts, share);
  }

  std::vector<GroupSpec> specs = group_order(items);
  std::unordered_map<std::string, std::size_t> group_index;
  for (std::size_t g = 0; g < specs.size(); ++g)
    group_index.emplace(key_of(specs[g]), g);
  std::vector<Group> groups;
  for (const auto& spec : specs) {
    Group group{spec.kind,         spec.id,       spec.title, spec.title_en,
                spec.framework_id, spec.layer_id, {}};
    for (const auto& item : items)
      group.cells.push_back({item.info.id, {}});
    groups.push_back(std::move(group));
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (auto& e : entries[i]) {
      const auto at = group_index.find(e.group);
      if (at == group_index.end())
        throw Error(ErrorCode::internal, "statement in unknown comparison group " + e.group);
      Statement s = std::move(e.statement);
      const auto& h = holders.at(s.text);
      s.share = share_of(h.size());
      for (std::size_t other : h) {
        if (other != i)
          s.shared_with.push_back(items[other].info.id);
      }
      groups[at->second].cells[i].statements.push_back(std::move(s));
    }
  }
  for (auto& group : groups) {
    bool empty = true;
    for (const auto& cell : group.cells)
      empty = empty && cell.statements.empty();
    if (!empty)
      out.groups.push_back(std::move(group));
  }
  return out;
}

Comparison compare(store::Store& store, const std::vector<std::string>& ids) {
  return compare_items(load_items(store, ids));
}

Json comparison_to_json(const Comparison& comparison) {
  Json items = Json::array();
  for (const auto& item : comparison.items) {
    items.push_back({{"id", item.info.id},
                     {"kind", to_string(item.info.kind)},
                     {"title", item.info.title},
                     {"framework", optional_string(item.info.framework_id)},
                     {"counts", counts_json(item.counts)}});
  }
  Json groups = Json::array();
  for (const auto& group : comparison.groups) {
    Json cells = Json::array();
    for (const auto& cell : group.cells) {
      Json statements = Json::array();
      for (const auto& s : cell.statements) {
        Json statement = {{"text", s.text}, {"kind", s.kind}};
        if (!s.detail.empty())
          statement["detail"] = s.detail;
        statement["share"] = to_string(s.share);
        statement["shared_with"] = s.shared_with;
        statements.push_back(std::move(statement));
      }
      cells.push_back({{"item", cell.item_id}, {"statements", std::move(statements)}});
    }
    groups.push_back({{"id", group.id},
                      {"kind", to_string(group.kind)},
                      {"title", group.title},
                      {"title_en", group.title_en},
                      {"framework", optional_string(group.framework_id)},
                      {"layer", optional_string(group.layer_id)},
                      {"cells", std::move(cells)}});
  }
  return {{"items", std::move(items)},
          {"counts", counts_json(comparison.counts)},
          {"groups", std::move(groups)}};
}

}  // namespace vakkaart::compare
