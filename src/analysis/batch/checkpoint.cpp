#include "analysis/batch/checkpoint.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "analysis/batch/batch.h"
#include "core/error.h"

namespace vakkaart::analysis::batch {

namespace {

namespace fs = std::filesystem;

/// A hash of what the results depend on: the candidates, clusters, units and keywords of the
/// index and the matcher's settings.
std::string batch_structure_hash(const Matcher& matcher) {
  const auto& index = matcher.index();
  BatchHash h;
  for (const auto& c : index.candidates()) {
    h.add(std::string_view(c.id));
    h.add(static_cast<std::uint64_t>(c.kind));
    h.add(static_cast<std::uint64_t>(c.groups.size()));
  }
  for (const auto& c : index.clusters()) {
    h.add(std::string_view(c.id));
    h.add(static_cast<std::uint64_t>(c.framework));
  }
  for (const auto& u : index.units())
    h.add(std::string_view(u.text));
  const auto& s = matcher.settings();
  h.add(s.min_match);
  h.add(s.covered);
  h.add(s.segment_length_weight);
  h.add(s.unknown_word_weight);
  h.add(s.min_evidence);
  h.add(s.keyword_weight);
  for (const auto& k : index.keywords())
    h.add(std::string_view(k.text));
  return batch_hex64(h.value);
}

}  // namespace

BatchIdentity batch_identity(const std::string& input, double present_evidence, bool dir,
                             const Matcher& matcher) {
  BatchIdentity id;
  std::error_code ec;
  id.path = fs::weakly_canonical(input, ec).string();
  if (ec)
    id.path = fs::absolute(input).lexically_normal().string();
  id.dir = dir;
  id.structure = batch_structure_hash(matcher);
  id.present_evidence = present_evidence;
  if (!dir) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0)
      throw batch_io_error("cannot read", input);
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtime = batch_mtime_ns(st);
    std::ifstream in(input, std::ios::binary);
    std::string head(kBatchHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    BatchHash h;
    h.add(std::string_view(head));
    id.head = batch_hex64(h.value);
  }
  return id;
}

vakkaart::Json batch_checkpoint_json(const BatchIdentity& id, const BatchState& st) {
  vakkaart::Json input = {{"path", id.path}, {"kind", id.dir ? "directory" : "jsonl"}};
  if (!id.dir) {
    input["size"] = id.size;
    input["mtime_ns"] = id.mtime;
    input["head_hash"] = id.head;
  }
  const auto& agg = st.aggregates;
  auto best = vakkaart::Json::array();
  for (std::size_t c = 0; c < agg.candidate_count(); ++c)
    best.push_back(agg.best(c));
  auto clusters = vakkaart::Json::array();
  auto pairs = vakkaart::Json::array();
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    clusters.push_back(agg.cluster(a));
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      if (agg.pair(a, b) > 0)
        pairs.push_back({a, b, agg.pair(a, b)});
    }
  }
  return {{"version", kBatchCheckpointVersion},
          {"input", std::move(input)},
          {"structure", id.structure},
          {"present_evidence", id.present_evidence},
          {"complete", st.complete},
          {"records", st.records},
          {"line", st.line},
          {"offset", st.offset},
          {"prefix_hash", batch_hex64(st.prefix_hash)},
          {"outputs",
           {{kBatchTextsCsvFile, st.csv_size},
            {kBatchTextsJsonlFile, st.jsonl_size},
            {kBatchErrorsFile, st.errors_size}}},
          {"aggregates",
           {{"texts", agg.texts()},
            {"errors", agg.errors()},
            {"none", agg.none()},
            {"best", std::move(best)},
            {"clusters", std::move(clusters)},
            {"pairs", std::move(pairs)}}},
          {"first_errors", st.first_errors}};
}

/// The checkpoint in out_dir, checked against this run's input, structure and settings; empty
/// when there is none.
std::optional<BatchState> batch_load_checkpoint(const std::string& path, const BatchIdentity& id,
                                                const StructureIndex& index,
                                                const std::string& input) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  const std::string restart = "; start over with --restart, or use another --out";
  vakkaart::Json j;
  try {
    j = vakkaart::Json::parse(in);
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
  }
  try {
    if (j.at("version").get<int>() != kBatchCheckpointVersion)
      throw Error(ErrorCode::conflict, path + " was written by another version" + restart,
                  {path, 0, ""});
    const auto& inp = j.at("input");
    if (inp.at("path").get<std::string>() != id.path ||
        (inp.at("kind").get<std::string>() == "directory") != id.dir)
      throw Error(ErrorCode::conflict,
                  "the report directory holds a run over " + inp.at("path").get<std::string>() +
                      ", not " + id.path + restart,
                  {path, 0, ""});
    if (!id.dir && (inp.at("size").get<std::uint64_t>() != id.size ||
                    inp.at("mtime_ns").get<std::int64_t>() != id.mtime ||
                    inp.at("head_hash").get<std::string>() != id.head))
      throw Error(
          ErrorCode::conflict,
          input + " changed since the checkpoint (size, modification time or content)" + restart,
          {input, 0, ""});
    if (j.at("structure").get<std::string>() != id.structure)
      throw Error(
          ErrorCode::conflict,
          "the database's structure changed since the checkpoint (another import?)" + restart,
          {path, 0, ""});
    if (j.at("present_evidence").get<double>() != id.present_evidence)
      throw Error(ErrorCode::conflict,
                  "the checkpoint was made with another cluster threshold" + restart,
                  {path, 0, ""});
    BatchState st;
    st.complete = j.at("complete").get<bool>();
    st.records = j.at("records").get<std::uint64_t>();
    st.line = j.at("line").get<std::uint64_t>();
    st.offset = j.at("offset").get<std::uint64_t>();
    st.prefix_hash = std::stoull(j.at("prefix_hash").get<std::string>(), nullptr, 16);
    const auto& out = j.at("outputs");
    st.csv_size = out.at(kBatchTextsCsvFile).get<std::uint64_t>();
    st.jsonl_size = out.at(kBatchTextsJsonlFile).get<std::uint64_t>();
    st.errors_size = out.at(kBatchErrorsFile).get<std::uint64_t>();
    const auto& a = j.at("aggregates");
    auto& agg = st.aggregates;
    agg = BatchAggregates(index.candidates().size(), index.clusters().size());
    agg.set_texts(a.at("texts").get<std::uint64_t>());
    agg.set_errors(a.at("errors").get<std::uint64_t>());
    agg.set_none(a.at("none").get<std::uint64_t>());
    const auto& best = a.at("best");
    const auto& clusters = a.at("clusters");
    if (best.size() != agg.candidate_count() || clusters.size() != agg.cluster_count())
      throw Error(ErrorCode::conflict, path + " does not fit the structure" + restart,
                  {path, 0, ""});
    for (std::size_t c = 0; c < best.size(); ++c)
      agg.set_best(c, best[c].get<std::uint64_t>());
    for (std::size_t c = 0; c < clusters.size(); ++c)
      agg.set_cluster(c, clusters[c].get<std::uint64_t>());
    for (const auto& p : a.at("pairs")) {
      const auto pa = p.at(0).get<std::size_t>(), pb = p.at(1).get<std::size_t>();
      if (pa >= pb || pb >= agg.cluster_count())
        throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
      agg.set_pair(pa, pb, p.at(2).get<std::uint64_t>());
    }
    st.first_errors = j.at("first_errors").get<std::vector<std::string>>();
    return st;
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::parse_error, path + " is damaged" + restart, {path, 0, ""});
  }
}

}  // namespace vakkaart::analysis::batch
