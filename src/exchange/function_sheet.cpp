#include "exchange/function_sheet.h"

#include "core/error.h"
#include "exchange/framework_xlsx.h"
#include "exchange/function_sheet_kinds.h"
#include "exchange/sheet_csv.h"

namespace vakkaart::exchange {

namespace {

/// Builds the rows of one function; ids go into paths, so each is checked once here.
class FunctionRowWriter {
 public:
  explicit FunctionRowWriter(const model::FunctionProfile& f) : f_(f) {}

  std::vector<sources::SheetRow> rows() {
    path_part(f_.id, "the function id");
    add(f_.id, "function", "", "", f_.title);
    for (const HeaderField& field : function_header_fields())
      add(f_.id, field.kind, "", "", field.get(f_));
    for (const model::FunctionBlock& block : f_.blocks)
      add_block(block);
    return std::move(rows_);
  }

 private:
  void add(std::string path, std::string kind, std::string provenance, std::string weight,
           std::string wording) {
    rows_.push_back({std::move(path), std::move(kind), std::move(provenance), std::move(weight),
                     std::move(wording)});
  }

  void path_part(const std::string& id, const std::string& what) const {
    if (id.empty() || id.find('/') != std::string::npos)
      throw Error(ErrorCode::invalid_argument,
                  what + " \"" + id + "\" cannot be part of a sheet path (empty or with a '/')",
                  {"", 0, "id"});
  }

  void add_block(const model::FunctionBlock& b) {
    path_part(b.id, "the block id");
    const std::string path = f_.id + "/" + b.id;
    add(path, "block", b.source ? b.source->ref : kOwn, b.weight ? sheet_weight(*b.weight) : "",
        b.title);
    if (b.layer_id.find('/') != std::string::npos)
      throw Error(ErrorCode::invalid_argument,
                  "block " + b.id + ": a layer id with a '/' (\"" + b.layer_id + "\")",
                  {"", 0, "layer"});
    add(path, "placement", "", "", b.layer_id + "/" + b.cluster_id);
    if (b.source) {
      for (const SourceField& field : source_fields())
        add(path, field.kind, "", "", field.get(*b.source));
      for (std::size_t i = 0; i < b.source->statements.size(); ++i) {
        const model::SourceStatement& st = b.source->statements[i];
        if (st.kind.find('/') != std::string::npos)
          throw Error(
              ErrorCode::invalid_argument,
              "block " + b.id + ": a source statement kind with a '/' (\"" + st.kind + "\")",
              {"", 0, "source"});
        add(path + "/s" + std::to_string(i + 1), "source_statement",
            st.detail.empty() ? st.kind : st.kind + "/" + st.detail, "", st.text);
      }
    }
    for (const model::FunctionItem& item : b.items)
      add_item(path, b, item);
    for (std::size_t i = 0; i < b.decided_changes.size(); ++i)
      add(path + "/d" + std::to_string(i + 1), "decided_change", "", "", b.decided_changes[i]);
  }

  void add_item(const std::string& block_path, const model::FunctionBlock& b,
                const model::FunctionItem& item) {
    path_part(item.id, "the item id");
    if (!is_item_kind(item.kind))
      throw Error(ErrorCode::invalid_argument,
                  "item " + item.id + " has the kind \"" + item.kind + "\", not one an item has",
                  {"", 0, "kind"});
    const std::string path = block_path + "/" + item.id;
    ItemProvenance p{item.source_position, item.wording.has_value(), b.source ? b.source->ref : ""};
    add(path, item.kind, p.text(), "", item.text());
    if (p.needs_original_row(item.original))
      add(path, "original", "", "", item.original);
  }

  const model::FunctionProfile& f_;
  std::vector<sources::SheetRow> rows_;
};

}  // namespace

std::vector<sources::SheetRow> function_to_rows(const model::FunctionProfile& function) {
  return FunctionRowWriter(function).rows();
}

std::optional<SheetFormat> sheet_format_from_name(std::string_view name) {
  if (name == "csv")
    return SheetFormat::csv;
  if (name == "xlsx")
    return SheetFormat::xlsx;
  return std::nullopt;
}

namespace {
constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}  // namespace

const char* sheet_media_type(SheetFormat format) {
  return format == SheetFormat::csv ? "text/csv; charset=utf-8" : kXlsxMediaType.data();
}

std::optional<SheetFormat> sheet_format_from_media(std::string_view media) {
  if (media == "text/csv")
    return SheetFormat::csv;
  if (media == kXlsxMediaType)
    return SheetFormat::xlsx;
  return std::nullopt;
}

std::string function_to_sheet(const model::FunctionProfile& function, SheetFormat format) {
  const auto rows = function_to_rows(function);
  return format == SheetFormat::csv ? rows_to_csv(rows) : rows_to_xlsx(rows);
}

}  // namespace vakkaart::exchange
