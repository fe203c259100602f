#include "sources/xlsx_sheet.h"

#include <zip.h>

#include <charconv>

#include <pugixml.hpp>

#include "core/error.h"
#include "text/decode.h"
#include "text/text_utils.h"

namespace vakkaart::sources {

namespace {

/// An opened zip over bytes in memory, closed when it goes out of scope.
class XlsxZip {
 public:
  XlsxZip(std::string_view bytes, const std::string& file_name, const XlsxLimits& limits)
      : file_(file_name), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source)
      zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip_) {
      if (source)
        zip_source_free(source);
      zip_error_fini(&error);
      throw Error(ErrorCode::parse_error, "not an XLSX workbook: the file is not a zip archive",
                  {file_, 0, ""});
    }
    zip_error_fini(&error);
    if (static_cast<std::size_t>(zip_get_num_entries(zip_, 0)) > limits_.max_entries)
      throw Error(
          ErrorCode::too_large,
          "an XLSX workbook of more than " + std::to_string(limits_.max_entries) + " zip entries",
          {file_, 0, ""});
  }
  ~XlsxZip() {
    if (zip_)
      zip_discard(zip_);
  }
  XlsxZip(const XlsxZip&) = delete;
  XlsxZip& operator=(const XlsxZip&) = delete;

  bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  /// A part's bytes, read to at most max_part_bytes whatever its directory entry claims.
  std::string read(const std::string& name) const {
    zip_file_t* f = zip_fopen(zip_, name.c_str(), 0);
    if (!f)
      throw Error(ErrorCode::parse_error, "the workbook has no part " + name, {file_, 0, ""});
    std::string out;
    char buffer[65536];
    while (true) {
      zip_int64_t n = zip_fread(f, buffer, sizeof buffer);
      if (n < 0) {
        zip_fclose(f);
        throw Error(ErrorCode::parse_error, "the part " + name + " cannot be unzipped",
                    {file_, 0, ""});
      }
      if (n == 0)
        break;
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > limits_.max_part_bytes) {
        zip_fclose(f);
        throw Error(ErrorCode::too_large,
                    "the part " + name + " unzips to more than " +
                        std::to_string(limits_.max_part_bytes >> 20) + " MB",
                    {file_, 0, ""});
      }
    }
    zip_fclose(f);
    return out;
  }

  pugi::xml_document xml(const std::string& name) const {
    std::string text = read(name);
    pugi::xml_document doc;
    auto parsed =
        doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed)
      throw Error(ErrorCode::parse_error,
                  "the part " + name + " is not well-formed XML: " + parsed.description() +
                      " at byte " + std::to_string(parsed.offset),
                  {file_, 0, ""});
    return doc;
  }

 private:
  std::string file_;
  XlsxLimits limits_;
  zip_t* zip_ = nullptr;
};

std::string_view xlsx_local(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node xlsx_child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c : node.children())
    if (xlsx_local(c.name()) == local)
      return c;
  return {};
}

int xlsx_hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/// Excel writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_).
std::string xlsx_unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int v = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6; ++k) {
        int h = xlsx_hex(s[i + k]);
        ok = ok && h >= 0;
        v = v * 16 + (h < 0 ? 0 : h);
      }
      if (ok && v < 0x80) {
        out += static_cast<char>(v);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

/// Every <t> under a node (a rich-text string has several runs), phonetic runs (<rPh>) left out.
void xlsx_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    auto local = xlsx_local(c.name());
    if (local == "t")
      out += c.text().get();
    else if (local == "r")
      xlsx_text(c, out);
  }
}

/// The worksheet the workbook lists first, through its relationships; sheet1.xml otherwise.
std::string xlsx_first_sheet(const XlsxZip& zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  if (!zip.has("xl/_rels/workbook.xml.rels"))
    return fallback;
  auto workbook = zip.xml("xl/workbook.xml");
  pugi::xml_node sheets = xlsx_child(workbook.document_element(), "sheets");
  pugi::xml_node first = xlsx_child(sheets, "sheet");
  std::string rid;
  for (pugi::xml_attribute a : first.attributes())
    if (xlsx_local(a.name()) == "id")
      rid = a.value();
  auto rels = zip.xml("xl/_rels/workbook.xml.rels");
  for (pugi::xml_node rel : rels.document_element().children()) {
    if (rid.empty() || rel.attribute("Id").value() != rid)
      continue;
    std::string target = rel.attribute("Target").value();
    if (!target.empty() && target[0] == '/')
      return target.substr(1);
    return "xl/" + target;
  }
  return fallback;
}

