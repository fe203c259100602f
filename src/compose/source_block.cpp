#include "compose/source_block.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

#include "core/error.h"

namespace vakkaart::compose {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto end = s.find(sep, start);
    parts.push_back(s.substr(start, end - start));
    if (end == std::string::npos)
      return parts;
    start = end + 1;
  }
}

/// A positive whole number, or nullopt.
std::optional<int> positive(const std::string& s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 1)
    return std::nullopt;
  return v;
}

/// Frameworks carry no version, so a profile block's version is the fingerprint of what it
/// says (FNV-1a 64 over its title and statements): it changes exactly when the block does.
std::string fingerprint(const model::BlockSource& s) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&](const std::string& text) {
    for (unsigned char c : text) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator, so "ab"+"c" differs from "a"+"bc"
    h *= 1099511628211ull;
  };
  mix(s.title);
  for (const auto& st : s.statements) {
    mix(st.kind);
    mix(st.text);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void flatten(const std::vector<model::Activity>& activities, bool nested,
             std::vector<model::SourceStatement>& out) {
  for (const auto& a : activities) {
    out.push_back({a.text, nested ? "sub_activity" : "activity", ""});
    flatten(a.children, true, out);
  }
}

model::BlockSource profile_block(const store::ProfileRecord& record, const std::string& cluster_id,
                                 const model::MainActivity& main, int position) {
  model::BlockSource s;
  s.kind = model::SourceKind::profile;
  s.item_id = record.profile.id;
  s.item_title = record.profile.title;
  s.framework_id = record.framework.id;
  s.cluster_id = cluster_id;
  s.position = position;
  s.ref = s.item_id + ":" + cluster_id + ":" + std::to_string(position);
  s.title = main.title.value_or("");
  flatten(main.activities, false, s.statements);
  s.version = fingerprint(s);
  return s;
}

model::BlockSource competence_block(const model::Qualification& q, const model::Competence& c) {
  model::BlockSource s;
  s.kind = model::SourceKind::qualification;
  s.item_id = q.id;
  s.item_title = q.title;
  s.position = c.number;
  s.ref = q.id + ":" + std::to_string(c.number);
  s.title = c.title;
  s.version = std::to_string(q.version);
  for (const auto& a : c.activities)
    s.statements.push_back(
        {a.text, "competence_activity", a.descriptor ? model::to_string(*a.descriptor) : ""});
  for (const auto& k : c.knowledge)
    s.statements.push_back({k.text, "knowledge", k.kind ? model::to_string(*k.kind) : ""});
  return s;
}

const model::ProfileCluster* find_profile_cluster(const model::Profile& p, const std::string& id) {
  for (const auto& c : p.clusters)
    if (c.cluster_id == id)
      return &c;
  return nullptr;
}

}  // namespace

SourceRef parse_source_ref(const std::string& ref) {
  auto parts = split(ref, ':');
  auto bad = [&]() -> SourceRef {
    throw Error(ErrorCode::invalid_argument,
                "source '" + ref +
                    "' is not PROFILE:CLUSTER:N (a main activity) or BK-xxxx-v:N (a competence)",
                {"", 0, "source"});
  };
  for (const auto& p : parts)
    if (p.empty())
      return bad();
  SourceRef r;
  if (parts.size() == 3) {
    r.kind = model::SourceKind::profile;
    r.item_id = parts[0];
    r.cluster_id = parts[1];
  } else if (parts.size() == 2) {
    r.kind = model::SourceKind::qualification;
    r.item_id = parts[0];
  } else {
    return bad();
  }
  auto n = positive(parts.back());
  if (!n)
    return bad();
  r.position = *n;
  return r;
}

model::BlockSource read_source_block(store::Store& store, const std::string& ref_text) {
  SourceRef ref = parse_source_ref(ref_text);
  if (ref.kind == model::SourceKind::profile) {
    auto record = store.find_profile(ref.item_id);
    if (!record)
      throw Error(ErrorCode::not_found, "no profile '" + ref.item_id + "'", {"", 0, "source"});
    const auto* cluster = find_profile_cluster(record->profile, ref.cluster_id);
    if (!cluster)
      throw Error(ErrorCode::not_found,
                  "profile '" + ref.item_id + "' has no cluster '" + ref.cluster_id + "'",
                  {"", 0, "source"});
    if (static_cast<std::size_t>(ref.position) > cluster->main_activities.size())
      throw Error(ErrorCode::not_found,
                  "cluster '" + ref.cluster_id + "' of profile '" + ref.item_id + "' has " +
                      std::to_string(cluster->main_activities.size()) + " main activities, not " +
                      std::to_string(ref.position),
                  {"", 0, "source"});
    return profile_block(*record, ref.cluster_id, cluster->main_activities[ref.position - 1],
                         ref.position);
  }
  auto q = store.find_qualification(ref.item_id);
  if (!q)
    throw Error(ErrorCode::not_found, "no qualification '" + ref.item_id + "'", {"", 0, "source"});
  for (const auto& c : q->competences)
    if (c.number == ref.position)
      return competence_block(*q, c);
  throw Error(ErrorCode::not_found,
              "qualification '" + q->id + "' has no competence " + std::to_string(ref.position),
              {"", 0, "source"});
}

std::optional<model::BlockSource> read_current_source(store::Store& store,
                                                      const model::BlockSource& taken) {
  if (taken.kind == model::SourceKind::profile) {
    auto record = store.find_profile(taken.item_id);
    if (!record)
      return std::nullopt;
    const auto* cluster = find_profile_cluster(record->profile, taken.cluster_id);
    if (!cluster)
      return std::nullopt;
    // A main activity is known by its title; its position may move when the note is re-edited.
    const auto& mains = cluster->main_activities;
    for (std::size_t i = 0; i < mains.size(); ++i)
      if (mains[i].title.value_or("") == taken.title)
        return profile_block(*record, taken.cluster_id, mains[i], static_cast<int>(i) + 1);
    if (static_cast<std::size_t>(taken.position) <= mains.size())
      return profile_block(*record, taken.cluster_id, mains[taken.position - 1], taken.position);
    return std::nullopt;
  }
  // A qualification moves on to its current version; its competence is found by number, or by
  // title when the numbering changed.
  auto taken_q = store.find_qualification(taken.item_id);
  std::string code = taken_q ? taken_q->code : taken.item_id.substr(0, taken.item_id.rfind('-'));
  auto q = store.find_qualification(code);
  if (!q)
    return std::nullopt;
  for (const auto& c : q->competences)
    if (c.title == taken.title)
      return competence_block(*q, c);
  for (const auto& c : q->competences)
    if (c.number == taken.position)
      return competence_block(*q, c);
  return std::nullopt;
}

std::vector<int> parse_item_positions(const std::string& list) {
  std::vector<int> out;
  for (const auto& part : split(list, ',')) {
    auto n = positive(part);
    if (!n)
      throw Error(ErrorCode::invalid_argument,
                  "'" + list + "' is not a list of positions such as 1,3,5", {"", 0, "items"});
    out.push_back(*n);
  }
  return out;
}

}  // namespace vakkaart::compose
