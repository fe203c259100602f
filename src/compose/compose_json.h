#pragma once

#include <vector>

#include "compose/coverage.h"
#include "compose/source_changes.h"
#include "compose/validation.h"
#include "core/json.h"
#include "store/store.h"

namespace vakkaart::compose {

/// `[{code, message, block, item}]`
vakkaart::Json warnings_to_json(const std::vector<Warning>& warnings);
/// `[{key, block, type, old_text, new_text, item, old_version, new_version}]`
vakkaart::Json changes_to_json(const std::vector<SourceChange>& changes);
/// `{function, statements, profiles:[{id, title, framework, resemblance, coverage, matched,
/// layers:[{id, title, matched, total, percent}], clusters:[{id, title, layer, ...}]}]}`;
/// percentages rounded to one decimal.
vakkaart::Json coverage_to_json(const FunctionCoverage& coverage);
/// What the API and `vakkaart function show --json` give for a function: `{function:
/// canonical JSON, warnings, changes (undecided source changes), framework:{id, title, layers,
/// clusters}, source_title_labels:{profile id: {language: title}}}` (the last for the profiles
/// blocks were taken from that have labels).
vakkaart::Json function_view_json(store::Store& store, const model::FunctionProfile& function);
/// `[{id, title, organisation, status, version, updated, blocks}]`: what lists show.
vakkaart::Json function_summaries_json(const std::vector<model::FunctionProfile>& functions);
/// `[{version, at, author, summary}]`
vakkaart::Json history_to_json(const std::vector<store::FunctionHistoryEntry>& history);

}  // namespace vakkaart::compose
