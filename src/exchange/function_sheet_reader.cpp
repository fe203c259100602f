#include "exchange/function_sheet_reader.h"

#include <charconv>
#include <cmath>
#include <set>

#include "core/error.h"
#include "exchange/function_sheet_kinds.h"
#include "sources/csv_table.h"
#include "sources/xlsx_sheet.h"
#include "text/text_utils.h"

namespace vakkaart::exchange {

namespace {

/// What a block collects from its rows until the next block row closes it.
struct OpenBlock {
  bool active = false;  // a block row was read and not yet closed
  std::size_t line = 0;
  std::string provenance;  // the block row's: the source ref, or "own"
  bool placed = false;
  model::BlockSource source;
  std::set<std::string> source_seen;                           // source_* kinds read
  std::vector<std::pair<std::string, std::size_t>> item_refs;  // each taken item's ref, line
};

/// Reads rows in order into a function; each row's block is the last block row before it.
class FunctionSheetReader {
 public:
  FunctionSheetReader(const std::string& file_name, bool cells) : file_(file_name), cells_(cells) {
    columns_ = sources::sheet_columns();
    for (const std::string& language : model::label_languages())
      columns_.push_back(sources::sheet_label_column(language));
  }

  void add(const sources::SheetRow& row) {
    row_ = &row;
    if (original_required_ && row.kind != "original")
      fail("the edited item " + f_.blocks.back().items.back().id +
               " is followed by its \"original\" row (the text as taken)",
           "kind");
    const bool original_allowed = original_allowed_;
    original_required_ = original_allowed_ = false;
    if (!row.labels.empty())
      fail("a function's rows carry no translations",
           sources::sheet_label_column(row.labels.begin()->first));
    if (!started_ && row.kind != "function")
      fail("the first row must be the function's (kind \"function\"), not \"" + row.kind + "\"",
           "kind");
    if (!row.weight.empty() && row.kind != "block")
      fail("only a block row carries a weight", "weight");
    if (row.kind == "function")
      add_function(row);
    else if (const HeaderField* field = header_field(row.kind))
      add_header(row, *field);
    else if (row.kind == "block")
      add_block(row);
    else if (row.kind == "placement")
      add_placement(row);
    else if (const SourceField* sfield = source_field(row.kind))
      add_source_field(row, *sfield);
    else if (row.kind == "source_statement")
      add_statement(row);
    else if (is_item_kind(row.kind))
      add_item(row);
    else if (row.kind == "original")
      add_original(row, original_allowed);
    else if (row.kind == "decided_change")
      add_decided(row);
    else
      fail("an unknown kind \"" + row.kind +
               "\" (function, its fields, block, placement, source_*, source_statement, an item "
               "kind, original or decided_change; docs/formats/spreadsheet.md)",
           "kind");
  }

  model::FunctionProfile finish() {
    if (!started_)
      throw Error(ErrorCode::parse_error, "a spreadsheet without rows", {file_, 1, ""});
    if (original_required_)
      fail("the edited item " + f_.blocks.back().items.back().id +
               " is followed by its \"original\" row (the text as taken)",
           "kind");
    close_block();
    for (const HeaderField& field : function_header_fields())
      if (!header_seen_.count(field.kind))
        throw Error(ErrorCode::parse_error,
                    std::string("the function has no \"") + field.kind + "\" row",
                    {file_, static_cast<int>(function_line_), field_name("kind")});
    return std::move(f_);
  }

 private:
  std::string field_name(const std::string& column) const {
    return sources::sheet_field(columns_, column, row_ ? row_->line : 1, cells_);
  }

  [[noreturn]] void fail(const std::string& message, const std::string& column) const {
    throw Error(ErrorCode::parse_error, message,
                {file_, static_cast<int>(row_->line), field_name(column)});
  }

  /// The path's parts after the function id: `depth` of them (0: the function, 1: a block, 2: a
  /// statement of a block).
  std::vector<std::string> path_parts(std::size_t depth) const {
    std::vector<std::string> parts;
    const std::string& path = row_->path;
    std::size_t start = 0;
    while (true) {
      auto slash = path.find('/', start);
      parts.push_back(path.substr(start, slash - start));
      if (parts.back().empty())
        fail("an empty part in the path \"" + path + "\"", "path");
      if (slash == std::string::npos)
        break;
      start = slash + 1;
    }
    if (parts.size() != depth + 1)
      fail("a " + row_->kind + " path has " + std::to_string(depth + 1) + " part(s), not \"" +
               path + "\"",
           "path");
    if (started_ && parts[0] != f_.id)
      fail("the path \"" + path + "\" is not in the function \"" + f_.id + "\"", "path");
    parts.erase(parts.begin());
    return parts;
  }

