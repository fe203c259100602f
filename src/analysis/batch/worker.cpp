#include "analysis/batch/worker.h"

#include <exception>

#include "analysis/batch/aggregates.h"
#include "analysis/batch/line_parser.h"
#include "analysis/input/input.h"
#include "core/error.h"

namespace vakkaart::analysis::batch {

namespace {

void batch_fail(const BatchRecord& rec, BatchRow& row, const BatchWorkerContext& ctx,
                const std::string& code, const std::string& message, const std::string& id) {
  row.failed = true;
  BatchError e;
  e.record = rec.number;
  e.file = ctx.dir ? rec.name : ctx.input;
  e.line = ctx.dir ? 0 : rec.line;
  e.id = id;
  e.code = code;
  e.message = message;
  append_batch_error_row(row.error_row, e);
  row.error_text = e.file + (e.line ? ":" + std::to_string(e.line) : "") + ": " + message;
}

}  // namespace

void batch_process(const BatchRecord& rec, BatchRow& row, const BatchWorkerContext& ctx) {
  if (!rec.error.empty()) {
    batch_fail(rec, row, ctx, rec.error_code, rec.error, "");
    return;
  }
  std::string id;
  try {
    std::string extracted;
    if (ctx.dir) {
      id = rec.name;
      extracted = extract_text(rec.data, detect_input_format(rec.data, rec.name), rec.name);
    } else {
      std::string text;
      read_record_line(rec.data, id, text);
      const std::string where = ctx.input + ":" + std::to_string(rec.line);
      extracted = extract_text(text, detect_input_format(text, ""), where);
      if (id.empty())
        id = std::to_string(rec.line);
    }
    const auto result = ctx.matcher.analyse(extracted, Detail::summary);
    row.present = present_clusters(result, ctx.present_evidence);
    row.best = result.best_candidate;
    append_batch_csv_row(row.csv, id, result, row.present, ctx.labels);
    append_batch_jsonl_row(row.jsonl, id, result, row.present, ctx.labels);
  } catch (const Error& e) {
    batch_fail(rec, row, ctx, e.code_name(), e.message(), id);
  } catch (const std::exception& e) {
    batch_fail(rec, row, ctx, "internal", e.what(), id);
  }
}

}  // namespace vakkaart::analysis::batch
