#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/batch/aggregates.h"
#include "analysis/batch/common.h"
#include "analysis/matcher.h"
#include "analysis/structure_index.h"
#include "core/json.h"

namespace vakkaart::analysis::batch {

/// Where a run stands: what checkpoint.json holds.
struct BatchState {
  std::uint64_t records = 0;
  std::uint64_t line = 0;
  std::uint64_t offset = 0;
  std::uint64_t prefix_hash = BatchHash{}.value;
  std::uint64_t csv_size = 0, jsonl_size = 0, errors_size = 0;
  bool complete = false;
  BatchAggregates aggregates;
  std::vector<std::string> first_errors;
};

/// What identifies the input, the structure and the settings a checkpoint belongs to.
struct BatchIdentity {
  std::string path;  // canonical
  bool dir = false;
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::string head;  // hash of the first MB (JSONL)
  std::string structure;
  double present_evidence = kPresentEvidence;
};

/// What identifies this input (path; a JSONL file's size, mtime and first MB), the structure
/// and the settings; Error io_error when a JSONL input cannot be read.
BatchIdentity batch_identity(const std::string& input, double present_evidence, bool dir,
                             const Matcher& matcher);

/// checkpoint.json's content.
vakkaart::Json batch_checkpoint_json(const BatchIdentity& id, const BatchState& st);

/// The checkpoint in out_dir, checked against this run's input, structure and settings; empty
/// when there is none.
std::optional<BatchState> batch_load_checkpoint(const std::string& path, const BatchIdentity& id,
                                                const StructureIndex& index,
                                                const std::string& input);

}  // namespace vakkaart::analysis::batch
