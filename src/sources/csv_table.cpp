#include "sources/csv_table.h"

#include <csv.h>

#include "core/error.h"

namespace vakkaart::sources {

namespace {

/// What libcsv's callbacks fill in while the text is fed to it one line at a time (so that
/// every callback knows the line it happens on).
struct CsvCollector {
  CsvCollector(const std::string& name, const CsvLimits& l, bool header_only)
      : file_name(name), limits(l), stop_after_header(header_only) {}

  const std::string& file_name;
  const CsvLimits& limits;
  CsvTable table;
  std::vector<std::string> fields;
  std::size_t line = 1;         // the line being fed
  std::size_t record_line = 1;  // where the current record started
  bool between_records = true;  // the next non-blank line starts a record
  bool header_done = false;
  bool stop_after_header = false;
  bool failed = false;  // a limit was hit inside a callback (which must not throw through C)
  std::string failure;
  std::string failure_column;
  ErrorCode failure_code = ErrorCode::parse_error;
};

std::string csv_column_name(const CsvCollector& c, std::size_t index) {
  std::string out = "column " + std::to_string(index + 1);
  if (index < c.table.header.size())
    out += " (" + c.table.header[index] + ")";
  return out;
}

void csv_on_field(void* data, std::size_t size, void* user) {
  auto& c = *static_cast<CsvCollector*>(user);
  if (c.failed)
    return;
  if (c.fields.size() == c.limits.max_fields) {
    c.failed = true;
    c.failure_code = ErrorCode::too_large;
    c.failure = "more than " + std::to_string(c.limits.max_fields) + " fields in one record";
    c.failure_column = csv_column_name(c, c.fields.size());
    return;
  }
  c.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void csv_on_record(int, void* user) {
  auto& c = *static_cast<CsvCollector*>(user);
  if (c.failed)
    return;
  if (!c.header_done) {
    c.table.header = std::move(c.fields);
    c.header_done = true;
  } else {
    if (c.fields.size() > c.table.header.size()) {
      c.failed = true;
      c.failure = "a record with " + std::to_string(c.fields.size()) + " fields, the header has " +
                  std::to_string(c.table.header.size());
      c.failure_column = "column " + std::to_string(c.table.header.size() + 1);
      c.line = c.record_line;
      return;
    }
    if (c.table.rows.size() == c.limits.max_rows) {
      c.failed = true;
      c.failure_code = ErrorCode::too_large;
      c.failure = "more than " + std::to_string(c.limits.max_rows) + " records";
      c.failure_column = "";
      return;
    }
    c.table.rows.push_back({c.record_line, std::move(c.fields)});
  }
  c.fields.clear();
  c.between_records = true;
}

// RFC 4180 keeps spaces: libcsv's default trims spaces and tabs around unquoted fields.
int csv_no_space(unsigned char) {
  return 0;
}

/// Feeds `text` to libcsv; stops early after the header when asked. Throws on error.
void csv_feed(std::string_view text, CsvCollector& c) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
    text.remove_prefix(3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    throw Error(ErrorCode::internal, "cannot start the CSV reader", {c.file_name, 0, ""});
  csv_set_space_func(&parser, csv_no_space);
  struct Free {
    csv_parser* p;
    ~Free() { csv_free(p); }
  } release{&parser};
  auto fail_parse = [&]() {
    std::string column = csv_column_name(c, c.fields.size());
    throw Error(ErrorCode::parse_error,
                std::string("not valid CSV: ") + csv_strerror(csv_error(&parser)) +
                    " (a quote inside an unquoted field or text after a closing quote)",
                {c.file_name, static_cast<int>(c.line), column});
  };
  while (!text.empty()) {
    auto newline = text.find('\n');
    std::size_t take = newline == std::string_view::npos ? text.size() : newline + 1;
    std::string_view chunk = text.substr(0, take);
    if (c.between_records && chunk.find_first_not_of("\r\n") != std::string_view::npos) {
      c.record_line = c.line;
      c.between_records = false;
    }
    if (csv_parse(&parser, chunk.data(), take, csv_on_field, csv_on_record, &c) != take)
      fail_parse();
    if (c.failed)
      throw Error(c.failure_code, c.failure,
                  {c.file_name, static_cast<int>(c.line), c.failure_column});
    if (c.stop_after_header && c.header_done)
      return;
    text.remove_prefix(take);
    if (newline != std::string_view::npos)
      ++c.line;
  }
  if (csv_fini(&parser, csv_on_field, csv_on_record, &c) != 0)
    throw Error(
        ErrorCode::parse_error,
        "not valid CSV: a quoted field is never closed (the record starts on this line)",
        {c.file_name, static_cast<int>(c.record_line), csv_column_name(c, c.fields.size())});
  if (c.failed)
    throw Error(c.failure_code, c.failure,
                {c.file_name, static_cast<int>(c.line), c.failure_column});
}

}  // namespace

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name)
      return i;
  return std::string::npos;
}

CsvTable read_csv(std::string_view text, const std::string& file_name, const CsvLimits& limits) {
  CsvCollector c(file_name, limits, false);
  csv_feed(text, c);
  if (!c.header_done)
    throw Error(ErrorCode::parse_error, "an empty CSV file: no header row", {file_name, 1, ""});
  return std::move(c.table);
}

std::vector<std::string> csv_header(std::string_view text) {
  static const std::string sniffing = "(sniffing)";
  CsvLimits limits;
  // The header is the first record; a header record longer than 64 kB is nothing we read.
  CsvCollector c(sniffing, limits, true);
  try {
    csv_feed(text.substr(0, 65536), c);
  } catch (const Error&) {
    return {};
  }
  return c.header_done ? c.table.header : std::vector<std::string>{};
}

}  // namespace vakkaart::sources