/// Column index of a cell reference ("C7" -> 2); npos when it is not one.
std::size_t xlsx_column(std::string_view ref) {
  std::size_t col = 0, i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (col > 16384)
      return std::string::npos;
  }
  if (i == 0 || i == ref.size())
    return std::string::npos;
  return col - 1;
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) {
  if (bytes.substr(0, 4) != std::string_view("PK\x03\x04", 4))
    return false;
  try {
    XlsxZip zip(bytes, "(sniffing)", XlsxLimits{});
    return zip.has("xl/workbook.xml");
  } catch (const Error&) {
    return false;
  }
}

bool claims_xlsx(std::string_view bytes, std::string_view file_name) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
    return true;
  return file_name.size() >= 5 &&
         text::ascii_iequals(file_name.substr(file_name.size() - 5), ".xlsx");
}

std::vector<XlsxRow> read_xlsx_first_sheet(std::string_view bytes, const std::string& file_name,
                                           const XlsxLimits& limits) {
  XlsxZip zip(bytes, file_name, limits);
  if (!zip.has("xl/workbook.xml"))
    throw Error(ErrorCode::parse_error, "not an XLSX workbook: no xl/workbook.xml in the zip",
                {file_name, 0, ""});
  std::vector<std::string> shared;
  if (zip.has("xl/sharedStrings.xml")) {
    auto doc = zip.xml("xl/sharedStrings.xml");
    for (pugi::xml_node si : doc.document_element().children()) {
      if (xlsx_local(si.name()) != "si")
        continue;
      if (shared.size() >= limits.max_cells)
        throw Error(ErrorCode::too_large, "more shared strings than cells allowed",
                    {file_name, 0, "xl/sharedStrings.xml"});
      std::string s;
      xlsx_text(si, s);
      shared.push_back(xlsx_unescape(s));
    }
  }
  const std::string part = xlsx_first_sheet(zip);
  auto sheet = zip.xml(part);
  pugi::xml_node data = xlsx_child(sheet.document_element(), "sheetData");
  std::vector<XlsxRow> rows;
  std::size_t cells = 0, next_row = 1;
  for (pugi::xml_node row : data.children()) {
    if (xlsx_local(row.name()) != "row")
      continue;
    XlsxRow out;
    out.number = row.attribute("r") ? row.attribute("r").as_ullong() : next_row;
    if (out.number < next_row || out.number > limits.max_rows + 1)
      throw Error(ErrorCode::parse_error,
                  "row " + std::string(row.attribute("r").value()) +
                      " is out of order or beyond the " + std::to_string(limits.max_rows) +
                      " rows read",
                  {file_name, static_cast<int>(next_row), part});
    next_row = out.number + 1;
    std::size_t next_col = 0;
    bool any = false;
    for (pugi::xml_node c : row.children()) {
      if (xlsx_local(c.name()) != "c")
        continue;
      std::string ref = c.attribute("r").value();
      std::size_t col = ref.empty() ? next_col : xlsx_column(ref);
      std::string where = part + " cell " + (ref.empty() ? std::to_string(col + 1) : ref);
      if (col == std::string::npos || col >= limits.max_columns)
        throw Error(
            ErrorCode::parse_error,
            "a cell reference beyond the " + std::to_string(limits.max_columns) + " columns read",
            {file_name, static_cast<int>(out.number), where});
      if (++cells > limits.max_cells)
        throw Error(ErrorCode::too_large,
                    "more than " + std::to_string(limits.max_cells) + " cells",
                    {file_name, static_cast<int>(out.number), where});
      next_col = col + 1;
      std::string type = c.attribute("t").value();
      std::string value;
      if (type == "inlineStr") {
        xlsx_text(xlsx_child(c, "is"), value);
      } else {
        value = xlsx_child(c, "v").text().get();
        if (type == "s") {
          std::size_t index = 0;
          auto parsed = std::from_chars(value.data(), value.data() + value.size(), index);
          if (value.empty() || parsed.ec != std::errc() || index >= shared.size())
            throw Error(ErrorCode::parse_error,
                        "a shared string number \"" + value + "\" the workbook does not have",
                        {file_name, static_cast<int>(out.number), where});
          value = shared[index];
        }
      }
      value = type == "s" ? value : xlsx_unescape(value);
      if (!value.empty()) {
        try {
          // The one decoding policy, cell by cell: UTF-8 only, NFC, LF line ends.
          value = text::decode_text(value, file_name, text::DecodePolicy{false}).text;
        } catch (const Error& e) {
          throw Error(e.code(), e.message(), {file_name, static_cast<int>(out.number), where});
        }
      }
      if (out.cells.size() <= col)
        out.cells.resize(col + 1);
      out.cells[col] = std::move(value);
      any = any || !out.cells[col].empty();
    }
    if (any)
      rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace vakkaart::sources
