// `vakkaart crosswalk …`: alignments between frameworks (a qualification's competences and the
// profiles' main activities), computed by analysis/crosswalk and confirmed or rejected by people.
// Listing recomputes first when the content changed since the last computation.
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "analysis/crosswalk.h"
#include "analysis/crosswalk_json.h"
#include "cli/acting_user.h"
#include "cli/commands.h"
#include "core/error.h"

namespace vakkaart::cli {

namespace {

/// Options of the crosswalk subcommands; CLI11 binds to storage that outlives parsing.
struct CrosswalkOptions {
  std::vector<std::string> sources, targets;
  std::string type, status, source, target, author, as;
  bool json = false;
};

CrosswalkOptions& crosswalk_opts() {
  static CrosswalkOptions o;
  return o;
}

std::string crosswalk_score(double score) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << score;
  return out.str();
}

/// "Campagnewerker · Communiceren · Communiceren over …" (cluster only for main activities).
std::string crosswalk_place(const std::string& item_title, const std::string& cluster,
                            const std::string& title) {
  std::string out = item_title;
  if (!cluster.empty() && cluster != title)
    out += " · " + cluster;
  return out + " · " + title;
}

std::string crosswalk_decision(const model::Alignment& a, const Style& style) {
  std::string out;
  if (a.status == model::AlignmentStatus::confirmed)
    out = style.good("confirmed");
  else if (a.status == model::AlignmentStatus::rejected)
    out = style.warn("rejected");
  else
    return "";
  std::string who = a.decided_by.empty() ? a.decided_at : a.decided_by + ", " + a.decided_at;
  if (!who.empty())
    out += " (" + who + ")";
  if (!a.computed)
    out += style.dim(" · no longer computed");
  return out;
}

void print_alignments(const std::vector<model::Alignment>& list, const Style& style) {
  if (list.empty()) {
    std::cout << "no alignments\n";
    return;
  }
  std::string last;
  for (const auto& a : list) {
    if (a.source_ref != last) {
      if (!last.empty())
        std::cout << "\n";
      last = a.source_ref;
      std::cout << style.bold(a.source_ref) << "  "
                << crosswalk_place(a.source_item_title, a.source_cluster, a.source_title) << "\n";
    }
    std::string type = model::to_string(a.type);
    type.resize(8, ' ');
    std::cout << "  " << style.accent(type) << crosswalk_score(a.score) << "  " << a.target_ref
              << "  "
              << style.dim(crosswalk_place(a.target_item_title, a.target_cluster, a.target_title));
    std::string decided = crosswalk_decision(a, style);
    if (!decided.empty())
      std::cout << "  " << decided;
    std::cout << "\n";
  }
}

void crosswalk_list(Context& ctx) {
  const auto& o = crosswalk_opts();
  store::AlignmentFilter filter;
  filter.sources = o.sources;
  filter.targets = o.targets;
  if (!o.type.empty())
    filter.type = model::alignment_type_from_string(o.type);
  if (!o.status.empty())
    filter.status = model::alignment_status_from_string(o.status);
  // Read-only unless the alignments are stale and must be recomputed first.
  auto store = ctx.open_store(store::OpenMode::read_only);
  auto list = analysis::current_crosswalks(
      *store, [&ctx] { return ctx.open_store(store::OpenMode::read_write); }, filter);
  if (o.json) {
    std::cout << vakkaart::dump_canonical(analysis::alignments_to_json(list));
    return;
  }
  print_alignments(list, Style{ctx.color});
}

void crosswalk_decide(Context& ctx, model::AlignmentStatus decision) {
  const auto& o = crosswalk_opts();
  auto store = ctx.open_store(store::OpenMode::read_write);
  const Acting who = acting_as(*store, o.as, o.author, auth::Role::curator);
  model::Alignment a;
  store->in_transaction([&] {
    a = analysis::decide_crosswalk(
        *store, o.source, o.target, decision,
        decision == model::AlignmentStatus::computed ? std::string() : who.author);
    audit_cli(*store, who,
              decision == model::AlignmentStatus::computed ? "crosswalk.undo" : "crosswalk.decide",
              o.source + " -> " + o.target, model::to_string(a.status));
  });
  if (o.json) {
    std::cout << vakkaart::dump_canonical(analysis::alignment_to_json(a));
    return;
  }
  Style style{ctx.color};
  std::cout << a.source_ref << " → " << a.target_ref << ": ";
  if (decision == model::AlignmentStatus::computed)
    std::cout << (a.computed ? "decision taken back; computed again"
                             : "decision taken back; no longer computed, so removed");
  else
    std::cout << crosswalk_decision(a, style);
  std::cout << "\n";
}

void add_pair_arguments(CLI::App* cmd) {
  auto& o = crosswalk_opts();
  cmd->add_option("source", o.source, "Source ref, e.g. BK-0338-3:15")->required();
  cmd->add_option("target", o.target,
                  "Target ref, e.g. campagnewerker:de-eigen-deskundigheid-opbouwen:1")
      ->required();
  cmd->add_flag("--json", o.json, "Print the alignment as JSON");
}

}  // namespace

void add_crosswalk_command(CLI::App& app, Context& ctx) {
  auto* cw =
      app.add_subcommand("crosswalk",
                         "Alignments between frameworks: competences and main activities that "
                         "correspond (exact, close, related); confirm or reject them");
  cw->require_subcommand(1);
  auto& o = crosswalk_opts();

  auto* compute = cw->add_subcommand("compute", "Compute every alignment anew (decisions kept)");
  compute->callback([&ctx] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    auto run = analysis::recompute_crosswalks(*store);
    std::cout << run.alignments << " alignments computed";
    if (run.kept > 0)
      std::cout << "; " << run.kept << " decided ones no longer computed, kept";
    std::cout << "\n";
  });

  auto* list = cw->add_subcommand("list", "List alignments, by source, best first");
  list->add_option("--source", o.sources,
                   "Source ref or item (BK-0338-3:5, BK-0338-3, BK-0338, campagnewerker); "
                   "repeatable");
  list->add_option("--target", o.targets, "Target ref or profile id; repeatable");
  list->add_option("--type", o.type, "exact | close | related")
      ->check(CLI::IsMember({"exact", "close", "related"}));
  list->add_option("--status", o.status, "computed | confirmed | rejected")
      ->check(CLI::IsMember({"computed", "confirmed", "rejected"}));
  list->add_flag("--json", o.json, "Print JSON");
  list->callback([&ctx] { crosswalk_list(ctx); });

  auto* confirm = cw->add_subcommand("confirm", "Confirm a computed alignment");
  add_pair_arguments(confirm);
  confirm->add_option("--as", o.as, "The curator deciding (required once users exist)");
  confirm->add_option("--author", o.author, "Who decides, without users (default: $USER)");
  confirm->callback([&ctx] { crosswalk_decide(ctx, model::AlignmentStatus::confirmed); });

  auto* reject = cw->add_subcommand("reject", "Reject a computed alignment");
  add_pair_arguments(reject);
  reject->add_option("--as", o.as, "The curator deciding (required once users exist)");
  reject->add_option("--author", o.author, "Who decides, without users (default: $USER)");
  reject->callback([&ctx] { crosswalk_decide(ctx, model::AlignmentStatus::rejected); });

  auto* undo = cw->add_subcommand("undo", "Take a confirmation or rejection back");
  add_pair_arguments(undo);
  undo->add_option("--as", o.as, "The curator deciding (required once users exist)");
  undo->callback([&ctx] { crosswalk_decide(ctx, model::AlignmentStatus::computed); });
}

}  // namespace vakkaart::cli
