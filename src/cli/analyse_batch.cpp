#include "cli/analyse_batch.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <iostream>
#include <string>

#include "analysis/batch/batch.h"
#include "analysis/matcher.h"
#include "core/error.h"
#include "render/batch_report_html.h"
#include "render/svg_util.h"

namespace vakkaart::cli {

namespace {

struct BatchCliOptions {
  std::string input;
  std::string out;
  unsigned threads = 0;
  bool restart = false;
  std::uint64_t checkpoint_every = 50000;
};

BatchCliOptions& batch_cli_options() {
  static BatchCliOptions options;
  return options;
}

/// Set by SIGINT/SIGTERM: the run stops at the next unit of work and writes a checkpoint. A
/// second signal ends the process at once (the last checkpoint still holds).
std::atomic<bool> g_batch_interrupted{false};

extern "C" void batch_on_signal(int signal) {
  if (g_batch_interrupted.load()) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  g_batch_interrupted.store(true);
}

/// Installs the handlers for the length of a run; the previous ones come back afterwards.
class BatchSignals {
 public:
  BatchSignals() {
    struct sigaction action {};
    action.sa_handler = batch_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~BatchSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  BatchSignals(const BatchSignals&) = delete;
  BatchSignals& operator=(const BatchSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

/// "12,345".
std::string batch_grouped(std::uint64_t n) {
  return render::group_digits(n, ',');
}

std::string batch_duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  if (s < 60)
    return std::to_string(s) + "s";
  if (s < 3600)
    return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s / 3600) + "h" + std::to_string(s % 3600 / 60) + "m";
}

std::string batch_percent(std::uint64_t part, std::uint64_t whole) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%",
                whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer;
}

/// "\r\033[K[████░░░░] 12,345 / 100,000 texts · 21,000 texts/s · ETA 4s" on stderr.
void batch_draw_progress(const analysis::BatchProgress& p) {
  if (p.finished) {
    std::cerr << "\r\033[K" << std::flush;
    return;
  }
  std::string line = "\r\033[K";
  const auto rate = static_cast<std::uint64_t>(std::llround(p.texts_per_second));
  if (p.total && *p.total > 0) {
    constexpr int kWidth = 24;
    const double share = std::min(1.0, static_cast<double>(p.done) / static_cast<double>(*p.total));
    const int full = static_cast<int>(share * kWidth);
    line += "[";
    for (int k = 0; k < kWidth; ++k)
      line += k < full ? "█" : "░";
    line += "] " + batch_grouped(p.done) + " / " + batch_grouped(*p.total) + " texts · " +
            batch_grouped(rate) + " texts/s";
    if (p.texts_per_second > 0 && *p.total >= p.done)
      line +=
          " · ETA " + batch_duration(static_cast<double>(*p.total - p.done) / p.texts_per_second);
  } else {
    line += batch_grouped(p.done) + " texts · " + batch_grouped(rate) + " texts/s";
  }
  std::cerr << line << std::flush;
}

void batch_print_summary(const analysis::BatchSummary& s, const analysis::StructureIndex& index) {
  const auto& agg = s.aggregates;
  std::cout << batch_grouped(agg.texts()) << " texts analysed";
  if (s.resumed_from > 0)
    std::cout << " (resumed after " << batch_grouped(s.resumed_from) << ")";
  const auto run = s.records - s.resumed_from;
  if (run > 0 && s.seconds > 0)
    std::cout << " in " << batch_duration(s.seconds) << " ("
              << batch_grouped(static_cast<std::uint64_t>(static_cast<double>(run) / s.seconds))
              << " texts/s)";
  std::cout << "\n";
  std::cout << "none: " << batch_grouped(agg.none()) << " ("
            << batch_percent(agg.none(), agg.texts()) << ")";
  if (agg.errors() > 0)
    std::cout << " · errors: " << batch_grouped(agg.errors());
  std::cout << "\n";
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < agg.candidate_count(); ++c) {
    if (agg.best(c) > 0)
      order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return agg.best(a) > agg.best(b); });
  if (!order.empty()) {
    std::cout << "top profiles:";
    for (std::size_t k = 0; k < std::min<std::size_t>(order.size(), 3); ++k)
      std::cout << (k ? ", " : " ") << index.candidates()[order[k]].id << " "
                << batch_grouped(agg.best(order[k])) << " ("
                << batch_percent(agg.best(order[k]), agg.texts()) << ")";
    std::cout << "\n";
  }
  std::cout << "report: " << s.out_dir << "/report.html (also summary.json, texts.csv, "
            << "texts.jsonl, cooccurrence.csv, errors.jsonl)\n";
}

}  // namespace

void add_analyse_batch_options(CLI::App* cmd, Context& /*ctx*/) {
  auto& o = batch_cli_options();
  auto* batch = cmd->add_option("--batch", o.input,
                                "Analyse many texts: a JSONL file (one {\"text\", \"id\"} object "
                                "per line) or a directory of text/Markdown/HTML/DOCX/PDF files");
  auto* out = cmd->add_option("--out", o.out,
                              "Report directory for --batch (texts.csv, texts.jsonl, "
                              "summary.json, cooccurrence.csv, report.html, errors.jsonl)");
  auto* threads =
      cmd->add_option("--threads", o.threads, "Worker threads for --batch (default: all cores)")
          ->check(CLI::Range(1U, 1024U));
  auto* restart = cmd->add_flag("--restart", o.restart,
                                "Start --batch over instead of resuming the checkpoint in --out");
  auto* every = cmd->add_option("--checkpoint-every", o.checkpoint_every,
                                "Write the --batch checkpoint after this many texts (default "
                                "50,000; also at least every second)")
                    ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  batch->needs(out);
  every->needs(batch);
  out->needs(batch);
  threads->needs(batch);
  restart->needs(batch);
  if (auto* file = cmd->get_option_no_throw("file"))
    batch->excludes(file);
}

bool run_analyse_batch_if_asked(Context& ctx) {
  const auto& o = batch_cli_options();
  if (o.input.empty())
    return false;
  auto store = ctx.open_store(store::OpenMode::read_only);
  const analysis::Matcher matcher(analysis::StructureIndex::build(*store));
  store.reset();

  analysis::BatchOptions options;
  options.input = o.input;
  options.out_dir = o.out;
  options.threads = o.threads;
  options.restart = o.restart;
  options.checkpoint_records = o.checkpoint_every;
  options.cancel = &g_batch_interrupted;
  options.report_html = render::batch_report_html;
  if (ctx.stderr_tty)
    options.progress = batch_draw_progress;

  g_batch_interrupted.store(false);
  analysis::BatchSummary summary;
  {
    BatchSignals signals;
    summary = analysis::run_batch(matcher, options);
  }
  if (!summary.complete)
    throw Error(ErrorCode::io_error,
                "interrupted after " + batch_grouped(summary.records) +
                    " texts; the checkpoint is saved: run the same command again to resume");
  batch_print_summary(summary, matcher.index());
  const auto& agg = summary.aggregates;
  if (agg.errors() > 0) {
    for (const auto& e : summary.first_errors)
      std::cerr << "  " << e << "\n";
    throw Error(ErrorCode::parse_error,
                batch_grouped(agg.errors()) + " of " + batch_grouped(summary.records) +
                    " records could not be analysed (listed in " + o.out +
                    "/errors.jsonl); the report covers the other " + batch_grouped(agg.texts()),
                {o.out, 0, ""});
  }
  return true;
}

}  // namespace vakkaart::cli
