// `vakkaart function …`: compose a job profile from blocks of the professions and
// qualifications. Every command that changes a function is one edit of compose::FunctionService,
// so the CLI, the API and the composer page share the same rules and the same history.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/function_printer.h"
#include "cli/output_file.h"
#include "compose/compose_json.h"
#include "compose/coverage.h"
#include "compose/function_service.h"
#include "compose/source_block.h"
#include "core/error.h"
#include "exports/function_export.h"
#include "exports/function_json.h"
#include "render/coverage_svg.h"

namespace vakkaart::cli {

namespace {

using vakkaart::Json;

/// Options of the function subcommands; CLI11 binds to storage that outlives parsing.
struct Options {
  std::string id, title, org, framework, core_profile, source, items, cluster, format, output,
      lang = "nl", file, target, text, key, author;
  std::string set_title, set_purpose, set_context, set_org, set_status;
  bool no_core = false, json = false, original = false, replace = false;
  int expect_version = 0;
  std::optional<int> version;
};

Options& opts() {
  static Options o;
  return o;
}

std::string author_or_user() {
  if (!opts().author.empty())
    return opts().author;
  const char* user = std::getenv("USER");
  return user ? user : "";
}

/// Applies edits to a function and says what happened; a concurrent change (only possible
/// with --expect-version) is an error that shows both sides.
model::FunctionProfile apply(store::Store& store, const std::string& id, const Json& edits) {
  compose::FunctionService service(store);
  int base = opts().expect_version ? opts().expect_version : service.get(id).version;
  auto outcome = service.edit(id, base, edits, author_or_user());
  if (!outcome.saved) {
    // Both sides stay visible: what is stored (`function show`) and what was not saved.
    std::ostringstream msg;
    msg << outcome.summary.front() << " (`vakkaart function show " << id
        << "` shows it). Not saved:";
    for (std::size_t i = 1; i < outcome.summary.size(); ++i)
      msg << "\n  " << outcome.summary[i];
    throw Error(ErrorCode::conflict, msg.str(), {"", 0, "version"});
  }
  for (const auto& line : outcome.summary)
    std::cerr << line << "\n";
  return outcome.current;
}

void add_expect_version(CLI::App* cmd) {
  cmd->add_option("--expect-version", opts().expect_version,
                  "Fail with a conflict unless the function is at this version");
  cmd->add_option("--author", opts().author, "Who makes the change (default: $USER)");
}

void show(Context& ctx) {
  auto store = ctx.open_store(store::OpenMode::read_only);
  auto f = compose::FunctionService(*store).get(opts().id, opts().version);
  auto warnings = compose::validate(f);
  auto changes = compose::pending_changes(*store, f);
  if (opts().json) {
    std::cout << vakkaart::dump_canonical(compose::function_view_json(*store, f));
    return;
  }
  print_function(std::cout, f, store->find_framework(f.framework_id), warnings, changes,
                 Style{ctx.color});
}

void export_function(Context& ctx) {
  auto store = ctx.open_store(store::OpenMode::read_only);
  auto f = compose::FunctionService(*store).get(opts().id, opts().version);
  std::string bytes;
  if (opts().format == "json") {
    bytes = vakkaart::dump_canonical(exports::function_to_json(f));
  } else {
    auto format = exports::export_format_from_name(opts().format);
    if (!format)
      throw Error(ErrorCode::invalid_argument, "unknown format '" + opts().format + "'",
                  {"", 0, "format"});
    auto framework = store->find_framework(f.framework_id);
    bytes = exports::export_function(f, framework ? &*framework : nullptr, *format, opts().lang);
  }
  write_file_atomically(opts().output, bytes);
}

void coverage(Context& ctx) {
  auto store = ctx.open_store(store::OpenMode::read_only);
  auto f = compose::FunctionService(*store).get(opts().id);
  auto result = compose::CoverageIndex::build(*store)->measure(f);
  if (opts().json) {
    std::cout << vakkaart::dump_canonical(compose::coverage_to_json(result));
    return;
  }
  print_coverage(std::cout, result, Style{ctx.color});
}

void list(Context& ctx) {
  auto store = ctx.open_store(store::OpenMode::read_only);
  auto functions = compose::FunctionService(*store).list();
  if (opts().json) {
    std::cout << vakkaart::dump_canonical(compose::function_summaries_json(functions));
    return;
  }
  Style s{ctx.color};
  if (functions.empty())
    std::cout << s.dim("No functions yet: vakkaart function new TITLE") << "\n";
  for (const auto& f : functions)
    std::cout << s.bold(f.id) << "  " << f.title
              << (f.organisation.empty() ? "" : " · " + f.organisation) << "  "
              << s.dim("v" + std::to_string(f.version) + ", " + model::to_string(f.status) + ", " +
                       std::to_string(f.blocks.size()) + " blocks, " + f.updated)
              << "\n";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::not_found, "cannot read the file", {path, 0, ""});
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

void add_function_command(CLI::App& app, Context& ctx) {
  auto* fn = app.add_subcommand("function", "Compose job profiles out of the professions");
  fn->require_subcommand(1);
  Options& o = opts();

  auto* create = fn->add_subcommand("new", "Start a function; prints its id alone");
  create->add_option("title", o.title, "Its title, e.g. \"Coördinator vrijwilligers\"")->required();
  create->add_option("--org", o.org, "The organisation");
  create->add_option("--framework", o.framework, "Framework for the ring model (default: first)");
  create->add_option("--core-profile", o.core_profile,
                     "Profile whose learning-professional core to start with");
  create->add_flag("--no-core", o.no_core, "Start empty, without the learning professional");
  create->add_option("--author", o.author, "Who makes the change (default: $USER)");
  create->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    compose::NewFunction spec{o.title, o.org, o.framework, o.core_profile, !o.no_core};
    std::cout << compose::FunctionService(*store).create(spec, author_or_user()).id << "\n";
  });