  /// The block a row belongs to: the last block row's, which its path must name.
  model::FunctionBlock& current_block(const std::vector<std::string>& parts) {
    if (f_.blocks.empty())
      fail("a " + row_->kind + " row before any block row", "kind");
    if (parts[0] != f_.blocks.back().id)
      fail("the path names the block \"" + parts[0] + "\" but the row follows block \"" +
               f_.blocks.back().id + "\"",
           "path");
    return f_.blocks.back();
  }

  static const HeaderField* header_field(const std::string& kind) {
    for (const HeaderField& field : function_header_fields())
      if (kind == field.kind)
        return &field;
    return nullptr;
  }

  static const SourceField* source_field(const std::string& kind) {
    for (const SourceField& field : source_fields())
      if (kind == field.kind)
        return &field;
    return nullptr;
  }

  void add_function(const sources::SheetRow& row) {
    if (started_)
      fail("a second function row: a sheet holds one function", "kind");
    path_parts(0);
    f_.id = row.path;
    f_.title = row.wording;
    function_line_ = row.line;
    started_ = true;
  }

  void add_header(const sources::SheetRow& row, const HeaderField& field) {
    path_parts(0);
    if (!f_.blocks.empty())
      fail("the function's own rows come before its first block", "kind");
    if (!header_seen_.insert(field.kind).second)
      fail(std::string("a second \"") + field.kind + "\" row", "kind");
    if (!field.set(f_, row.wording))
      fail(std::string("the ") + field.kind + " is " + field.expected + ", not \"" + row.wording +
               "\"",
           "wording");
  }

  void add_block(const sources::SheetRow& row) {
    auto parts = path_parts(1);
    close_block();
    for (const model::FunctionBlock& b : f_.blocks)
      if (b.id == parts[0])
        fail("a second block \"" + parts[0] + "\"", "path");
    model::FunctionBlock b;
    b.id = parts[0];
    b.title = row.wording;
    if (!row.weight.empty())
      b.weight = weight(row.weight);
    f_.blocks.push_back(std::move(b));
    open_ = OpenBlock{};
    open_.active = true;
    open_.line = row.line;
    open_.provenance = row.provenance;
  }

  double weight(const std::string& text) const {
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
      fail(
          "the weight is a number (a share of working time, e.g. 30 or 12.5), not \"" + text + "\"",
          "weight");
    return v;
  }

  void add_placement(const sources::SheetRow& row) {
    model::FunctionBlock& b = current_block(path_parts(1));
    if (open_.placed)
      fail("a second placement row for block \"" + b.id + "\"", "kind");
    auto slash = row.wording.find('/');
    if (slash == std::string::npos)
      fail("a placement is layer-id/cluster-id (either may be empty), not \"" + row.wording + "\"",
           "wording");
    b.layer_id = row.wording.substr(0, slash);
    b.cluster_id = row.wording.substr(slash + 1);
    open_.placed = true;
  }

  void add_source_field(const sources::SheetRow& row, const SourceField& field) {
    model::FunctionBlock& b = current_block(path_parts(1));
    if (!open_.source_seen.insert(field.kind).second)
      fail(std::string("a second \"") + field.kind + "\" row for block \"" + b.id + "\"", "kind");
    if (!field.set(open_.source, row.wording))
      fail(std::string("the ") + field.kind + " is " + field.expected + ", not \"" + row.wording +
               "\"",
           "wording");
  }

  void add_statement(const sources::SheetRow& row) {
    auto parts = path_parts(2);
    current_block(parts);
    const std::string want = "s" + std::to_string(open_.source.statements.size() + 1);
    if (parts[1] != want)
      fail("the source statement \"" + parts[1] + "\" is out of order: expected " + want, "path");
    auto slash = row.provenance.find('/');
    model::SourceStatement st{row.wording, row.provenance.substr(0, slash), ""};
    if (slash != std::string::npos)
      st.detail = row.provenance.substr(slash + 1);
    open_.source.statements.push_back(std::move(st));
  }

