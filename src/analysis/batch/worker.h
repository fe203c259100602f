#pragma once

#include <string>

#include "analysis/batch/common.h"
#include "analysis/batch/rows.h"
#include "analysis/matcher.h"

namespace vakkaart::analysis::batch {

/// Everything a worker needs to turn a record into its rows.
struct BatchWorkerContext {
  const Matcher& matcher;
  const BatchLabels& labels;
  double present_evidence;
  bool dir;
  std::string input;  // as given, for error locations
};

/// Turns one record into its rows: a texts.csv and a texts.jsonl row, or an errors.jsonl row.
/// Never throws: whatever goes wrong with one record is that record's error.
void batch_process(const BatchRecord& rec, BatchRow& row, const BatchWorkerContext& ctx);

}  // namespace vakkaart::analysis::batch