  auto* add = fn->add_subcommand("add", "Take a block: a main activity or a competence");
  add->add_option("id", o.id, "Function id")->required();
  add->add_option("source", o.source,
                  "PROFILE:CLUSTER:N (N-th main activity) or BK-xxxx-v:N (competence N)")
      ->required();
  add->add_option("--items", o.items,
                  "Sub-activities by 1-based position, e.g. 1,3,5 (default: all)");
  add->add_option("--cluster", o.cluster, "Cluster to place it in (default: its own/best)");
  add_expect_version(add);
  add->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_write);
    Json edit = {{"op", "add_block"}, {"source", o.source}};
    if (!o.items.empty())
      edit["items"] = compose::parse_item_positions(o.items);
    if (!o.cluster.empty())
      edit["cluster"] = o.cluster;
    apply(*store, o.id, Json::array({edit}));
  });

  auto* show_cmd = fn->add_subcommand("show", "Show a function with its blocks and warnings");
  show_cmd->add_option("id", o.id, "Function id")->required();
  show_cmd->add_flag("--json", o.json, "Print the function, warnings and source changes as JSON");
  show_cmd->add_option("--version", o.version, "An earlier version");
  show_cmd->callback([&ctx] { show(ctx); });

  auto* exp = fn->add_subcommand("export", "Write a function as md, html, docx, pdf or json");
  exp->add_option("id", o.id, "Function id")->required();
  exp->add_option("--format", o.format, "md | html | docx | pdf | json")
      ->required()
      ->check(CLI::IsMember({"md", "markdown", "html", "docx", "pdf", "json"}));
  exp->add_option("-o,--output", o.output, "File to write")->required();
  exp->add_option("--lang", o.lang, "Labels in nl (default) or en")
      ->check(CLI::IsMember({"nl", "en"}));
  exp->add_option("--version", o.version, "An earlier version");
  exp->callback([&ctx] { export_function(ctx); });

  auto* list_cmd = fn->add_subcommand("list", "List the functions");
  list_cmd->add_flag("--json", o.json, "Print JSON");
  list_cmd->callback([&ctx] { list(ctx); });

  auto* cov = fn->add_subcommand("coverage", "Which profiles a function resembles, per ring");
  cov->add_option("id", o.id, "Function id")->required();
  cov->add_flag("--json", o.json, "Print JSON");
  cov->callback([&ctx] { coverage(ctx); });

  auto* set = fn->add_subcommand("set", "Change the title, purpose, context, organisation, status");
  set->add_option("id", o.id, "Function id")->required();
  set->add_option("--title", o.set_title);
  set->add_option("--purpose", o.set_purpose);
  set->add_option("--context", o.set_context);
  set->add_option("--org", o.set_org);
  set->add_option("--status", o.set_status)->check(CLI::IsMember({"draft", "final"}));
  add_expect_version(set);
  set->callback([&ctx, &o, set] {
    Json edits = Json::array();
    auto field = [&](const char* option, const char* name, const std::string& value) {
      if (set->count(option))
        edits.push_back({{"op", "set"}, {"field", name}, {"value", value}});
    };
    field("--title", "title", o.set_title);
    field("--purpose", "purpose", o.set_purpose);
    field("--context", "context", o.set_context);
    field("--org", "organisation", o.set_org);
    field("--status", "status", o.set_status);
    if (edits.empty())
      throw Error(ErrorCode::invalid_argument, "nothing to set: give --title, --purpose, ...");
    apply(*ctx.open_store(store::OpenMode::read_write), o.id, edits);
  });

  auto* weight = fn->add_subcommand("weight", "Set a block's share of working time in %");
  weight->add_option("id", o.id, "Function id")->required();
  weight->add_option("block", o.target, "Block id, e.g. b3")->required();
  weight->add_option("percent", o.text, "0-100, or 'none'")->required();
  add_expect_version(weight);
  weight->callback([&ctx, &o] {
    Json w;
    if (o.text == "none") {
      w = nullptr;
    } else {
      try {
        std::size_t used = 0;
        w = std::stod(o.text, &used);
        if (used != o.text.size())
          throw std::invalid_argument("trailing");
      } catch (const std::exception&) {
        throw Error(ErrorCode::invalid_argument, "weight '" + o.text + "' is not a number",
                    {"", 0, "weight"});
      }
    }
    apply(*ctx.open_store(store::OpenMode::read_write), o.id,
          Json::array({{{"op", "set_block"}, {"block", o.target}, {"weight", w}}}));
  });

  auto* reword = fn->add_subcommand("reword", "Reword an item for the organisation");
  reword->add_option("id", o.id, "Function id")->required();
  reword->add_option("item", o.target, "Item id, e.g. i7")->required();
  reword->add_option("text", o.text, "The new wording");
  reword->add_flag("--original", o.original, "Go back to the source's wording");
  add_expect_version(reword);
  reword->callback([&ctx, &o] {
    if (o.original == !o.text.empty())
      throw Error(ErrorCode::invalid_argument, "give either a text or --original", {"", 0, "text"});
    Json text = o.original ? Json(nullptr) : Json(o.text);
    apply(*ctx.open_store(store::OpenMode::read_write), o.id,
          Json::array({{{"op", "reword"}, {"item", o.target}, {"text", text}}}));
  });

  auto* remove = fn->add_subcommand("remove", "Remove a block (b…) or an item (i…)");
  remove->add_option("id", o.id, "Function id")->required();
  remove->add_option("part", o.target, "Block or item id")->required();
  add_expect_version(remove);
  remove->callback([&ctx, &o] {
    bool block = !o.target.empty() && o.target[0] == 'b';
    Json edit = block ? Json{{"op", "remove_block"}, {"block", o.target}}
                      : Json{{"op", "remove_item"}, {"item", o.target}};
    apply(*ctx.open_store(store::OpenMode::read_write), o.id, Json::array({edit}));
  });

  auto* edits = fn->add_subcommand("edit", "Apply a JSON array of edits (the API's) at once");
  edits->add_option("id", o.id, "Function id")->required();
  edits->add_option("file", o.file, "JSON file with the edits, or - for stdin")->required();
  add_expect_version(edits);
  edits->callback([&ctx, &o] {
    std::string text;
    if (o.file == "-") {
      std::ostringstream buf;
      buf << std::cin.rdbuf();
      text = buf.str();
    } else {
      text = read_file(o.file);
    }
    Json list;
    try {
      list = Json::parse(text);
    } catch (const Json::parse_error& e) {
      throw Error(ErrorCode::parse_error, e.what(), {o.file, 0, ""});
    }
    apply(*ctx.open_store(store::OpenMode::read_write), o.id, list);
  });

  auto* history = fn->add_subcommand("history", "Who changed a function, when, and what");
  history->add_option("id", o.id, "Function id")->required();
  history->add_flag("--json", o.json, "Print JSON");
  history->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto entries = compose::FunctionService(*store).history(o.id);
    if (o.json) {
      std::cout << vakkaart::dump_canonical(compose::history_to_json(entries));
      return;
    }
    Style s{ctx.color};
    for (const auto& h : entries) {
      std::cout << s.bold("v" + std::to_string(h.version)) << "  " << h.at
                << (h.author.empty() ? "" : "  " + h.author) << "\n";
      std::istringstream lines(h.summary);
      for (std::string line; std::getline(lines, line);)
        std::cout << "    " << line << "\n";
    }
  });

  auto* changes = fn->add_subcommand("changes", "Changes in the sources a function took from");
  changes->add_option("id", o.id, "Function id")->required();
  changes->add_flag("--json", o.json, "Print JSON");
  changes->callback([&ctx, &o] {
    auto store = ctx.open_store(store::OpenMode::read_only);
    auto f = compose::FunctionService(*store).get(o.id);
    auto list = compose::pending_changes(*store, f);
    if (o.json) {
      std::cout << vakkaart::dump_canonical(compose::changes_to_json(list));
      return;
    }
    if (list.empty())
      std::cout << "No changes in the sources.\n";
    for (const auto& c : list) {
      std::cout << c.key << "  " << c.type << " in " << c.block_id << " (" << c.old_version << " → "
                << c.new_version << ")\n";
      if (!c.old_text.empty())
        std::cout << "    - " << c.old_text << "\n";
      if (!c.new_text.empty())
        std::cout << "    + " << c.new_text << "\n";
    }
  });

  for (auto [name, op, help] :
       {std::tuple{"take", "take_change", "Take a change of a source into the function"},
        std::tuple{"leave", "leave_change", "Leave a change of a source out of the function"}}) {
    auto* decide = fn->add_subcommand(name, help);
    decide->add_option("id", o.id, "Function id")->required();
    decide->add_option("change", o.key, "Change key (see `function changes`)")->required();
    add_expect_version(decide);
    std::string op_name = op;
    decide->callback([&ctx, &o, op_name] {
      apply(*ctx.open_store(store::OpenMode::read_write), o.id,
            Json::array({{{"op", op_name}, {"change", o.key}}}));
    });
  }

  auto* import = fn->add_subcommand("import", "Store a function from its canonical JSON");
  import->add_option("file", o.file, "JSON file (as `function export --format json` writes)")
      ->required();
  import->add_flag("--replace", o.replace, "Replace a function with the same id");
  import->callback([&ctx, &o] {
    auto f = exports::parse_function_json(read_file(o.file), o.file);
  auto store = ctx.open_store(store::OpenMode::read_write);
  std::cout << compose::FunctionService(*store).import(f, author_or_user(), o.replace).id << "\n";
});

auto* del = fn->add_subcommand("delete", "Delete a function and its history");
del->add_option("id", o.id, "Function id")->required();
add_expect_version(del);
del->callback([&ctx, &o] {
  auto store = ctx.open_store(store::OpenMode::read_write);
  compose::FunctionService service(*store);
  service.remove(o.id, o.expect_version ? o.expect_version : service.get(o.id).version);
});
}  // namespace vakkaart::cli

}  // namespace vakkaart::cli
