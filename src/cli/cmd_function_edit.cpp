// The `vakkaart function` subcommands that change a function: each builds typed edits
// (compose/edit.h) from its arguments, so an id or number the user mistyped is a usage error
// naming the argument before anything is looked up.
#include <iostream>
#include <iterator>

#include "cli/function_cli.h"
#include "compose/source_block.h"
#include "core/error.h"
#include "core/json.h"
#include "server/edit_json.h"

namespace vakkaart::cli::function_cli {

void add_function_add(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("add", "Take a block: a main activity or a competence");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("source", o.source,
                  "PROFILE:CLUSTER:N (N-th main activity) or BK-xxxx-v:N (competence N)")
      ->required();
  cmd->add_option("--items", o.items,
                  "Sub-activities by 1-based position, e.g. 1,3,5 (default: all)");
  cmd->add_option("--cluster", o.cluster, "Cluster to place it in (default: its own/best)");
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    compose::AddBlock edit;
    edit.source = o.source;
    compose::parse_source_ref(o.source);  // a malformed reference is a usage error
    if (!o.items.empty())
      edit.items = compose::parse_item_positions(o.items);
    edit.cluster = o.cluster;
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, {edit});
  });
}

void add_function_set(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("set", "Change the title, purpose, context, organisation, status");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("--title", o.set_title);
  cmd->add_option("--purpose", o.set_purpose);
  cmd->add_option("--context", o.set_context);
  cmd->add_option("--org", o.set_org);
  cmd->add_option("--status", o.set_status)->check(CLI::IsMember({"draft", "final"}));
  add_expect_version(cmd);
  cmd->callback([&ctx, &o, cmd] {
    std::vector<compose::Edit> edits;
    auto field = [&](const char* option, compose::FunctionField name, const std::string& value) {
      if (cmd->count(option))
        edits.push_back(compose::SetField{name, value});
    };
    field("--title", compose::FunctionField::title, o.set_title);
    field("--purpose", compose::FunctionField::purpose, o.set_purpose);
    field("--context", compose::FunctionField::context, o.set_context);
    field("--org", compose::FunctionField::organisation, o.set_org);
    field("--status", compose::FunctionField::status, o.set_status);
    if (edits.empty())
      throw Error(ErrorCode::invalid_argument, "nothing to set: give --title, --purpose, ...");
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, edits);
  });
}

void add_function_weight(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("weight", "Set a block's share of working time in %");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("block", o.target, "Block id, e.g. b3")->required();
  cmd->add_option("percent", o.text, "0-100, or 'none'")->required();
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    compose::SetBlock edit;
    edit.block = compose::parse_block_id(o.target, "block");
    edit.weight = parse_weight(o.text);
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, {edit});
  });
}

void add_function_reword(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("reword", "Reword an item for the organisation");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("item", o.target, "Item id, e.g. i7")->required();
  cmd->add_option("text", o.text, "The new wording");
  cmd->add_flag("--original", o.original, "Go back to the source's wording");
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    if (o.original == !o.text.empty())
      throw Error(ErrorCode::invalid_argument, "give either a text or --original", {"", 0, "text"});
    compose::Reword edit{compose::parse_item_id(o.target, "item"), std::nullopt};
    if (!o.original)
      edit.text = o.text;
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, {edit});
  });
}

void add_function_remove(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("remove", "Remove a block (b…) or an item (i…)");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("part", o.target, "Block or item id")->required();
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    auto part = compose::parse_part_id(o.target, "part");
    compose::Edit edit = std::holds_alternative<compose::BlockId>(part)
                             ? compose::Edit(compose::RemoveBlock{std::get<compose::BlockId>(part)})
                             : compose::Edit(compose::RemoveItem{std::get<compose::ItemId>(part)});
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, {edit});
  });
}

void add_function_edit(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  auto* cmd = fn.add_subcommand("edit", "Apply a JSON array of edits (the API's) at once");
  cmd->add_option("id", o.id, "Function id")->required();
  cmd->add_option("file", o.file, "JSON file with the edits, or - for stdin")->required();
  add_expect_version(cmd);
  cmd->callback([&ctx, &o] {
    std::string text;
    if (o.file == "-")
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    else
      text = read_file(o.file);
    vakkaart::Json list;
    try {
      list = vakkaart::Json::parse(text);
    } catch (const vakkaart::Json::exception& e) {
      // Any JSON failure, also a number out of range ("1e999"), is the file's fault.
      throw Error(ErrorCode::parse_error, e.what(), {o.file, 0, ""});
    }
    // The file holds the API's JSON edits; they are read the way the API reads them.
    apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, server::edits_from_json(list));
  });
}

void add_function_decisions(CLI::App& fn, Context& ctx) {
  auto& o = opts();
  for (bool take : {true, false}) {
    auto* cmd = fn.add_subcommand(take ? "take" : "leave",
                                  take ? "Take a change of a source into the function"
                                       : "Leave a change of a source out of the function");
    cmd->add_option("id", o.id, "Function id")->required();
    cmd->add_option("change", o.key, "Change key (see `function changes`)")->required();
    add_expect_version(cmd);
    cmd->callback([&ctx, &o, take] {
      compose::Edit edit = take ? compose::Edit(compose::TakeChange{o.key})
                                : compose::Edit(compose::LeaveChange{o.key});
      apply_edits(*ctx.open_store(store::OpenMode::read_write), o.id, {edit});
    });
  }
}

}  // namespace vakkaart::cli::function_cli
