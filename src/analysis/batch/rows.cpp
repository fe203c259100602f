#include "analysis/batch/rows.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/csv_cell.h"

namespace vakkaart::analysis {

namespace {

/// A JSON string literal of UTF-8 text.
void batch_append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* hexdigits = "0123456789abcdef";
          out += "\\u00";
          out += hexdigits[c >> 4];
          out += hexdigits[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

/// The candidates a row lists: those the text gave evidence for, best first, at most three.
std::vector<const CandidateResult*> batch_top_candidates(const AnalysisResult& result) {
  std::vector<const CandidateResult*> top;
  for (const auto& c : result.candidates) {
    if (top.size() == kBatchTopProfiles)
      break;
    if (c.score > 0)
      top.push_back(&c);
  }
  return top;
}

}  // namespace

void batch_append_number(std::string& out, double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(v * scale) / scale;
  if (rounded == 0)
    rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

double batch_round(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

BatchLabels::BatchLabels(const StructureIndex& index) : index_(&index) {
  std::map<std::string, int> seen;
  for (const auto& c : index.clusters())
    ++seen[c.id];
  for (const auto& c : index.clusters()) {
    clusters_.push_back(seen[c.id] > 1 ? index.frameworks()[c.framework].id + "/" + c.id : c.id);
  }
}

std::string batch_csv_header() {
  std::string h = "id,best,best_confidence,fit,segments";
  for (std::size_t k = 1; k <= kBatchTopProfiles; ++k)
    h += ",profile_" + std::to_string(k) + ",confidence_" + std::to_string(k);
  h += ",clusters\r\n";
  return h;
}

void append_batch_csv_row(std::string& out, std::string_view id, const AnalysisResult& result,
                          const std::vector<std::uint32_t>& present, const BatchLabels& labels) {
  const auto& candidates = labels.index().candidates();
  append_csv_field(out, id);
  out += ',';
  append_csv_field(out, result.best);
  out += ',';
  if (result.best_candidate >= 0) {
    for (const auto& c : result.candidates) {
      if (static_cast<std::int64_t>(c.candidate) == result.best_candidate) {
        batch_append_number(out, c.confidence, 3);
        break;
      }
    }
  }
  out += ',';
  batch_append_number(out, result.fit, 3);
  out += ',';
  out += std::to_string(result.segment_count);
  const auto top = batch_top_candidates(result);
  for (std::size_t k = 0; k < kBatchTopProfiles; ++k) {
    out += ',';
    if (k < top.size()) {
      append_csv_field(out, candidates[top[k]->candidate].id);
      out += ',';
      batch_append_number(out, top[k]->confidence, 3);
    } else {
      out += ',';
    }
  }
  out += ',';
  std::string joined;
  for (std::size_t k = 0; k < present.size(); ++k) {
    if (k)
      joined += ';';
    joined += labels.cluster(present[k]);
  }
  append_csv_field(out, joined);
  out += "\r\n";
}

void append_batch_jsonl_row(std::string& out, std::string_view id, const AnalysisResult& result,
                            const std::vector<std::uint32_t>& present, const BatchLabels& labels) {
  const auto& candidates = labels.index().candidates();
  out += "{\"id\":";
  batch_append_json_string(out, id);
  out += ",\"best\":";
  batch_append_json_string(out, result.best);
  out += ",\"fit\":";
  batch_append_number(out, result.fit, 3);
  out += ",\"segments\":";
  out += std::to_string(result.segment_count);
  out += ",\"profiles\":[";
  const auto top = batch_top_candidates(result);
  for (std::size_t k = 0; k < top.size(); ++k) {
    out += k ? ",{\"id\":" : "{\"id\":";
    batch_append_json_string(out, candidates[top[k]->candidate].id);
    out += ",\"confidence\":";
    batch_append_number(out, top[k]->confidence, 3);
    out += ",\"coverage\":";
    batch_append_number(out, top[k]->coverage, 1);
    out += '}';
  }
  out += "],\"clusters\":[";
  for (std::size_t k = 0; k < result.clusters.size(); ++k) {
    const auto& c = result.clusters[k];
    out += k ? ",{\"id\":" : "{\"id\":";
    batch_append_json_string(out, labels.cluster(c.index));
    out += ",\"segments\":";
    out += std::to_string(c.matched);
    out += ",\"evidence\":";
    batch_append_number(out, c.evidence, 3);
    const bool is_present = std::find(present.begin(), present.end(), c.index) != present.end();
    out += is_present ? ",\"present\":true}" : ",\"present\":false}";
  }
  out += "]}\n";
}

void append_batch_error_row(std::string& out, const BatchError& error) {
  out += "{\"record\":";
  out += std::to_string(error.record);
  out += ",\"file\":";
  batch_append_json_string(out, error.file);
  if (error.line > 0) {
    out += ",\"line\":";
    out += std::to_string(error.line);
  }
  if (!error.id.empty()) {
    out += ",\"id\":";
    batch_append_json_string(out, error.id);
  }
  out += ",\"code\":";
  batch_append_json_string(out, error.code);
  out += ",\"message\":";
  batch_append_json_string(out, error.message);
  out += "}\n";
}

}  // namespace vakkaart::analysis
