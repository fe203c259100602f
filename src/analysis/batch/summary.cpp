#include "analysis/batch/summary.h"

#include <algorithm>
#include <filesystem>

#include "analysis/batch/output_file.h"
#include "core/csv_cell.h"

namespace vakkaart::analysis {

namespace {

const char* batch_kind(const Candidate& c) {
  return c.kind == Candidate::Kind::profile ? "profile" : "qualification";
}

}  // namespace

std::vector<std::int64_t> batch_profile_order(const BatchAggregates& agg) {
  std::vector<std::int64_t> order;
  for (std::size_t c = 0; c < agg.candidate_count(); ++c)
    order.push_back(static_cast<std::int64_t>(c));
  order.push_back(-1);
  auto count = [&](std::int64_t c) {
    return c < 0 ? agg.none() : agg.best(static_cast<std::size_t>(c));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::int64_t a, std::int64_t b) { return count(a) > count(b); });
  return order;
}

std::vector<BatchPair> batch_pairs(const BatchAggregates& agg) {
  std::vector<BatchPair> pairs;
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      if (agg.pair(a, b) > 0)
        pairs.push_back({a, b, agg.pair(a, b), agg.lift(a, b).value_or(0)});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const BatchPair& x, const BatchPair& y) {
    const double lx = batch_round(x.lift, 3), ly = batch_round(y.lift, 3);
    return lx != ly ? lx > ly : x.texts > y.texts;
  });
  return pairs;
}

vakkaart::Json batch_summary_json(const BatchAggregates& agg, const BatchLabels& labels,
                                  const BatchReportMeta& meta) {
  const auto& index = labels.index();
  const double total = static_cast<double>(agg.texts());
  auto share = [&](std::uint64_t n) {
    return total == 0 ? 0.0 : batch_round(static_cast<double>(n) / total, 4);
  };
  vakkaart::Json j;
  j["input"] = meta.input;
  j["records"] = agg.texts() + agg.errors();
  j["texts"] = agg.texts();
  j["errors"] = agg.errors();
  j["present_evidence"] = meta.present_evidence;
  auto profiles = vakkaart::Json::array();
  for (auto c : batch_profile_order(agg)) {
    vakkaart::Json p;
    if (c < 0) {
      p["id"] = "none";
      p["kind"] = "none";
      p["title"] = nullptr;
      p["texts"] = agg.none();
      p["share"] = share(agg.none());
    } else {
      const auto& cand = index.candidates()[static_cast<std::size_t>(c)];
      p["id"] = cand.id;
      p["kind"] = batch_kind(cand);
      p["title"] = cand.title;
      p["texts"] = agg.best(static_cast<std::size_t>(c));
      p["share"] = share(agg.best(static_cast<std::size_t>(c)));
    }
    profiles.push_back(std::move(p));
  }
  j["profiles"] = std::move(profiles);
  auto clusters = vakkaart::Json::array();
  auto ids = vakkaart::Json::array();
  for (std::size_t c = 0; c < index.clusters().size(); ++c) {
    const auto& info = index.clusters()[c];
    clusters.push_back({{"id", labels.cluster(c)},
                        {"title", info.title},
                        {"ring", info.layer_id},
                        {"framework", index.frameworks()[info.framework].id},
                        {"texts", agg.cluster(c)},
                        {"share", share(agg.cluster(c))}});
    ids.push_back(labels.cluster(c));
  }
  j["clusters"] = std::move(clusters);
  auto counts = vakkaart::Json::array();
  auto lifts = vakkaart::Json::array();
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    auto count_row = vakkaart::Json::array();
    auto lift_row = vakkaart::Json::array();
    for (std::size_t b = 0; b < agg.cluster_count(); ++b) {
      count_row.push_back(a == b ? agg.cluster(a) : agg.pair(a, b));
      const auto lift = agg.lift(a, b);
      if (lift)
        lift_row.push_back(batch_round(*lift, 3));
      else
        lift_row.push_back(nullptr);
    }
    counts.push_back(std::move(count_row));
    lifts.push_back(std::move(lift_row));
  }
  j["cooccurrence"] = {
      {"clusters", std::move(ids)}, {"texts", std::move(counts)}, {"lift", std::move(lifts)}};
  auto pairs = vakkaart::Json::array();
  for (const auto& p : batch_pairs(agg)) {
    pairs.push_back({{"a", labels.cluster(p.a)},
                     {"b", labels.cluster(p.b)},
                     {"texts", p.texts},
                     {"lift", batch_round(p.lift, 3)}});
  }
  j["pairs"] = std::move(pairs);
  return j;
}

std::string batch_cooccurrence_csv(const BatchAggregates& agg, const BatchLabels& labels) {
  std::string out = "cluster_a,cluster_b,texts_a,texts_b,texts_both,lift\r\n";
  for (std::size_t a = 0; a < agg.cluster_count(); ++a) {
    for (std::size_t b = a + 1; b < agg.cluster_count(); ++b) {
      append_csv_field(out, labels.cluster(a));
      out += ',';
      append_csv_field(out, labels.cluster(b));
      out += ',' + std::to_string(agg.cluster(a)) + ',' + std::to_string(agg.cluster(b)) + ',' +
             std::to_string(agg.pair(a, b)) + ',';
      if (const auto lift = agg.lift(a, b))
        batch_append_number(out, *lift, 3);
      out += "\r\n";
    }
  }
  return out;
}

void write_batch_report(const std::string& out_dir, const BatchAggregates& aggregates,
                        const BatchLabels& labels, const BatchReportMeta& meta,
                        const BatchReportRenderer& report_html) {
  const std::filesystem::path dir(out_dir);
  batch::write_batch_file((dir / "summary.json").string(),
                          batch_summary_json(aggregates, labels, meta).dump(2) + "\n");
  batch::write_batch_file((dir / "cooccurrence.csv").string(),
                          batch_cooccurrence_csv(aggregates, labels));
  if (report_html)
    batch::write_batch_file((dir / "report.html").string(), report_html(aggregates, labels, meta));
}

}  // namespace vakkaart::analysis