  void add_item(const sources::SheetRow& row) {
    auto parts = path_parts(2);
    model::FunctionBlock& b = current_block(parts);
    if (!item_ids_.insert(parts[1]).second)
      fail("a second item \"" + parts[1] + "\" in the function", "path");
    auto p = ItemProvenance::parse(row.provenance);
    if (!p)
      fail(
          "an item's provenance is \"own\", \"own unedited\" or REF#N (the N-th statement of "
          "the block's source), with \" edited\" when reworded; not \"" +
              row.provenance + "\"",
          "provenance");
    model::FunctionItem item;
    item.id = parts[1];
    item.kind = row.kind;
    item.source_position = p->position;
    if (p->edited)
      item.wording = row.wording;
    else
      item.original = row.wording;
    if (p->position > 0)
      open_.item_refs.emplace_back(p->ref, row.line);
    original_required_ = p->position > 0 && p->edited;
    original_allowed_ = p->edited;
    b.items.push_back(std::move(item));
  }

  void add_original(const sources::SheetRow& row, bool allowed) {
    auto parts = path_parts(2);
    model::FunctionBlock& b = current_block(parts);
    if (!allowed || b.items.empty() || b.items.back().id != parts[1])
      fail("an original row comes right after the edited item of the same path", "kind");
    b.items.back().original = row.wording;
  }

  void add_decided(const sources::SheetRow& row) {
    auto parts = path_parts(2);
    model::FunctionBlock& b = current_block(parts);
    const std::string want = "d" + std::to_string(b.decided_changes.size() + 1);
    if (parts[1] != want)
      fail("the decided change \"" + parts[1] + "\" is out of order: expected " + want, "path");
    b.decided_changes.push_back(row.wording);
  }

  /// Checks what only the whole block shows and gives it its source.
  void close_block() {
    if (!open_.active)
      return;
    model::FunctionBlock& b = f_.blocks.back();
    auto block_fail = [&](const std::string& message, const std::string& column, std::size_t line) {
      throw Error(
          ErrorCode::parse_error, message,
          {file_, static_cast<int>(line), sources::sheet_field(columns_, column, line, cells_)});
    };
    if (!open_.placed)
      block_fail("block \"" + b.id + "\" has no placement row", "kind", open_.line);
    const bool sourced = !open_.source_seen.empty() || !open_.source.statements.empty();
    if (sourced) {
      for (const SourceField& field : source_fields())
        if (!open_.source_seen.count(field.kind))
          block_fail("block \"" + b.id + "\" has a source but no \"" + field.kind + "\" row",
                     "kind", open_.line);
      open_.source.ref = open_.provenance;
      b.source = std::move(open_.source);
    } else if (open_.provenance != kOwn) {
      block_fail("block \"" + b.id + "\" has no source rows, so its provenance is \"own\", not \"" +
                     open_.provenance + "\"",
                 "provenance", open_.line);
    }
    const std::string ref = b.source ? b.source->ref : "";
    for (const auto& [item_ref, line] : open_.item_refs)
      if (item_ref != ref)
        block_fail("the item's source \"" + item_ref + "\" is not its block's (\"" + ref + "\")",
                   "provenance", line);
    open_ = OpenBlock{};
  }

  std::string file_;
  bool cells_ = false;
  std::vector<std::string> columns_;
  const sources::SheetRow* row_ = nullptr;
  bool started_ = false;
  std::size_t function_line_ = 1;
  model::FunctionProfile f_;
  std::set<std::string> header_seen_;
  std::set<std::string> item_ids_;
  OpenBlock open_;
  bool original_required_ = false;  // the last row was a taken item with a wording
  bool original_allowed_ = false;   // the last row was an item with a wording
};

}  // namespace

model::FunctionProfile function_from_rows(const std::vector<sources::SheetRow>& rows,
                                          const std::string& file_name, bool cells) {
  FunctionSheetReader reader(file_name, cells);
  for (const sources::SheetRow& row : rows)
    reader.add(row);
  return reader.finish();
}

model::FunctionProfile parse_function_csv(std::string_view text, const std::string& file_name) {
  return function_from_rows(sources::read_sheet_csv(text, file_name), file_name);
}

model::FunctionProfile parse_function_xlsx(std::string_view bytes, const std::string& file_name) {
  return function_from_rows(sources::read_sheet_xlsx(bytes, file_name), file_name, true);
}

std::optional<model::FunctionProfile> read_function_sheet(std::string_view bytes,
                                                          const std::string& file_name) {
  // A workbook by its content, or by its zip signature or name when the content is damaged: a
  // truncated .xlsx is then refused as a workbook, not read as JSON ("not valid JSON").
  if (sources::looks_like_xlsx(bytes) || bytes.starts_with("PK\x03\x04") ||
      text::ascii_lower(file_name).ends_with(".xlsx"))
    return parse_function_xlsx(bytes, file_name);
  if (sources::sheet_header_languages(sources::csv_header(bytes)))
    return parse_function_csv(bytes, file_name);
  return std::nullopt;
}

}  // namespace vakkaart::exchange
