#include "catalog/export_service.h"

#include "core/error.h"
#include "exchange/framework_sheet.h"
#include "sources/canonical_json.h"

namespace vakkaart::catalog {

namespace {
[[noreturn]] void unknown(const std::string& id) {
  throw Error(ErrorCode::not_found, "no framework, profile or qualification with id '" + id + "'",
              {"", 0, "id"});
}
}  // namespace

IdKind resolve_id(store::Store& store, const std::string& id) {
  if (store.find_framework(id))
    return IdKind::framework;
  if (store.find_profile(id))
    return IdKind::profile;
  if (store.find_qualification(id))
    return IdKind::qualification;
  unknown(id);
}

vakkaart::Json export_json(store::Store& store, const std::string& id) {
  if (auto f = store.find_framework(id))
    return sources::framework_to_json(*f);
  if (auto p = store.find_profile(id))
    return sources::profile_to_json(p->framework, p->profile);
  if (auto q = store.find_qualification(id))
    return sources::qualification_to_json(*q);
  unknown(id);
}

vakkaart::Json export_case(store::Store& store, const std::string& id,
                           const exchange::CaseExportOptions& options,
                           const AlignmentLookup& alignments_of) {
  auto lookup = [&](const store::AlignmentFilter& f) {
    return alignments_of ? alignments_of(f) : store.list_alignments(f);
  };
  store::AlignmentFilter filter;
  if (auto f = store.find_framework(id)) {
    for (const model::Profile& p : f->profiles)
      filter.sources.push_back(p.id);
    auto alignments = filter.sources.empty() ? std::vector<model::Alignment>{} : lookup(filter);
    return exchange::framework_to_case(*f, alignments, options);
  }
  if (auto p = store.find_profile(id)) {
    filter.sources.push_back(p->profile.id);
    return exchange::profile_to_case(p->framework, p->profile, lookup(filter), options);
  }
  if (auto q = store.find_qualification(id)) {
    filter.sources.push_back(q->id);
    return exchange::qualification_to_case(*q, lookup(filter), options);
  }
  unknown(id);
}

std::vector<sources::SheetRow> export_sheet_rows(store::Store& store, const std::string& id) {
  if (auto f = store.find_framework(id))
    return exchange::framework_to_rows(*f);
  if (store.find_profile(id) || store.find_qualification(id))
    throw Error(ErrorCode::not_found,
                "a spreadsheet holds a whole framework; '" + id +
                    "' is a profile or qualification (export its framework instead)",
                {"", 0, "id"});
  unknown(id);
}

exchange::RdfGraph export_skos(store::Store& store, const std::string& id,
                               const exchange::SkosOptions& options,
                               const AlignmentLookup& alignments_of) {
  return export_skos_of(store, resolve_id(store, id), id, options, alignments_of);
}

exchange::RdfGraph export_skos_of(store::Store& store, IdKind kind, const std::string& id,
                                  const exchange::SkosOptions& options,
                                  const AlignmentLookup& alignments_of) {
  auto lookup = [&](const store::AlignmentFilter& f) {
    return alignments_of ? alignments_of(f) : store.list_alignments(f);
  };
  store::AlignmentFilter filter;
  switch (kind) {
    case IdKind::framework:
      if (auto f = store.find_framework(id)) {
        for (const model::Profile& p : f->profiles)
          filter.sources.push_back(p.id);
        auto alignments = filter.sources.empty() ? std::vector<model::Alignment>{} : lookup(filter);
        return exchange::framework_to_skos(*f, alignments, options);
      }
      break;
    case IdKind::profile:
      if (auto p = store.find_profile(id)) {
        filter.sources.push_back(p->profile.id);
        return exchange::profile_to_skos(p->framework, p->profile, lookup(filter), options);
      }
      break;
    case IdKind::qualification:
      if (auto q = store.find_qualification(id)) {
        filter.sources.push_back(q->id);
        return exchange::qualification_to_skos(*q, lookup(filter), options);
      }
      break;
  }
  unknown(id);
}

}  // namespace vakkaart::catalog
